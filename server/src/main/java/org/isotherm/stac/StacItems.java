package org.isotherm.stac;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Optional;
import javax.sql.DataSource;
import org.isotherm.web.BadRequestException;
import org.isotherm.web.ConflictException;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;

/** Item writes: one at a time, or in bulk through COPY, all or nothing. */
@Repository
class StacItems {

    private static final String COLUMNS = """
            collection_key, id, datetime, start_datetime, end_datetime, bbox, rectangular, footprint, cloud_cover,
            gsd, platform, order_id, content, links""";

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    StacItems(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    boolean exists(int collectionKey, String id) {
        return jdbc.sql("SELECT count(*) FROM stac_items WHERE collection_key = ? AND id = ?")
                        .param(collectionKey)
                        .param(id)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** An item as stored: its JSON without links, and its own links (a JSON array). */
    record Stored(String content, String links) {}

    Optional<Stored> find(int collectionKey, String id) {
        return jdbc.sql("SELECT content::text, links::text FROM stac_items WHERE collection_key = :key AND id = :id")
                .param("key", collectionKey)
                .param("id", id)
                .query((rs, row) -> new Stored(rs.getString(1), rs.getString(2)))
                .optional();
    }

    /** As {@link #find}, row-locked until the transaction ends. */
    Optional<Stored> findForUpdate(int collectionKey, String id) {
        return jdbc.sql("""
                        SELECT content::text, links::text FROM stac_items
                        WHERE collection_key = :key AND id = :id FOR UPDATE""")
                .param("key", collectionKey)
                .param("id", id)
                .query((rs, row) -> new Stored(rs.getString(1), rs.getString(2)))
                .optional();
    }

    /** Inserts or replaces one item; returns whether it was new. */
    boolean upsert(int collectionKey, StacItem item, boolean replace) {
        var sql = "INSERT INTO stac_items (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, box(point(?,?),point(?,?)), ?,"
                + " ?::polygon, ?, ?, ?, ?, ?::jsonb, ?::jsonb) ON CONFLICT (collection_key, id) DO "
                + (replace ? "UPDATE SET " + updates() + " RETURNING (xmax = 0)" : "NOTHING RETURNING true");
        var inserted = jdbc.sql(sql)
                .param(collectionKey)
                .param(item.id())
                .param(Timestamp.from(item.datetime()))
                .param(Timestamp.from(item.start()))
                .param(Timestamp.from(item.end()))
                .param(item.minLon())
                .param(item.minLat())
                .param(item.maxLon())
                .param(item.maxLat())
                .param(item.rectangular())
                .param(item.footprint())
                .param(item.cloudCover())
                .param(item.gsd())
                .param(item.platform())
                .param(item.orderId())
                .param(item.content())
                .param(item.links())
                .query(Boolean.class)
                .optional();
        if (inserted.isEmpty()) {
            throw new ConflictException("Item " + item.id() + " already exists");
        }
        return inserted.get();
    }

    private static String updates() {
        var names = COLUMNS.replace("\n", " ").split(",");
        var sets = new StringBuilder();
        for (var name : names) {
            var column = name.strip();
            if (column.equals("collection_key") || column.equals("id")) {
                continue;
            }
            sets.append(column).append(" = EXCLUDED.").append(column).append(", ");
        }
        return sets.append("updated = now()").toString();
    }

    /** Deletes an item; its bounds, or empty when there was none. */
    Optional<Bounds> delete(int collectionKey, String id) {
        return jdbc.sql("""
                        DELETE FROM stac_items WHERE collection_key = :key AND id = :id
                        RETURNING (bbox[1])[0] AS min_lon, (bbox[1])[1] AS min_lat,
                                  (bbox[0])[0] AS max_lon, (bbox[0])[1] AS max_lat, start_datetime, end_datetime""")
                .param("key", collectionKey)
                .param("id", id)
                .query((rs, n) -> new Bounds(
                        rs.getDouble("min_lon"),
                        rs.getDouble("min_lat"),
                        rs.getDouble("max_lon"),
                        rs.getDouble("max_lat"),
                        rs.getTimestamp("start_datetime").toInstant(),
                        rs.getTimestamp("end_datetime").toInstant()))
                .optional();
    }

    /** Where and when an item lies, as the collection's extent counts it. */
    record Bounds(double minLon, double minLat, double maxLon, double maxLat, Instant start, Instant end) {}

    /** What a bulk load wrote, and the extent it covers (for the collection). */
    record Loaded(
            int count,
            double minLon,
            double minLat,
            double maxLon,
            double maxLat,
            java.time.Instant start,
            java.time.Instant end) {}

    /**
     * Streams items with COPY; must run in a transaction (the caller's), so that a failure anywhere leaves nothing
     * behind. Inserts go straight into the table, so that PostgreSQL maintains the indexes while Java still parses
     * and validates the items that follow; upserts go through a staging table and one INSERT ... ON CONFLICT.
     */
    Loaded bulk(int collectionKey, Iterator<StacItem> items, boolean replace, int maxItems) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            if (replace) {
                try (var statement = connection.createStatement()) {
                    statement.execute(
                            "CREATE TEMP TABLE stac_items_load (LIKE stac_items INCLUDING DEFAULTS) ON COMMIT DROP");
                }
            }
            var copy = connection
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("COPY " + (replace ? "stac_items_load" : "stac_items") + " (" + COLUMNS + ") FROM STDIN");
            var ids = new HashSet<String>();
            double minLon = Double.POSITIVE_INFINITY;
            double minLat = Double.POSITIVE_INFINITY;
            double maxLon = Double.NEGATIVE_INFINITY;
            double maxLat = Double.NEGATIVE_INFINITY;
            java.time.Instant start = null;
            java.time.Instant end = null;
            var line = new StringBuilder(4096);
            try {
                while (items.hasNext()) {
                    var item = items.next();
                    if (!ids.add(item.id())) {
                        throw new BadRequestException("Invalid bulk: item " + item.id() + " appears twice");
                    }
                    if (ids.size() > maxItems) {
                        throw new BadRequestException("Invalid bulk: at most " + maxItems + " items per call");
                    }
                    minLon = Math.min(minLon, item.minLon());
                    minLat = Math.min(minLat, item.minLat());
                    maxLon = Math.max(maxLon, item.maxLon());
                    maxLat = Math.max(maxLat, item.maxLat());
                    start = start == null || item.start().isBefore(start) ? item.start() : start;
                    end = end == null || item.end().isAfter(end) ? item.end() : end;
                    line.setLength(0);
                    line.append(collectionKey).append('\t');
                    text(line, item.id()).append('\t');
                    line.append(item.datetime()).append('\t');
                    line.append(item.start()).append('\t');
                    line.append(item.end()).append('\t');
                    line.append('(')
                            .append(item.maxLon())
                            .append(',')
                            .append(item.maxLat())
                            .append("),(")
                            .append(item.minLon())
                            .append(',')
                            .append(item.minLat())
                            .append(")\t");
                    line.append(item.rectangular() ? 't' : 'f').append('\t');
                    nullable(line, item.footprint()).append('\t');
                    nullable(line, item.cloudCover()).append('\t');
                    nullable(line, item.gsd()).append('\t');
                    nullable(line, item.platform()).append('\t');
                    nullable(line, item.orderId()).append('\t');
                    text(line, item.content()).append('\t');
                    text(line, item.links()).append('\n');
                    var bytes = line.toString().getBytes(StandardCharsets.UTF_8);
                    copy.writeToCopy(bytes, 0, bytes.length);
                }
                copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
            if (ids.isEmpty()) {
                return new Loaded(0, 0, 0, 0, 0, java.time.Instant.EPOCH, java.time.Instant.EPOCH);
            }
            if (replace) {
                jdbc.sql("INSERT INTO stac_items (" + COLUMNS + ") SELECT " + COLUMNS + " FROM stac_items_load"
                                + " ON CONFLICT (collection_key, id) DO UPDATE SET " + updates())
                        .update();
            }
            return new Loaded(ids.size(), minLon, minLat, maxLon, maxLat, start, end);
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                throw new ConflictException(
                        "Item " + duplicateId(e) + " already exists (use method=upsert to replace it)");
            }
            throw new IllegalStateException("Bulk load failed", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** The id in PostgreSQL's "Key (collection_key, id)=(5, abc) already exists." */
    private static String duplicateId(SQLException e) {
        var message = e.getMessage() == null ? "" : e.getMessage();
        var matcher = java.util.regex.Pattern.compile("\\(collection_key, id\\)=\\(\\d+, (.*)\\) already exists")
                .matcher(message);
        return matcher.find() ? matcher.group(1) : "?";
    }

    private static StringBuilder nullable(StringBuilder line, Object value) {
        return value == null ? line.append("\\N") : text(line, value.toString());
    }

    private static boolean special(char c) {
        return c == '\\' || c == '\t' || c == '\n' || c == '\r';
    }

    /** COPY text format: backslash, tab and line breaks escaped; the part before the first of them copied whole. */
    private static StringBuilder text(StringBuilder line, String value) {
        int plain = 0;
        while (plain < value.length() && !special(value.charAt(plain))) {
            plain++;
        }
        line.append(value, 0, plain);
        for (int i = plain; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> line.append("\\\\");
                case '\t' -> line.append("\\t");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                default -> line.append(c);
            }
        }
        return line;
    }
}
