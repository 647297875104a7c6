package org.isotherm.support;

import java.time.Duration;
import tools.jackson.databind.JsonNode;

/** Waiting for what the platform does to an order on its own (the validation job runs in the background). */
public final class OrderWaits {

    private OrderWaits() {}

    /** The order once it has left {@code initial_state}, or as it is after 30 s. */
    public static JsonNode awaitValidated(Http http, String orderId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            var order = http.get("/orders/" + orderId).json();
            if (!order.get("state").asString().equals("initial_state") || System.nanoTime() > deadline) {
                return order;
            }
            Thread.sleep(100);
        }
    }
}
