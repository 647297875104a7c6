package org.isotherm.fulfilment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.isotherm.fulfilment.AcquisitionPlanner.Opportunity;
import org.isotherm.fulfilment.AcquisitionPlanner.Window;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The {@code acquisitions} table: an order's planned windows and what became of each. */
@Repository
class AcquisitionRepository {

    /** One acquisition as stored: its window, the pass it waits for, the passes standing by, and its state. */
    record Acquisition(
            UUID orderId,
            int seq,
            Instant windowStart,
            Instant windowEnd,
            Instant plannedTime,
            String satellite,
            boolean day,
            List<Opportunity> fallbacks,
            String state,
            @Nullable String stacItemId,
            @Nullable String reason,
            Instant updated) {}

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;
    private final JsonMapper json;

    AcquisitionRepository(JdbcClient jdbc, NamedParameterJdbcTemplate named, JsonMapper json) {
        this.jdbc = jdbc;
        this.named = named;
        this.json = json;
    }

    /** Inserts the plan of an order that has none yet; a second call for the same order inserts nothing. */
    void insertPlan(UUID orderId, UUID workspaceId, List<Window> windows, Instant now) {
        var rows = new MapSqlParameterSource[windows.size()];
        for (int i = 0; i < windows.size(); i++) {
            var window = windows.get(i);
            var first = window.candidates().get(0);
            rows[i] = new MapSqlParameterSource()
                    .addValue("order", orderId)
                    .addValue("seq", i)
                    .addValue("workspace", workspaceId)
                    .addValue("from", Timestamp.from(window.start()))
                    .addValue("to", Timestamp.from(window.end()))
                    .addValue("time", Timestamp.from(first.time()))
                    .addValue("satellite", first.satellite())
                    .addValue("day", first.day())
                    .addValue(
                            "fallbacks",
                            json.writeValueAsString(window
                                    .candidates()
                                    .subList(1, window.candidates().size())
                                    .stream()
                                    .map(o -> Map.of(
                                            "time", o.time().toString(), "satellite", o.satellite(), "day", o.day()))
                                    .toList()))
                    .addValue("now", Timestamp.from(now));
        }
        named.batchUpdate("""
                INSERT INTO acquisitions (order_id, seq, workspace_id, window_start, window_end, planned_time,
                                          satellite, day, fallbacks, updated)
                VALUES (:order, :seq, :workspace, :from, :to, :time, :satellite, :day, CAST(:fallbacks AS jsonb), :now)
                ON CONFLICT DO NOTHING""", rows);
    }

    /** Cancels what the order has not received yet; delivered, skipped and failed acquisitions keep their state. */
    int cancelPlanned(UUID orderId, String reason, Instant now) {
        return jdbc.sql("""
                        UPDATE acquisitions SET state = 'cancelled', reason = :reason, updated = :now
                         WHERE order_id = :order AND state = 'planned'""")
                .param("order", orderId)
                .param("reason", reason)
                .param("now", Timestamp.from(now))
                .update();
    }

    List<Acquisition> forOrder(UUID workspaceId, UUID orderId) {
        return jdbc.sql("""
                        SELECT * FROM acquisitions
                         WHERE workspace_id = :workspace AND order_id = :order
                         ORDER BY seq""")
                .param("workspace", workspaceId)
                .param("order", orderId)
                .query(this::row)
                .list();
    }

    private Acquisition row(ResultSet rs, int n) throws SQLException {
        var fallbacks = json.readTree(rs.getString("fallbacks")).values().stream()
                .map(f -> new Opportunity(
                        Instant.parse(f.get("time").asString()),
                        f.get("satellite").asString(),
                        f.get("day").asBoolean()))
                .toList();
        return new Acquisition(
                rs.getObject("order_id", UUID.class),
                rs.getInt("seq"),
                rs.getTimestamp("window_start").toInstant(),
                rs.getTimestamp("window_end").toInstant(),
                rs.getTimestamp("planned_time").toInstant(),
                rs.getString("satellite"),
                rs.getBoolean("day"),
                fallbacks,
                rs.getString("state"),
                rs.getString("stac_item_id"),
                rs.getString("reason"),
                rs.getTimestamp("updated").toInstant());
    }
}
