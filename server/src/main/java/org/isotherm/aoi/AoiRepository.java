package org.isotherm.aoi;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.isotherm.geo.AoiGeometry;
import org.isotherm.geo.UtmMeasures;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** SQL for areas of interest; every statement is scoped to one workspace and skips deleted AOIs. */
@Repository
class AoiRepository {

    private static final String COLUMNS = """
            id, organization_id, name, description, geometry::text AS geometry, sent_as, bbox_width, bbox_height, area,
            created""";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final AoiUsage usage;

    AoiRepository(JdbcClient jdbc, JsonMapper json, AoiUsage usage) {
        this.jdbc = jdbc;
        this.json = json;
        this.usage = usage;
    }

    /** Inserts a new AOI; a name already used in the workspace throws a {@code DuplicateKeyException}. */
    @Transactional
    AreaOfInterest insert(
            UUID workspaceId,
            String name,
            @Nullable String description,
            AoiGeometry geometry,
            String sent,
            String sentAs,
            UtmMeasures measures) {
        var box = geometry.polygon().getEnvelopeInternal();
        return jdbc.sql("""
                        INSERT INTO areas_of_interest (id, organization_id, name, description, geometry, sent_as,
                            bbox_width, bbox_height, area, min_lon, min_lat, max_lon, max_lat)
                        VALUES (:id, :workspace, :name, :description, :geometry::jsonb, :sentAs,
                            :bboxWidth, :bboxHeight, :area, :minLon, :minLat, :maxLon, :maxLat)
                        RETURNING\s""" + COLUMNS)
                .param("id", UUID.randomUUID())
                .param("workspace", workspaceId)
                .param("name", name)
                .param("description", description)
                .param("geometry", sent)
                .param("sentAs", sentAs)
                .param("bboxWidth", measures.bboxWidth())
                .param("bboxHeight", measures.bboxHeight())
                .param("area", measures.area())
                .param("minLon", box.getMinX())
                .param("minLat", box.getMinY())
                .param("maxLon", box.getMaxX())
                .param("maxLat", box.getMaxY())
                .query(this::row)
                .single();
    }

    Optional<AreaOfInterest> find(UUID workspaceId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM areas_of_interest
                        WHERE organization_id = :workspace AND id = :id AND deleted IS NULL""")
                .param("workspace", workspaceId)
                .param("id", id)
                .query(this::row)
                .optional();
    }

    long count(UUID workspaceId) {
        return jdbc.sql("SELECT count(*) FROM areas_of_interest WHERE organization_id = :workspace AND deleted IS NULL")
                .param("workspace", workspaceId)
                .query(Long.class)
                .single();
    }

    List<AreaOfInterest> page(UUID workspaceId, int limit, long offset, boolean newestFirst) {
        var order = newestFirst ? "created DESC, id DESC" : "created ASC, id ASC";
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM areas_of_interest
                        WHERE organization_id = :workspace AND deleted IS NULL
                        ORDER BY\s""" + order + " LIMIT :limit OFFSET :offset")
                .param("workspace", workspaceId)
                .param("limit", limit)
                .param("offset", offset)
                .query(this::row)
                .list();
    }

    /**
     * Marks the AOI deleted unless an order that is not finished uses it. The AOI row is locked first, so a delete
     * and another delete serialise, and so does an order being placed on it (which share-locks the row).
     */
    @Transactional
    Deletion delete(UUID workspaceId, UUID id) {
        var found = jdbc.sql("""
                        SELECT id FROM areas_of_interest
                        WHERE organization_id = :workspace AND id = :id AND deleted IS NULL
                        FOR UPDATE""")
                .param("workspace", workspaceId)
                .param("id", id)
                .query(UUID.class)
                .optional();
        if (found.isEmpty()) {
            return Deletion.NOT_FOUND;
        }
        if (usage.inUse(id)) {
            return Deletion.IN_USE;
        }
        jdbc.sql("UPDATE areas_of_interest SET deleted = now() WHERE id = :id")
                .param("id", id)
                .update();
        return Deletion.DELETED;
    }

    private AreaOfInterest row(ResultSet rs, int row) throws SQLException {
        return new AreaOfInterest(
                rs.getObject("id", UUID.class),
                rs.getObject("organization_id", UUID.class),
                rs.getString("name"),
                rs.getString("description"),
                json.readTree(rs.getString("geometry")),
                rs.getString("sent_as"),
                rs.getDouble("bbox_width"),
                rs.getDouble("bbox_height"),
                rs.getDouble("area"),
                rs.getTimestamp("created").toInstant());
    }

    enum Deletion {
        DELETED,
        NOT_FOUND,
        IN_USE
    }
}
