package org.isotherm.aoi;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The public surface of the AOI feature for other features: lookups scoped to one workspace. */
@Service
public class AreasOfInterest {

    private static final String SELECT = """
            SELECT id, organization_id AS workspace_id, name, bbox_width, bbox_height, area, min_lon, min_lat, max_lon, max_lat
            FROM areas_of_interest""";

    private final JdbcClient jdbc;

    public AreasOfInterest(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The AOI if it exists in this workspace and is not deleted; another workspace's AOI is as absent as a missing
     * one.
     */
    public Optional<AoiSummary> find(UUID workspaceId, UUID id) {
        return jdbc.sql(SELECT + " WHERE organization_id = :workspace AND id = :id AND deleted IS NULL")
                .param("workspace", workspaceId)
                .param("id", id)
                .query(AoiSummary.class)
                .optional();
    }

    /** Every AOI of {@code ids} that exists in this workspace, in one query (batch orders name many). */
    public List<AoiSummary> findAll(UUID workspaceId, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " WHERE organization_id = :workspace AND id = ANY(:ids) AND deleted IS NULL")
                .param("workspace", workspaceId)
                .param("ids", ids.toArray(UUID[]::new))
                .query(AoiSummary.class)
                .list();
    }

    /**
     * As {@link #findAll}, but share-locks the rows until the caller's transaction ends. Call it inside the
     * transaction that inserts orders: a concurrent {@code DELETE /areas-of-interest/{id}} (which locks the row for
     * update, then checks for unfinished orders) waits for that transaction and then sees its orders, so no order
     * can be placed on an AOI that is being deleted.
     */
    public List<AoiSummary> findAllLocked(UUID workspaceId, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " WHERE organization_id = :workspace AND id = ANY(:ids) AND deleted IS NULL FOR SHARE")
                .param("workspace", workspaceId)
                .param("ids", ids.toArray(UUID[]::new))
                .query(AoiSummary.class)
                .list();
    }
}
