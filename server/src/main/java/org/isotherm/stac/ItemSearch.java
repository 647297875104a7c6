package org.isotherm.stac;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import javax.sql.DataSource;
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
     * @param sql extra conditions over {@code i}, with named parameters
     * @param params their values by name; names start with {@code filter}, so they meet none of the search's own
     * @param exact whether {@link #sql} decides every row (no Java check needed)
     * @param check the Java test of an undecided row's item JSON
     */
    record Filter(String sql, Map<String, Object> params, boolean exact, Predicate<String> check) {
        static final Filter NONE = new Filter("", Map.of(), true, content -> true);
    }

    private static final int BATCH = 200;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final SearchGate gate;
    private final SearchWatcher watcher;

    ItemSearch(DataSource dataSource, JsonMapper json, SearchGate gate, SearchWatcher watcher) {
        this.jdbc = JdbcClient.create(dataSource);
        this.json = json;
        this.gate = gate;
        this.watcher = watcher;
    }

    /**
     * Runs a search when {@code owner} gets a turn, until it is done, its client has gone ({@code clientGone}) or
     * its time is up.
     */
    Page search(
            SearchRequest request,
            List<StacCollection> collections,
            List<SpatialConstraint> spatial,
            Filter filter,
            SearchGate.Owner owner,
            BooleanSupplier clientGone) {
        return gate.run(
                owner,
                () -> watcher.watch(clientGone, watch -> searchNow(request, collections, spatial, filter, watch)));
    }

    private Page searchNow(
            SearchRequest request,
            List<StacCollection> collections,
            List<SpatialConstraint> spatial,
            Filter filter,
            SearchWatcher.Watch watch) {
        var orders = orders(request.sortby());
        var fingerprint = request.fingerprint();
        var token = PageToken.decodeOrNull(request.token(), json, fingerprint, orders.size());
        if (collections.isEmpty() || (request.ids() != null && request.ids().isEmpty())) {
            return new Page(List.of(), 0, null, null);
        }
        var query = new Query(request, collections, spatial, filter, orders, watch);
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

    /**
     * One search's statements. They share the conditions in {@link #where} and the parameters in {@link #params},
     * named so that no statement depends on the order in which its pieces were written.
     */
    private final class Query {

        private final List<SortKey.Order> orders;
        private final List<SpatialConstraint> spatial;
        private final Filter filter;
        private final SearchWatcher.Watch watch;
        private final boolean rectangles;
        private final boolean footprints;
        private final Map<String, Object> params = new HashMap<>();
        private final String where;

        Query(
                SearchRequest request,
                List<StacCollection> collections,
                List<SpatialConstraint> spatial,
                Filter filter,
                List<SortKey.Order> orders,
                SearchWatcher.Watch watch) {
            this.orders = orders;
            this.watch = watch;
            this.spatial = spatial;
            this.filter = filter;
            this.rectangles = spatial.stream().allMatch(SpatialConstraint::rectangles);
            this.footprints = spatial.stream().allMatch(SpatialConstraint::exactOnFootprints);
            var conditions = new ArrayList<String>();
            var keys = collections.stream().map(c -> Integer.toString(c.key())).toList();
            // validated integers from our own table, inlined so each search plans for its collections
            conditions.add(
                    keys.size() == 1
                            ? "i.collection_key = " + keys.get(0)
                            : "i.collection_key IN (" + String.join(",", keys) + ")");
            if (request.ids() != null) {
                conditions.add("i.id = ANY(:ids)");
                params.put("ids", request.ids().toArray(String[]::new));
            }
            if (request.end() != null) {
                conditions.add("i.start_datetime <= :end");
                params.put("end", Timestamp.from(request.end()));
            }
            if (request.start() != null) {
                conditions.add("i.end_datetime >= :start");
                params.put("start", Timestamp.from(request.start()));
            }
            for (int c = 0; c < spatial.size(); c++) {
                conditions.add(spatial.get(c).prefilter(area(c), params));
            }
            if (!filter.sql().isEmpty()) {
                conditions.add("(" + filter.sql() + ")");
                params.putAll(filter.params());
            }
            this.where = String.join(" AND ", conditions);
        }

        private static String area(int constraint) {
            return "area" + constraint;
        }

        /**
         * 1 when SQL proves the row matches, 0 when it proves it does not, NULL when Java must decide; over
         * {@code x}, a row of stac_items.
         */
        private String verdict(String x) {
            if (spatial.isEmpty()) {
                return filter.exact() ? "1" : "NULL::int";
            }
            if (!footprints) {
                return "NULL::int";
            }
            var affordable = new ArrayList<String>();
            var tests = new ArrayList<String>();
            for (int c = 0; c < spatial.size(); c++) {
                affordable.add(spatial.get(c).footprintAffordable(x, area(c), params));
                tests.add(spatial.get(c).footprintTest(x, area(c), params));
            }
            var exact = "CASE WHEN %s.footprint IS NULL OR NOT (%s) THEN NULL WHEN %s THEN 1 ELSE 0 END"
                    .formatted(x, String.join(" AND ", affordable), String.join(" AND ", tests));
            return filter.exact() ? exact : "CASE WHEN (" + exact + ") = 0 THEN 0 ELSE NULL END";
        }

        /** {@link #verdict} of a row of {@code i}, where a rectangular item meeting rectangles is decided already. */
        private String rowVerdict() {
            var verdict = verdict("i");
            if (!rectangles || spatial.isEmpty()) {
                return verdict;
            }
            return "CASE WHEN i.rectangular THEN %s ELSE (%s) END"
                    .formatted(filter.exact() ? "1" : "NULL::int", verdict);
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

        /**
         * Rows strictly after (or before) the key, in the page's order: the key's values are bound as {@code after0},
         * {@code after1}, ... into {@code keyParams}.
         */
        private String keyset(List<Object> values, boolean forward, Map<String, Object> keyParams) {
            var columns = orders.stream().map(o -> o.key().sql()).toList();
            var bound = new ArrayList<String>();
            for (int i = 0; i < values.size(); i++) {
                keyParams.put("after" + i, values.get(i));
                bound.add(":after" + i);
            }
            boolean uniform = orders.stream()
                    .allMatch(o -> o.descending() == orders.get(0).descending());
            if (uniform) {
                boolean less = orders.get(0).descending() == forward;
                return "(%s) %s (%s)".formatted(String.join(",", columns), less ? "<" : ">", String.join(",", bound));
            }
            // (a < :after0) OR (a = :after0 AND b > :after1) OR ...
            var any = new ArrayList<String>();
            for (int i = 0; i < columns.size(); i++) {
                var all = new ArrayList<String>();
                for (int j = 0; j < i; j++) {
                    all.add(columns.get(j) + " = " + bound.get(j));
                }
                boolean less = orders.get(i).descending() == forward;
                all.add(columns.get(i) + (less ? " < " : " > ") + bound.get(i));
                any.add("(" + String.join(" AND ", all) + ")");
            }
            return "(" + String.join(" OR ", any) + ")";
        }

        /**
         * First page and exact count in one statement: one pass over the index, the count as a window over the
         * candidates, then the page's documents by primary key (bench/stac/README.md says why and what it costs).
         * The outer join to one row answers the count even when no candidate matched. {@code OFFSET 0} keeps the
         * verdict from being inlined into the WHERE, which would evaluate it twice.
         */
        PageAndCount pageAndCount(int size) {
            var lookedUp = "(SELECT %s FROM stac_items x WHERE x.collection_key = i.collection_key AND x.id = i.id)"
                    .formatted(verdict("x"));
            // rectangular items are decided by the index alone; only the others are looked up
            var verdict = rectangles ? "CASE WHEN i.rectangular THEN 1 ELSE " + lookedUp + " END" : lookedUp;
            var sql = """
                    SELECT p.*, i.content::text AS content, i.links::text AS links
                      FROM (SELECT 1) one
                      LEFT JOIN (SELECT c.*,
                                        count(*) FILTER (WHERE c.verdict = 1) OVER () AS decided,
                                        count(*) FILTER (WHERE c.verdict IS NULL) OVER () AS undecided
                                   FROM (SELECT i.collection_key, i.id, %s, %s AS verdict
                                           FROM stac_items i
                                          WHERE %s
                                         OFFSET 0) c
                                  WHERE c.verdict IS DISTINCT FROM 0
                                  ORDER BY %s
                                  LIMIT %d) p ON true
                      LEFT JOIN stac_items i ON i.collection_key = p.collection_key AND i.id = p.id
                     ORDER BY %s
                    """.formatted(sortColumns(), verdict, where, orderBy("c.", true), size, orderBy("p.", true));
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
            var verdict = rowVerdict();
            int batch = filter.exact() && footprints ? size : Math.max(size, BATCH);
            while (true) {
                var keyParams = new HashMap<String, Object>();
                var conditions = boundary == null ? where : where + " AND " + keyset(boundary, forward, keyParams);
                var sql = """
                        SELECT i.collection_key, i.id, %s, %s AS verdict,
                               i.content::text AS content, i.links::text AS links
                          FROM stac_items i
                         WHERE %s
                         ORDER BY %s
                         LIMIT %d
                        """.formatted(sortColumns(), verdict, conditions, orderBy("", forward), batch);
                List<Candidate> candidates = jdbc.sql(sql)
                        .params(params)
                        .params(keyParams)
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
            var verdict = rowVerdict();
            if ("1".equals(verdict)) {
                return jdbc.sql("SELECT count(*) FROM stac_items i WHERE " + where)
                        .params(params)
                        .query(Long.class)
                        .single();
            }
            // the content only of the rows that Java must decide
            var sql = """
                    SELECT v, CASE WHEN v IS NULL THEN content ELSE NULL END AS content
                      FROM (SELECT %s AS v, i.content::text AS content FROM stac_items i WHERE %s) t
                     WHERE v IS DISTINCT FROM 0
                    """.formatted(verdict, where);
            long[] count = new long[1];
            jdbc.sql(sql).params(params).query(rs -> {
                var v = (Integer) rs.getObject("v");
                if (v != null ? v == 1 : check(rs.getString("content"))) {
                    count[0]++;
                }
            });
            return count[0];
        }

        private boolean check(String content) {
            watch.check();
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
