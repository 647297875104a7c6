package org.isotherm.stac;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.isotherm.geo.GeoJsonGeometries;
import org.isotherm.web.BadRequestException;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs an item search as parameterized SQL over {@code stac_items}: the visible collections inlined (validated
 * integers, so the planner can use per-collection statistics), the box prefilter and the datetime range for the
 * GiST index, keyset paging on the sort key plus (id, collection) as tie-breakers, and an exact count on the first
 * page only, carried in the paging token afterwards. With a spatial constraint, page and count come from one
 * statement over a materialized candidate set that the index answers alone for rectangular items.
 */
@Component
class ItemSearch {

    /** A row of a result page: the stored JSON and where it belongs. */
    record Row(int collectionKey, String id, String content, String links, List<String> sortValues) {}

    /** A page of results plus the boundary tokens. */
    record Page(
            List<Row> rows,
            long matched,
            @Nullable String next,
            @Nullable String previous) {}

    /**
     * What the SQL part of a search cannot decide alone: rows it marks undecided are loaded and tested here.
     *
     * @param sql extra conditions over {@code i}, already parameterized
     * @param params their parameters
     * @param exact whether {@link #sql} decides every row (no Java check needed)
     * @param check the Java test of an undecided row's item JSON
     */
    record Filter(String sql, List<Object> params, boolean exact, Predicate<String> check) {
        static final Filter NONE = new Filter("", List.of(), true, content -> true);
    }

    private static final int BATCH = 200;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final SearchGate gate;

    ItemSearch(JdbcClient jdbc, JsonMapper json, SearchGate gate) {
        this.jdbc = jdbc;
        this.json = json;
        this.gate = gate;
    }

    Page search(
            SearchRequest request, List<StacCollection> collections, List<SpatialConstraint> spatial, Filter filter) {
        return gate.run(() -> searchNow(request, collections, spatial, filter));
    }

    private Page searchNow(
            SearchRequest request, List<StacCollection> collections, List<SpatialConstraint> spatial, Filter filter) {
        var orders = orders(request.sortby());
        var fingerprint = request.fingerprint();
        var token = PageToken.decodeOrNull(request.token(), json, fingerprint, orders.size());
        if (collections.isEmpty() || (request.ids() != null && request.ids().isEmpty())) {
            return new Page(List.of(), 0, null, null);
        }
        var query = new Query(request, collections, spatial, filter, orders);
        boolean forward = token == null || token.forward();
        List<Object> after = token == null ? null : keyValues(orders, token);
        long matched;
        List<Row> rows;
        if (token == null && !spatial.isEmpty() && filter.exact()) {
            var result = query.pageAndCount(request.limit() + 1);
            rows = result.rows();
            matched = result.matched();
        } else {
            rows = query.page(after, forward, request.limit() + 1);
            matched = token != null ? token.matched() : query.count();
        }
        boolean more = rows.size() > request.limit();
        if (more) {
            rows = rows.subList(0, request.limit());
        }
        if (!forward) {
            rows = new ArrayList<>(rows);
            Collections.reverse(rows);
        }
        String next = null;
        String previous = null;
        if (!rows.isEmpty()) {
            if (forward ? more : true) {
                next = new PageToken(rows.get(rows.size() - 1).sortValues(), true, matched, fingerprint).encode(json);
            }
            if (token != null && (forward || more)) {
                previous = new PageToken(rows.get(0).sortValues(), false, matched, fingerprint).encode(json);
            }
        }
        return new Page(rows, matched, next, previous);
    }

    /** The requested order plus datetime, id and collection, so that the order is total. */
    static List<SortKey.Order> orders(List<SortKey.Order> requested) {
        var orders = new ArrayList<>(requested);
        if (requested.isEmpty()) {
            orders.add(new SortKey.Order(SortKey.DATETIME, true));
        }
        boolean descending = orders.get(orders.size() - 1).descending();
        for (var tie : List.of(SortKey.ID, SortKey.COLLECTION)) {
            if (orders.stream().noneMatch(o -> o.key().equals(tie))) {
                orders.add(new SortKey.Order(tie, descending));
            }
        }
        return List.copyOf(orders);
    }

