package org.isotherm.order;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Request bodies and waits for order tests. */
final class OrderBodies {

    private OrderBodies() {}

    /** Midnight UTC, {@code days} calendar days after today. */
    static Instant day(int days) {
        return LocalDate.now(ZoneOffset.UTC).plusDays(days).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    /** A valid LSTprecision order: starts in 10 days, lasts 30. */
    static Map<String, Object> order(UUID aoi) {
        var start = day(10);
        return order(aoi, "LSTprecision", start, start.plus(Duration.ofDays(30)), "monthly");
    }

    static Map<String, Object> order(UUID aoi, String product, Instant start, Instant end, String frequency) {
        var order = new LinkedHashMap<String, Object>();
        order.put("area_of_interest_id", aoi.toString());
        order.put("start_date", start.toString());
        order.put("end_date", end.toString());
        order.put("frequency", frequency);
        order.put("product_name", product);
        order.put("comment", "Order for field 42");
        return order;
    }

    static Map<String, Object> with(Map<String, Object> order, String field, Object value) {
        var copy = new LinkedHashMap<>(order);
        copy.put(field, value);
        return copy;
    }

    static Map<String, Object> batch(List<Map<String, Object>> orders) {
        var batch = new LinkedHashMap<String, Object>();
        batch.put("use_case", "Yield Prediction");
        batch.put("comment", "Urgent order for Q3 analysis");
        batch.put("orders", orders);
        return batch;
    }

    @SafeVarargs
    static Map<String, Object> batch(Map<String, Object>... orders) {
        return batch(List.of(orders));
    }

    static List<Map<String, Object>> copies(Map<String, Object> order, int n) {
        var orders = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < n; i++) {
            orders.add(order);
        }
        return orders;
    }
}
