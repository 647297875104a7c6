package org.isotherm.stac;

import java.time.Instant;
import java.util.Locale;

/** Builds STAC item JSON for tests. */
final class TestItems {

    private TestItems() {}

    static String box(String id, double minX, double minY, double maxX, double maxY, Instant datetime, double cloud) {
        var geometry = String.format(
                Locale.ROOT,
                "{\"type\":\"Polygon\",\"coordinates\":[[[%s,%s],[%s,%s],[%s,%s],[%s,%s],[%s,%s]]]}",
                minX,
                minY,
                maxX,
                minY,
                maxX,
                maxY,
                minX,
                maxY,
                minX,
                minY);
        return item(id, geometry, datetime, cloud);
    }

    static String item(String id, String geometry, Instant datetime, double cloud) {
        return String.format(Locale.ROOT, """
                {"type":"Feature","stac_version":"1.0.0","id":"%s","geometry":%s,
                 "properties":{"datetime":"%s","gsd":30,"platform":"sba01","eo:cloud_cover":%s},
                 "assets":{"lst":{"href":"https://example.com/%s/lst.tiff","type":"image/tiff"},
                           "metadata":{"href":"https://example.com/%s/metadata.json","type":"application/json"}},
                 "links":[]}""", id, geometry, datetime, cloud, id, id);
    }
}