    private static List<Object> keyValues(List<SortKey.Order> orders, PageToken token) {
        var values = new ArrayList<Object>();
        for (int i = 0; i < orders.size(); i++) {
            var value = orders.get(i).key().parse(token.keys().get(i));
            if (value == null) {
                throw new BadRequestException("Invalid token: not a paging token of this API");
            }
            values.add(value);
        }
        return values;
    }

    private final class Query {

        private final List<SortKey.Order> orders;
        private final List<SpatialConstraint> spatial;
        private final Filter filter;
        private final String where;
        private final List<Object> whereParams = new ArrayList<>();
        private final boolean rectangles;
        private final boolean footprints;

        Query(
                SearchRequest request,
                List<StacCollection> collections,
                List<SpatialConstraint> spatial,
                Filter filter,
                List<SortKey.Order> orders) {
            this.orders = orders;
            this.spatial = spatial;
            this.filter = filter;
            this.rectangles = spatial.stream().allMatch(SpatialConstraint::rectangles);
            this.footprints = spatial.stream().allMatch(SpatialConstraint::exactOnFootprints);
            var sql = new StringBuilder();
            var keys = collections.stream().map(c -> Integer.toString(c.key())).toList();
            // validated integers from our own table, inlined so each search plans for its collections
            sql.append(
                    keys.size() == 1
                            ? "i.collection_key = " + keys.get(0)
                            : "i.collection_key IN (" + String.join(",", keys) + ")");
            if (request.ids() != null) {
                sql.append(" AND i.id = ANY(?)");
                whereParams.add(request.ids().toArray(String[]::new));
            }
            if (request.end() != null) {
                sql.append(" AND i.start_datetime <= ?");
                whereParams.add(Timestamp.from(request.end()));
            }
            if (request.start() != null) {
                sql.append(" AND i.end_datetime >= ?");
                whereParams.add(Timestamp.from(request.start()));
            }
            for (var constraint : spatial) {
                sql.append(" AND ").append(constraint.prefilter(whereParams));
            }
            if (!filter.sql().isEmpty()) {
                sql.append(" AND (").append(filter.sql()).append(')');
                whereParams.addAll(filter.params());
            }
            this.where = sql.toString();
        }

        /**
         * 1 when SQL proves the row matches, 0 when it proves it does not, NULL when Java must decide; over
         * {@code x}, a row of stac_items.
         */
        private String verdict(String x, List<Object> params) {
            if (spatial.isEmpty()) {
                return filter.exact() ? "1" : "NULL::int";
            }
            if (!footprints) {
                return "NULL::int";
            }
            var tests = new ArrayList<String>();
            for (var constraint : spatial) {
                tests.add(constraint.footprintTest(x, params));
            }
            var exact = "CASE WHEN " + x + ".footprint IS NULL THEN NULL WHEN " + String.join(" AND ", tests)
                    + " THEN 1 ELSE 0 END";
            if (!filter.exact()) {
                exact = "CASE WHEN (" + exact + ") = 0 THEN 0 ELSE NULL END";
            }
            return exact;
        }

        private String sortColumns() {
            var columns = new ArrayList<String>();
            for (int i = 0; i < orders.size(); i++) {
                columns.add(orders.get(i).key().sql() + " AS s" + i);
            }
            return String.join(", ", columns);
        }

        private String orderBy(String alias, boolean forward) {
            var terms = new ArrayList<String>();
            for (int i = 0; i < orders.size(); i++) {
                boolean descending = orders.get(i).descending() == forward;
                terms.add(alias + "s" + i + (descending ? " DESC" : " ASC"));
            }
            return String.join(", ", terms);
        }

