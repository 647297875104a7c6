package org.isotherm.lst;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;

/**
 * What to make: one acquisition over one area.
 *
 * @param product LSTprecision, LSTzoom or LSTfusion (any case)
 * @param satellite SBA01..SBA04, or FUSION
 * @param acquired acquisition time; the model reads the local solar time from it at the AOI's centre (pass
 *     LSTfusion's 11:00 solar time as an instant)
 * @param area the AOI, polygon or multipolygon in WGS84 lon/lat
 * @param pixelSize metres: 30 (LSTprecision, LSTfusion) or 10 (LSTzoom)
 * @param sharpened10m also write {@code lst_sharpened_10m.tiff} (LSTprecision's option)
 * @param vendorMetadata the caller's fields for metadata.json (area_of_interest_id, name, organization_id,
 *     requested_area_of_interest...), in their order; fields the scene computes are not taken from here
 */
public record SceneRequest(
        String product,
        String satellite,
        Instant acquired,
        Geometry area,
        double pixelSize,
        boolean sharpened10m,
        Map<String, @Nullable Object> vendorMetadata) {

    public SceneRequest {
        switch (product.toLowerCase(Locale.ROOT)) {
            case "lstprecision", "lstzoom", "lstfusion" -> {}
            default -> throw new IllegalArgumentException("unknown product " + product);
        }
        if (!(pixelSize >= 1 && pixelSize <= 1000)) {
            throw new IllegalArgumentException("pixel size must be 1..1000 m, not " + pixelSize);
        }
        if (area.isEmpty()) {
            throw new IllegalArgumentException("the area is empty");
        }
        vendorMetadata = Collections.unmodifiableMap(new LinkedHashMap<>(vendorMetadata));
    }
}
