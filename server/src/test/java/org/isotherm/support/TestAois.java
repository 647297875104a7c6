package org.isotherm.support;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Inserts areas of interest straight into {@code areas_of_interest}, for features that order against AOIs without
 * depending on the AOI API. The figures are realistic: a lon/lat box around a point, with the UTM bbox sizes given.
 */
@Component
public class TestAois {

    private final JdbcClient jdbc;

    TestAois(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A field near Seville (37.4°N): 5 km by 5 km. */
    public UUID field(UUID workspaceId) {
        return insert(workspaceId, -5.98, 37.38, 5_000, 5_000);
    }

    /**
     * An AOI centred at (lon, lat) whose bbox measures {@code widthM} by {@code heightM} metres; the lon/lat bounds
     * follow from the sizes with a spherical approximation, close enough for coverage checks.
     */
    public UUID insert(UUID workspaceId, double lon, double lat, double widthM, double heightM) {
        var id = UUID.randomUUID();
        double halfHeightDeg = heightM / 2 / 111_320.0;
        double halfWidthDeg = widthM / 2 / (111_320.0 * Math.cos(Math.toRadians(lat)));
        double minLon = lon - halfWidthDeg, maxLon = lon + halfWidthDeg;
        double minLat = lat - halfHeightDeg, maxLat = lat + halfHeightDeg;
        var geometry = """
                {"type":"Polygon","coordinates":[[[%s,%s],[%s,%s],[%s,%s],[%s,%s],[%s,%s]]]}""".formatted(minLon, minLat, maxLon, minLat, maxLon, maxLat, minLon, maxLat, minLon, minLat);
        jdbc.sql("""
                        INSERT INTO areas_of_interest (id, organization_id, name, description, geometry, bbox_width,
                                                       bbox_height, area, min_lon, min_lat, max_lon, max_lat)
                        VALUES (:id, :workspace, :name, NULL, CAST(:geometry AS jsonb), :width, :height, :area,
                                :minLon, :minLat, :maxLon, :maxLat)""")
                .param("id", id)
                .param("workspace", workspaceId)
                .param("name", "AOI " + id)
                .param("geometry", geometry)
                .param("width", widthM)
                .param("height", heightM)
                .param("area", widthM * heightM)
                .param("minLon", minLon)
                .param("minLat", minLat)
                .param("maxLon", maxLon)
                .param("maxLat", maxLat)
                .update();
        return id;
    }

    public void delete(UUID id) {
        jdbc.sql("DELETE FROM areas_of_interest WHERE id = :id").param("id", id).update();
    }
}