        /** Rows strictly after (or before) the key, in the page's order. */
        private String keyset(List<String> columns, List<Object> values, boolean forward, List<Object> params) {
            boolean uniform = orders.stream()
                    .allMatch(o -> o.descending() == orders.get(0).descending());
            if (uniform) {
                boolean less = orders.get(0).descending() == forward;
                params.addAll(values);
                return "(" + String.join(",", columns) + ") " + (less ? "<" : ">") + " ("
                        + String.join(",", Collections.nCopies(columns.size(), "?")) + ")";
            }
            var any = new ArrayList<String>();
            for (int i = 0; i < columns.size(); i++) {
                var all = new ArrayList<String>();
                for (int j = 0; j < i; j++) {
                    all.add(columns.get(j) + " = ?");
                    params.add(values.get(j));
                }
                boolean less = orders.get(i).descending() == forward;
                all.add(columns.get(i) + (less ? " < ?" : " > ?"));
                params.add(values.get(i));
                any.add("(" + String.join(" AND ", all) + ")");
            }
            return "(" + String.join(" OR ", any) + ")";
        }

        private List<String> sqlColumns() {
            return orders.stream().map(o -> o.key().sql()).toList();
        }

        /**
         * First page and exact count in one statement: one pass over the index, the count as a window over the
         * candidates, then the page's documents by primary key (bench/stac/README.md says why and what it costs).
         */
        PageAndCount pageAndCount(int size) {
            var verdictParams = new ArrayList<Object>();
            var rowVerdict = "(SELECT " + verdict("x", verdictParams)
                    + " FROM stac_items x WHERE x.collection_key = i.collection_key AND x.id = i.id)";
            // rectangular items are decided by the index alone; only the others are looked up
            var verdictSql = rectangles ? "CASE WHEN i.rectangular THEN 1 ELSE " + rowVerdict + " END" : rowVerdict;
            // OFFSET 0 keeps the verdict from being inlined into the WHERE, which would evaluate it twice
            var sql = "SELECT p.*, i.content::text AS content, i.links::text AS links FROM (SELECT 1) one"
                    + " LEFT JOIN (SELECT c.*, count(*) FILTER (WHERE c.verdict = 1) OVER () AS decided,"
                    + " count(*) FILTER (WHERE c.verdict IS NULL) OVER () AS undecided"
                    + " FROM (SELECT i.collection_key, i.id, " + sortColumns() + ", " + verdictSql + " AS verdict"
                    + " FROM stac_items i WHERE " + where + " OFFSET 0) c WHERE c.verdict IS DISTINCT FROM 0"
                    + " ORDER BY " + orderBy("c.", true) + " LIMIT " + size + ") p ON true"
                    + " LEFT JOIN stac_items i ON i.collection_key = p.collection_key AND i.id = p.id"
                    + " ORDER BY " + orderBy("p.", true);
            var params = new ArrayList<Object>(verdictParams);
            params.addAll(whereParams);
            long[] counts = new long[2];
            var candidates = new ArrayList<Candidate>();
            jdbc.sql(sql).params(params).query(rs -> {
                counts[0] = rs.getLong("decided");
                counts[1] = rs.getLong("undecided");
                if (rs.getString("id") != null) {
                    candidates.add(candidate(rs));
                }
            });
            if (counts[1] == 0) {
                return new PageAndCount(rows(candidates), counts[0]);
            }
            // some rows need the Java test: page and count the slow way
            var rows = page(null, true, size);
            return new PageAndCount(rows, count());
        }

        List<Row> page(@Nullable List<Object> after, boolean forward, int size) {
            var rows = new ArrayList<Row>();
            var boundary = after;
            while (true) {
                var params = new ArrayList<Object>(whereParams);
                var verdictParams = new ArrayList<Object>();
                var verdictSql = verdict("i", verdictParams);
                if (rectangles && !spatial.isEmpty()) {
                    verdictSql = "CASE WHEN i.rectangular THEN " + (filter.exact() ? "1" : "NULL::int") + " ELSE ("
                            + verdictSql + ") END";
                }
                var keyParams = new ArrayList<Object>();
                var keyset = boundary == null ? "" : " AND " + keyset(sqlColumns(), boundary, forward, keyParams);
                int batch = filter.exact() && footprints ? size : Math.max(size, BATCH);
                var sql = "SELECT i.collection_key, i.id, " + sortColumns() + ", " + verdictSql + " AS verdict,"
                        + " i.content::text AS content, i.links::text AS links FROM stac_items i WHERE " + where
                        + keyset + " ORDER BY " + orderBy("", forward) + " LIMIT " + batch;
                var all = new ArrayList<Object>(verdictParams);
                all.addAll(params);
                all.addAll(keyParams);
                List<Candidate> candidates = jdbc.sql(sql)
                        .params(all)
                        .query((rs, n) -> candidate(rs))
                        .list();
                for (var candidate : candidates) {
                    if (candidate.verdict() == null ? check(candidate.row().content()) : candidate.verdict() == 1) {
                        rows.add(candidate.row());
                        if (rows.size() == size) {
                            return rows;
                        }
                    }
                }
                if (candidates.size() < batch) {
                    return rows;
                }
                var last = candidates.get(candidates.size() - 1).row();
                boundary = new ArrayList<>();
                for (int i = 0; i < orders.size(); i++) {
                    boundary.add(orders.get(i).key().parse(last.sortValues().get(i)));
                }
            }
        }

