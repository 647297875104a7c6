package org.isotherm.aoi;

import java.util.UUID;

/**
 * What other features need of an area of interest: its identity and the figures ordering rules and fulfilment
 * check (bbox sizes in metres as {@code UtmMeasures} computes them, lon/lat bounds in degrees).
 */
public record AoiSummary(
        UUID id,
        UUID workspaceId,
        String name,
        double bboxWidth,
        double bboxHeight,
        double area,
        double minLon,
        double minLat,
        double maxLon,
        double maxLat) {}
