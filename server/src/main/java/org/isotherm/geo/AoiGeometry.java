package org.isotherm.geo;

import org.locationtech.jts.geom.Polygon;
import tools.jackson.databind.JsonNode;

/**
 * A validated area of interest.
 *
 * @param polygon the polygon in lon/lat (EPSG:4326), checked valid by JTS
 * @param geometry the GeoJSON geometry object as sent (for a Feature, its {@code geometry} member), so that
 *     responses can return exactly what the client gave
 */
public record AoiGeometry(Polygon polygon, JsonNode geometry) {}
