package org.isotherm.order;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.isotherm.product.Frequency;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Orders, their history and their per-state counters. Every state change goes through {@link #transition}, which
 * checks {@link OrderState#canMoveTo}, updates only from the expected state, and writes the history entry and the
 * counters in the same transaction.
 */
@Repository
class OrderRepository {

    static final String SYSTEM = "system";

    private static final String COLUMNS = """
            id, organization_id, batch_id, area_of_interest_id, product_name, start_date, end_date, frequency, comment,
            tags, illumination_constraint, maximum_number_of_images, product_options, use_case, state,
            rejection_reason, created, updated""";

    private static final TypeReference<LinkedHashMap<String, Boolean>> OPTIONS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;

    OrderRepository(
            JdbcClient jdbc, NamedParameterJdbcTemplate named, JsonMapper json, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.named = named;
        this.json = json;
        this.events = events;
    }

    /** Inserts a batch and its orders in {@code initial_state}, each with its first history entry. */
    @Transactional
    void insertBatch(
            UUID batchId,
            UUID workspaceId,
            String useCase,
            @Nullable String comment,
            UUID createdBy,
            String actor,
            Instant created,
            List<Order> orders) {
        jdbc.sql("""
                        INSERT INTO order_batches (id, organization_id, use_case, comment, created_by, created)
                        VALUES (:id, :workspace, :useCase, :comment, :createdBy, :created)""")
                .param("id", batchId)
                .param("workspace", workspaceId)
                .param("useCase", useCase)
                .param("comment", comment)
                .param("createdBy", createdBy)
                .param("created", utc(created))
                .update();
        var rows = orders.stream()
                .map(o -> new MapSqlParameterSource()
                        .addValue("id", o.id())
                        .addValue("workspace", o.workspaceId())
                        .addValue("batch", o.batchId())
                        .addValue("aoi", o.areaOfInterestId())
                        .addValue("product", o.productName())
                        .addValue("start", utc(o.startDate()))
                        .addValue("end", utc(o.endDate()))
                        .addValue("frequency", o.frequency().wire())
                        .addValue("comment", o.comment())
                        .addValue("tags", o.tags().toArray(String[]::new))
                        .addValue("illumination", o.illuminationConstraint())
                        .addValue("images", o.maximumNumberOfImages())
                        .addValue("options", json.writeValueAsString(o.productOptions()))
                        .addValue("useCase", o.useCase())
                        .addValue("state", o.state().wire())
                        .addValue("created", utc(o.created())))
                .toArray(MapSqlParameterSource[]::new);
        named.batchUpdate("""
                INSERT INTO orders (id, organization_id, batch_id, area_of_interest_id, product_name, start_date, end_date,
                                    frequency, comment, tags, illumination_constraint, maximum_number_of_images,
                                    product_options, use_case, state, created, updated)
                VALUES (:id, :workspace, :batch, :aoi, :product, :start, :end, :frequency, :comment, :tags, :illumination,
                        :images, CAST(:options AS jsonb), :useCase, :state, :created, :created)""", rows);
        jdbc.sql("""
                        INSERT INTO order_history (order_id, from_state, to_state, at, actor, reason)
                        SELECT id, NULL, state, created, :actor, 'order placed' FROM orders WHERE batch_id = :batch
                        ORDER BY created""").param("actor", actor).param("batch", batchId).update();
        count(workspaceId, Map.of(OrderState.INITIAL_STATE, (long) orders.size()));
    }

    /**
     * Moves an order from {@code from} to {@code to} if it is still in {@code from}; false if it was not (someone
     * else moved it first). Illegal moves throw: they are programming errors, not client errors.
     */
    @Transactional
    boolean transition(
            UUID orderId, OrderState from, OrderState to, String actor, @Nullable String reason, Instant at) {
        return !transition(List.of(orderId), from, to, actor, reason, at).isEmpty();
    }

    /**
     * Moves every order of {@code orderIds} still in {@code from} to {@code to}, with one history entry each, in
     * three statements whatever the number of orders; answers the ids of those that moved. The only code that changes
     * a state.
     */
    @Transactional
    List<UUID> transition(
            List<UUID> orderIds, OrderState from, OrderState to, String actor, @Nullable String reason, Instant at) {
        if (!from.canMoveTo(to)) {
            throw new IllegalStateException("An order cannot move from " + from.wire() + " to " + to.wire());
        }
        if (orderIds.isEmpty()) {
            return List.of();
        }
        var moved = jdbc.sql("""
                        UPDATE orders
                           SET state = :to, updated = :at,
                               rejection_reason = CASE WHEN :to = 'rejected' THEN :reason ELSE rejection_reason END
                         WHERE id = ANY(:ids) AND state = :from
                        RETURNING id, organization_id""")
                .param("to", to.wire())
                .param("at", utc(at))
                .param("reason", reason)
                .param("ids", orderIds.toArray(UUID[]::new))
                .param("from", from.wire())
                .query((rs, row) -> Map.entry(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
                .list();
        if (moved.isEmpty()) {
            return List.of();
        }
        var movedIds = moved.stream().map(Map.Entry::getKey).toList();
        jdbc.sql("""
                        INSERT INTO order_history (order_id, from_state, to_state, at, actor, reason)
                        SELECT id, :from, :to, :at, :actor, :reason FROM unnest(CAST(:ids AS uuid[])) AS id""")
                .param("ids", movedIds.toArray(UUID[]::new))
                .param("from", from.wire())
                .param("to", to.wire())
                .param("at", utc(at))
                .param("actor", actor)
                .param("reason", reason)
                .update();
        var perWorkspace = moved.stream()
                .collect(java.util.stream.Collectors.groupingBy(
                        Map.Entry::getValue, java.util.stream.Collectors.counting()));
        perWorkspace.forEach((workspace, n) -> count(workspace, Map.of(from, -n, to, n)));
        moved.forEach(m -> events.publishEvent(new OrderStateChanged(m.getKey(), m.getValue(), from, to, reason, at)));
        return movedIds;
    }

    /** Deletes an order if it is still in a deletable state; the state it had, or empty if none was deleted. */
    @Transactional
    Optional<OrderState> deleteIfDeletable(UUID workspaceId, UUID id) {
        var deleted = jdbc.sql("""
                        DELETE FROM orders WHERE organization_id = :workspace AND id = :id AND state IN (:states)
                        RETURNING state""")
                .param("workspace", workspaceId)
                .param("id", id)
                .param(
                        "states",
                        Arrays.stream(OrderState.values())
                                .filter(OrderState::deletable)
                                .map(OrderState::wire)
                                .toList())
                .query(String.class)
                .optional()
                .map(s -> OrderState.parse(s).orElseThrow());
        deleted.ifPresent(state -> count(workspaceId, Map.of(state, -1L)));
        return deleted;
    }

    Optional<Order> find(UUID workspaceId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM orders WHERE organization_id = :workspace AND id = :id")
                .param("workspace", workspaceId)
                .param("id", id)
                .query(this::map)
                .optional();
    }

    /**
     * The order, row-locked until the transaction ends: a state change decided on what this returns cannot race the
     * validation job, which waits for the lock and then finds the state already moved.
     */
    Optional<Order> findForUpdate(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM orders WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(this::map)
                .optional();
    }

    List<Order> findAll(List<UUID> ids) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM orders WHERE id = ANY(:ids)")
                .param("ids", ids.toArray(UUID[]::new))
                .query(this::map)
                .list();
    }

    Optional<Order> findAnyWorkspace(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM orders WHERE id = :id")
                .param("id", id)
                .query(this::map)
                .optional();
    }

    /** Whether an order that is not finished uses the AOI. */
    boolean anyUnfinishedOn(UUID areaOfInterestId) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM orders
                                       WHERE area_of_interest_id = :aoi AND state <> ALL(:finished))""")
                .param("aoi", areaOfInterestId)
                .param(
                        "finished",
                        Arrays.stream(OrderState.values())
                                .filter(OrderState::finished)
                                .map(OrderState::wire)
                                .toArray(String[]::new))
                .query(Boolean.class)
                .single();
    }

    List<Order> findBatch(UUID batchId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM orders WHERE batch_id = :batch ORDER BY created, id")
                .param("batch", batchId)
                .query(this::map)
                .list();
    }

    void update(UUID id, @Nullable String comment, List<String> tags, Instant at) {
        jdbc.sql("UPDATE orders SET comment = :comment, tags = :tags, updated = :at WHERE id = :id")
                .param("comment", comment)
                .param("tags", tags.toArray(String[]::new))
                .param("at", utc(at))
                .param("id", id)
                .update();
    }

    /** Listing filters; null means "any". */
    record Filter(
            @Nullable OrderState state,
            @Nullable String productName,
            @Nullable UUID areaOfInterestId,
            @Nullable String tag) {

        boolean byStateOnly() {
            return productName == null && areaOfInterestId == null && tag == null;
        }
    }

    /**
     * A page of orders, newest first unless {@code ascending}. The page's ids come from an index-only scan of the
     * (workspace[, state], created, id) indexes, so a deep offset skips index entries, not rows; only the page's
     * rows are then read.
     */
    List<Order> page(UUID workspaceId, Filter filter, boolean ascending, int limit, int offset) {
        var where = new StringBuilder("organization_id = :workspace");
        var params = new LinkedHashMap<String, Object>();
        params.put("workspace", workspaceId);
        conditions(filter, where, params);
        var direction = ascending ? "ASC" : "DESC";
        var sql = """
                WITH page AS MATERIALIZED (
                    SELECT id, created FROM orders WHERE %s
                    ORDER BY created %s, id %s LIMIT :limit OFFSET :offset)
                SELECT %s FROM orders o JOIN page p USING (id, created)
                ORDER BY created %s, id %s""".formatted(where, direction, direction, prefixed(), direction, direction);
        params.put("limit", limit);
        params.put("offset", offset);
        return jdbc.sql(sql).params(params).query(this::map).list();
    }

    /** The exact number of orders matching {@code filter}: from the counters when only the state is filtered. */
    long count(UUID workspaceId, Filter filter) {
        if (filter.byStateOnly()) {
            return jdbc.sql("""
                            SELECT coalesce(sum(n), 0) FROM order_counts
                            WHERE organization_id = :workspace AND (CAST(:state AS text) IS NULL OR state = :state)""")
                    .param("workspace", workspaceId)
                    .param(
                            "state",
                            filter.state() == null ? null : filter.state().wire())
                    .query(Long.class)
                    .single();
        }
        var where = new StringBuilder("organization_id = :workspace");
        var params = new LinkedHashMap<String, Object>();
        params.put("workspace", workspaceId);
        conditions(filter, where, params);
        return jdbc.sql("SELECT count(*) FROM orders WHERE " + where)
                .params(params)
                .query(Long.class)
                .single();
    }

    /** The operator's view across workspaces, newest first: typically the orders held for manual review. */
    List<Order> acrossWorkspaces(@Nullable UUID workspaceId, @Nullable OrderState state, int limit, int offset) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM orders
                        WHERE (CAST(:workspace AS uuid) IS NULL OR organization_id = :workspace)
                          AND (CAST(:state AS text) IS NULL OR state = :state)
                        ORDER BY created DESC, id DESC LIMIT :limit OFFSET :offset""")
                .param("workspace", workspaceId)
                .param("state", state == null ? null : state.wire())
                .param("limit", limit)
                .param("offset", offset)
                .query(this::map)
                .list();
    }

    long countAcrossWorkspaces(@Nullable UUID workspaceId, @Nullable OrderState state) {
        return jdbc.sql("""
                        SELECT count(*) FROM orders
                        WHERE (CAST(:workspace AS uuid) IS NULL OR organization_id = :workspace)
                          AND (CAST(:state AS text) IS NULL OR state = :state)""")
                .param("workspace", workspaceId)
                .param("state", state == null ? null : state.wire())
                .query(Long.class)
                .single();
    }

    List<HistoryEntry> history(UUID orderId) {
        return jdbc.sql("""
                        SELECT from_state, to_state, at, actor, reason FROM order_history
                        WHERE order_id = :id ORDER BY id""")
                .param("id", orderId)
                .query((rs, row) -> new HistoryEntry(
                        rs.getString("from_state") == null
                                ? null
                                : OrderState.parse(rs.getString("from_state")).orElseThrow(),
                        OrderState.parse(rs.getString("to_state")).orElseThrow(),
                        instant(rs, "at"),
                        rs.getString("actor"),
                        rs.getString("reason")))
                .list();
    }

    /** One recorded state change; {@code from} is null for the order's creation. */
    record HistoryEntry(
            @Nullable OrderState fromState,
            OrderState toState,
            Instant at,
            String actor,
            @Nullable String reason) {}

    private static void conditions(Filter filter, StringBuilder where, Map<String, Object> params) {
        if (filter.state() != null) {
            where.append(" AND state = :state");
            params.put("state", filter.state().wire());
        }
        if (filter.productName() != null) {
            where.append(" AND product_name = :product");
            params.put("product", filter.productName());
        }
        if (filter.areaOfInterestId() != null) {
            where.append(" AND area_of_interest_id = :aoi");
            params.put("aoi", filter.areaOfInterestId());
        }
        if (filter.tag() != null) {
            where.append(" AND tags @> CAST(:tags AS text[])");
            params.put("tags", new String[] {filter.tag()});
        }
    }

    /**
     * Adds {@code delta} to each state's counter, in this transaction. The additions are gathered and written just
     * before the commit, one statement per workspace with the states in a fixed order: the hot counter rows stay
     * locked only for the end of the transaction, and concurrent transactions lock them in the same order, so
     * they cannot deadlock on them.
     */
    private void count(UUID workspaceId, Map<OrderState, Long> delta) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            writeCounts(workspaceId, delta);
            return;
        }
        var pending = (PendingCounts) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            pending = new PendingCounts();
            TransactionSynchronizationManager.bindResource(this, pending);
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        var forWorkspace = pending.deltas.computeIfAbsent(workspaceId, w -> new TreeMap<>());
        delta.forEach((state, n) -> forWorkspace.merge(state, n, Long::sum));
    }

    /** Counter changes of the current transaction, written by {@link #beforeCommit}. */
    private final class PendingCounts implements TransactionSynchronization {
        final Map<UUID, Map<OrderState, Long>> deltas = new TreeMap<>();

        @Override
        public void beforeCommit(boolean readOnly) {
            deltas.forEach(OrderRepository.this::writeCounts);
            deltas.clear();
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(OrderRepository.this);
        }
    }

    private void writeCounts(UUID workspaceId, Map<OrderState, Long> delta) {
        var states = new ArrayList<>(delta.keySet());
        states.removeIf(state -> delta.get(state) == 0);
        if (states.isEmpty()) {
            return;
        }
        states.sort(null);
        var values = new StringBuilder();
        var params = new LinkedHashMap<String, Object>();
        params.put("workspace", workspaceId);
        for (int i = 0; i < states.size(); i++) {
            values.append(i == 0 ? "" : ", ")
                    .append("(:workspace, :s")
                    .append(i)
                    .append(", :n")
                    .append(i)
                    .append(")");
            params.put("s" + i, states.get(i).wire());
            params.put("n" + i, delta.get(states.get(i)));
        }
        jdbc.sql("INSERT INTO order_counts (organization_id, state, n) VALUES " + values
                        + " ON CONFLICT (organization_id, state) DO UPDATE SET n = order_counts.n + EXCLUDED.n")
                .params(params)
                .update();
    }

    private static String prefixed() {
        return Arrays.stream(COLUMNS.split(","))
                .map(c -> "o." + c.strip())
                .reduce((a, b) -> a + ", " + b)
                .orElseThrow();
    }

    private Order map(ResultSet rs, int row) throws SQLException {
        return new Order(
                rs.getObject("id", UUID.class),
                rs.getObject("organization_id", UUID.class),
                rs.getObject("batch_id", UUID.class),
                rs.getObject("area_of_interest_id", UUID.class),
                rs.getString("product_name"),
                instant(rs, "start_date"),
                instant(rs, "end_date"),
                Frequency.parse(rs.getString("frequency")).orElseThrow(),
                rs.getString("comment"),
                List.of((String[]) rs.getArray("tags").getArray()),
                rs.getString("illumination_constraint"),
                rs.getObject("maximum_number_of_images", Integer.class),
                json.readValue(rs.getString("product_options"), OPTIONS),
                rs.getString("use_case"),
                OrderState.parse(rs.getString("state")).orElseThrow(),
                rs.getString("rejection_reason"),
                instant(rs, "created"),
                instant(rs, "updated"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
