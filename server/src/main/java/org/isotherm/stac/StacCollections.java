package org.isotherm.stac;

import com.github.benmanes.caffeine.cache.LoadingCache;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.isotherm.auth.Caller;
import org.isotherm.db.ReadCaches;
import org.isotherm.web.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Collections per workspace. Every workspace has the three product collections (created on first use); it sees its
 * own collections plus those an operator made public in another workspace, unless one of its own has the same id.
 * Lookups are cached briefly: item reads and searches resolve collections on every request.
 */
@Repository
class StacCollections {

    /** The product collections every workspace has. */
    static final List<String> PRODUCTS = List.of("lstprecision", "lstzoom", "lstfusion");

    private static final String COLUMNS = """
            key, workspace_id, id, public, content::text AS content, min_lon, min_lat, max_lon, max_lat,
            min_datetime, max_datetime""";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Set<UUID> provisioned = ConcurrentHashMap.newKeySet();
    private final LoadingCache<UUID, List<StacCollection>> visible =
            ReadCaches.refreshing(Duration.ofSeconds(2), 10_000).build(this::load);

    StacCollections(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The collections this workspace sees, ordered by id. */
    List<StacCollection> visible(UUID workspaceId) {
        return visible.get(workspaceId);
    }

    /** A visible collection, or 404. */
    StacCollection find(UUID workspaceId, String id) {
        return findVisible(workspaceId, id).orElseThrow(() -> notFound(id));
    }

    Optional<StacCollection> findVisible(UUID workspaceId, String id) {
        for (var collection : visible(workspaceId)) {
            if (collection.id().equals(id)) {
                return Optional.of(collection);
            }
        }
        return Optional.empty();
    }

    /** A collection of the workspace itself (the only kind it may write to), or 404. */
    StacCollection own(UUID workspaceId, String id) {
        return findVisible(workspaceId, id)
                .filter(c -> c.workspaceId().equals(workspaceId))
                .orElseThrow(() -> notFound(id));
    }

    /**
     * A collection of the workspace itself, read past the cache with its row locked until the surrounding
     * transaction ends (read-modify-write, as a merge patch does), or 404.
     */
    StacCollection lockOwn(UUID workspaceId, String id) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM stac_collections WHERE workspace_id = :workspace AND id = :id FOR UPDATE")
                .param("workspace", workspaceId)
                .param("id", id)
                .query(StacCollections::row)
                .optional()
                .orElseThrow(() -> notFound(id));
    }

    static NotFoundException notFound(String id) {
        return new NotFoundException("Collection " + id + " not found");
    }

