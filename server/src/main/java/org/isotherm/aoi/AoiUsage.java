package org.isotherm.aoi;

import java.util.UUID;

/**
 * Whether an AOI may still be deleted. The orders that use AOIs belong to {@code order}, which implements this, so
 * that {@code aoi} neither reads another feature's table nor depends on it.
 */
public interface AoiUsage {

    /** Whether an order that is not finished (not closed, cancelled or rejected) uses the AOI. */
    boolean inUse(UUID areaOfInterestId);
}