        long count() {
            var verdictParams = new ArrayList<Object>();
            var verdictSql = verdict("i", verdictParams);
            if (rectangles && !spatial.isEmpty()) {
                verdictSql = "CASE WHEN i.rectangular THEN " + (filter.exact() ? "1" : "NULL::int") + " ELSE ("
                        + verdictSql + ") END";
            }
            var params = new ArrayList<Object>(verdictParams);
            params.addAll(whereParams);
            if ("1".equals(verdictSql)) {
                return jdbc.sql("SELECT count(*) FROM stac_items i WHERE " + where)
                        .params(whereParams)
                        .query(Long.class)
                        .single();
            }
            long[] count = new long[1];
            jdbc.sql("SELECT v, CASE WHEN v IS NULL THEN content ELSE NULL END AS content FROM (SELECT " + verdictSql
                            + " AS v, i.content::text AS content FROM stac_items i WHERE " + where + ") t"
                            + " WHERE v IS DISTINCT FROM 0")
                    .params(params)
                    .query(rs -> {
                        var verdict = (Integer) rs.getObject("v");
                        if (verdict != null ? verdict == 1 : check(rs.getString("content"))) {
                            count[0]++;
                        }
                    });
            return count[0];
        }

        private boolean check(String content) {
            if (!spatial.isEmpty()) {
                Geometry geometry = geometryOf(content);
                for (var constraint : spatial) {
                    if (!constraint.matches(geometry)) {
                        return false;
                    }
                }
            }
            return filter.check().test(content);
        }

        private List<Row> rows(List<Candidate> candidates) {
            var rows = new ArrayList<Row>(candidates.size());
            candidates.forEach(c -> rows.add(c.row()));
            return rows;
        }
    }

    /** A stored item's geometry: checked when it was written, so only read here (validity is not re-checked). */
    private Geometry geometryOf(String content) {
        return GeoJsonGeometries.read(json.readTree(content).get("geometry"));
    }

    private record Candidate(Row row, @Nullable Integer verdict) {}

    private record PageAndCount(List<Row> rows, long matched) {}

    private Candidate candidate(ResultSet rs) throws SQLException {
        var values = new ArrayList<String>();
        var meta = rs.getMetaData();
        var columns = new HashMap<String, Integer>();
        for (int c = 1; c <= meta.getColumnCount(); c++) {
            columns.put(meta.getColumnLabel(c), c);
        }
        int s = 0;
        while (columns.containsKey("s" + s)) {
            values.add(sortKeyOf(rs, columns.get("s" + s), s));
            s++;
        }
        Integer verdict = columns.containsKey("verdict") ? (Integer) rs.getObject("verdict") : Integer.valueOf(1);
        return new Candidate(
                new Row(
                        rs.getInt("collection_key"),
                        rs.getString("id"),
                        rs.getString("content"),
                        rs.getString("links"),
                        values),
                verdict);
    }

    private static String sortKeyOf(ResultSet rs, int column, int index) throws SQLException {
        var value = rs.getObject(column);
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant().toString();
        }
        if (value instanceof Double number) {
            return Double.toString(number);
        }
        return String.valueOf(value);
    }

    static Map<Integer, StacCollection> byKey(List<StacCollection> collections) {
        var map = new HashMap<Integer, StacCollection>();
        collections.forEach(c -> map.put(c.key(), c));
        return map;
    }
}