    /** The same collection read again, bypassing the cache (for its extent right after writes). */
    StacCollection reload(StacCollection collection) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM stac_collections WHERE key = :key")
                .param("key", collection.key())
                .query(StacCollections::row)
                .single();
    }

    private List<StacCollection> load(UUID workspaceId) {
        if (!workspaceId.equals(Caller.ANONYMOUS.workspaceId())) {
            provision(workspaceId);
        }
        var own = jdbc.sql("SELECT " + COLUMNS + " FROM stac_collections WHERE workspace_id = :workspace")
                .param("workspace", workspaceId)
                .query(StacCollections::row)
                .list();
        var ids = new HashSet<String>();
        own.forEach(c -> ids.add(c.id()));
        var all = new ArrayList<>(own);
        jdbc
                .sql("SELECT " + COLUMNS + " FROM stac_collections WHERE public AND workspace_id <> :workspace")
                .param("workspace", workspaceId)
                .query(StacCollections::row)
                .list()
                .stream()
                .filter(c -> ids.add(c.id()))
                .forEach(all::add);
        all.sort(Comparator.comparing(StacCollection::id));
        return List.copyOf(all);
    }

    /** Creates the product collections of a workspace once; concurrent first requests are harmless. */
    private void provision(UUID workspaceId) {
        if (provisioned.contains(workspaceId)) {
            return;
        }
        for (var id : PRODUCTS) {
            jdbc.sql("""
                    INSERT INTO stac_collections (workspace_id, id, content) VALUES (:workspace, :id, :content::jsonb)
                    ON CONFLICT (workspace_id, id) DO NOTHING""")
                    .param("workspace", workspaceId)
                    .param("id", id)
                    .param("content", json.writeValueAsString(ProductCollections.template(id, json)))
                    .update();
        }
        provisioned.add(workspaceId);
    }

    /** Stores a new collection; false when the workspace already has one with this id (nothing changes then). */
    boolean insert(UUID workspaceId, String id, ObjectNode content) {
        provision(workspaceId);
        int inserted = jdbc.sql("""
                INSERT INTO stac_collections (workspace_id, id, content) VALUES (:workspace, :id, :content::jsonb)
                ON CONFLICT (workspace_id, id) DO NOTHING""")
                .param("workspace", workspaceId)
                .param("id", id)
                .param("content", json.writeValueAsString(content))
                .update();
        changed();
        return inserted == 1;
    }

    /** Replaces the collection, or stores it when the workspace has none with this id; true when it was new. */
    boolean upsert(UUID workspaceId, String id, ObjectNode content) {
        provision(workspaceId);
        boolean created = jdbc.sql("""
                INSERT INTO stac_collections (workspace_id, id, content) VALUES (:workspace, :id, :content::jsonb)
                ON CONFLICT (workspace_id, id) DO UPDATE SET content = EXCLUDED.content, updated = now()
                RETURNING xmax = 0""")
                .param("workspace", workspaceId)
                .param("id", id)
                .param("content", json.writeValueAsString(content))
                .query(Boolean.class)
                .single();
        changed();
        return created;
    }

    void update(UUID workspaceId, String id, ObjectNode content) {
        jdbc.sql("""
                UPDATE stac_collections SET content = :content::jsonb, updated = now()
                WHERE workspace_id = :workspace AND id = :id""")
                .param("workspace", workspaceId)
                .param("id", id)
                .param("content", json.writeValueAsString(content))
                .update();
        changed();
    }

    void delete(StacCollection collection) {
        jdbc.sql("DELETE FROM stac_items WHERE collection_key = :key")
                .param("key", collection.key())
                .update();
        jdbc.sql("DELETE FROM stac_collections WHERE key = :key")
                .param("key", collection.key())
                .update();
        if (PRODUCTS.contains(collection.id())) {
            // the product collections always exist: deleting one empties it and restores its description
            provisioned.remove(collection.workspaceId());
        }
        changed();
    }

    void setPublic(StacCollection collection, boolean isPublic) {
        jdbc.sql("UPDATE stac_collections SET public = :public, updated = now() WHERE key = :key")
                .param("public", isPublic)
                .param("key", collection.key())
                .update();
        changed();
    }

    /** Widens the stored extent to cover newly written items; called inside the writing transaction. */
    void widenExtent(
            int key,
            double minLon,
            double minLat,
            double maxLon,
            double maxLat,
            java.time.Instant start,
            java.time.Instant end) {
        jdbc.sql("""
                UPDATE stac_collections SET
                    min_lon = least(min_lon, :minLon), min_lat = least(min_lat, :minLat),
                    max_lon = greatest(max_lon, :maxLon), max_lat = greatest(max_lat, :maxLat),
                    min_datetime = least(min_datetime, :start), max_datetime = greatest(max_datetime, :end),
                    updated = now()
                WHERE key = :key""")
                .param("minLon", minLon)
                .param("minLat", minLat)
                .param("maxLon", maxLon)
                .param("maxLat", maxLat)
                .param("start", java.sql.Timestamp.from(start))
                .param("end", java.sql.Timestamp.from(end))
                .param("key", key)
                .update();
        changed();
    }

    /**
     * Fits the stored extent to the remaining items after {@code removed} was deleted, inside the deleting
     * transaction. Only an item on the extent's edge can shrink it, so the others cost no scan of the collection.
     */
    void fitExtentWithout(int key, StacItems.Bounds removed) {
        boolean onEdge = jdbc.sql("""
                        SELECT min_lon >= :minLon OR min_lat >= :minLat OR max_lon <= :maxLon OR max_lat <= :maxLat
                               OR min_datetime >= :start OR max_datetime <= :end
                          FROM stac_collections WHERE key = :key FOR UPDATE""")
                .param("minLon", removed.minLon())
                .param("minLat", removed.minLat())
                .param("maxLon", removed.maxLon())
                .param("maxLat", removed.maxLat())
                .param("start", java.sql.Timestamp.from(removed.start()))
                .param("end", java.sql.Timestamp.from(removed.end()))
                .param("key", key)
                .query(Boolean.class)
                .optional()
                .orElse(false);
        if (!onEdge) {
            return;
        }
        // an empty collection gets no extent (nulls), as before its first item
        jdbc.sql("""
                UPDATE stac_collections c SET
                    min_lon = e.min_lon, min_lat = e.min_lat, max_lon = e.max_lon, max_lat = e.max_lat,
                    min_datetime = e.min_datetime, max_datetime = e.max_datetime, updated = now()
                  FROM (SELECT min((bbox[1])[0]) AS min_lon, min((bbox[1])[1]) AS min_lat,
                               max((bbox[0])[0]) AS max_lon, max((bbox[0])[1]) AS max_lat,
                               min(start_datetime) AS min_datetime, max(end_datetime) AS max_datetime
                          FROM stac_items WHERE collection_key = :key) e
                 WHERE c.key = :key""").param("key", key).update();
        changed();
    }

    /**
     * Drops the cached lookups now and, inside a transaction, again once it has ended: a request that reloads the
     * cache in between would otherwise keep the state from before the commit for the cache's lifetime.
     */
    private void changed() {
        visible.invalidateAll();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    visible.invalidateAll();
                }
            });
        }
    }

    private static StacCollection row(ResultSet rs, int n) throws SQLException {
        var minDatetime = rs.getTimestamp("min_datetime");
        var maxDatetime = rs.getTimestamp("max_datetime");
        return new StacCollection(
                rs.getInt("key"),
                rs.getObject("workspace_id", UUID.class),
                rs.getString("id"),
                rs.getBoolean("public"),
                rs.getString("content"),
                (Double) rs.getObject("min_lon"),
                (Double) rs.getObject("min_lat"),
                (Double) rs.getObject("max_lon"),
                (Double) rs.getObject("max_lat"),
                minDatetime == null ? null : minDatetime.toInstant(),
                maxDatetime == null ? null : maxDatetime.toInstant());
    }
}
