package org.isotherm.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.isotherm.order.OrderBodies.batch;
import static org.isotherm.order.OrderBodies.order;
import static org.isotherm.support.OrderWaits.awaitValidated;

import java.util.List;
import java.util.UUID;
import org.isotherm.support.Fixtures.TestWorkspace;
import org.isotherm.support.IntegrationTest;
import org.isotherm.support.TestAois;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** {@link Orders}, the face other features see: one path to in_progress, and follow-up work in its transaction. */
class OrdersIT extends IntegrationTest {

    @Autowired
    Orders orders;

    @Autowired
    TestAois aois;

    TestWorkspace ws;

    @BeforeEach
    void setUp() {
        ws = fixtures.workspace();
        var held = fixtures.operator()
                .http(port)
                .put("/admin/organizations/" + ws.id + "/order-review", "{\"manual_review\": true}");
        assertThat(held.status()).isEqualTo(200);
    }

    UUID placeHeldOrder() {
        var response = ws.http().post("/orders/batch", batch(order(aois.field(ws.id))));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return UUID.fromString(response.json().get(0).get("id").asString());
    }

    @Test
    void operatorApprovalStartsTheOrderThroughTheSamePathAsValidation() {
        var id = placeHeldOrder();

        var approved = fixtures.operator().http(port).post("/admin/orders/" + id + "/approve", "{}");

        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(OrderStartRecorder.seen(id)).singleElement().satisfies(start -> {
            assertThat(start.workspaceId()).isEqualTo(ws.id);
            assertThat(start.stateInItsTransaction()).isEqualTo("in_progress");
        });
    }

    @Test
    void automaticValidationPublishesTheStartToo() throws Exception {
        fixtures.operator()
                .http(port)
                .put("/admin/organizations/" + ws.id + "/order-review", "{\"manual_review\": false}");
        var response = ws.http().post("/orders/batch", batch(order(aois.field(ws.id))));
        var id = response.json().get(0).get("id").asString();

        assertThat(awaitValidated(ws.http(), id).get("state").asString()).isEqualTo("in_progress");
        assertThat(OrderStartRecorder.seen(UUID.fromString(id))).hasSize(1);
    }

    @Test
    void followUpWorkThatFailsUndoesTheStart() {
        var id = placeHeldOrder();
        OrderStartRecorder.FAILING.add(id);

        assertThatThrownBy(() -> orders.start(List.of(id), "test", "approved")).hasMessageContaining("planning failed");

        assertThat(orders.find(id).orElseThrow().state()).isEqualTo(OrderState.INITIAL_STATE);
        assertThat(ws.http().get("/orders/" + id + "/history").json().size()).isEqualTo(1);
    }

    @Test
    void startingTwiceStartsOnce() {
        var id = placeHeldOrder();

        assertThat(orders.start(List.of(id), "test", "first")).containsExactly(id);
        assertThat(orders.start(List.of(id), "test", "second")).isEmpty();

        assertThat(OrderStartRecorder.seen(id)).hasSize(1);
    }

    @Test
    void movesAStartedOrderToItsEnd() {
        var id = placeHeldOrder();
        orders.start(List.of(id), "test", "approved");

        assertThat(orders.close(id, "too early")).isFalse();
        assertThat(orders.beginClosing(id, "period over")).isTrue();
        assertThat(orders.cancel(id, "test", "too late")).isFalse();
        assertThat(orders.close(id, "all delivered")).isTrue();

        assertThat(orders.find(id).orElseThrow().state()).isEqualTo(OrderState.CLOSED);
    }

    @Test
    void answersWhetherAnAoiIsInUse() {
        var id = placeHeldOrder();
        var aoi = orders.find(id).orElseThrow().areaOfInterestId();
        assertThat(orders.inUse(aoi)).isTrue();

        assertThat(orders.cancel(id, "test", "changed my mind")).isTrue();

        assertThat(orders.inUse(aoi)).isFalse();
        assertThat(orders.inUse(UUID.randomUUID())).isFalse();
    }
}
