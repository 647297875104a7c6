package org.isotherm.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isotherm.order.OrderBodies.batch;
import static org.isotherm.order.OrderBodies.order;
import static org.isotherm.support.OrderWaits.awaitValidated;

import java.util.List;
import java.util.UUID;
import org.isotherm.auth.Role;
import org.isotherm.support.Fixtures.TestUser;
import org.isotherm.support.Fixtures.TestWorkspace;
import org.isotherm.support.IntegrationTest;
import org.isotherm.support.TestAois;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class OrderLifecycleIT extends IntegrationTest {

    @Autowired
    TestAois aois;

    @Autowired
    OrderValidation validation;

    TestWorkspace ws;
    TestUser operator;
    UUID aoi;

    @BeforeEach
    void setUp() {
        ws = fixtures.workspace();
        operator = fixtures.operator();
        aoi = aois.field(ws.id);
    }

    JsonNode place(UUID area) {
        var response = ws.http().post("/orders/batch", batch(order(area)));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get(0);
    }

    String id(JsonNode order) {
        return order.get("id").asString();
    }

    void holdForReview() {
        var response =
                operator.http(port).put("/admin/organizations/" + ws.id + "/order-review", "{\"manual_review\": true}");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"manual_review\":true,\"overridden\":true}");
    }

    @Test
    void validatesNewOrdersAutomaticallyAndRecordsTheHistory() throws Exception {
        var order = place(aoi);

        var validated = awaitValidated(ws.http(), id(order));

        assertThat(validated.get("state").asString()).isEqualTo("in_progress");
        assertThat(validated.get("rejection_reason").isNull()).isTrue();
        var history = ws.http().get("/orders/" + id(order) + "/history");
        assertThat(history.status()).isEqualTo(200);
        var entries = history.json();
        assertThat(entries.size()).isEqualTo(2);
        assertThat(entries.get(0).get("from_state").isNull()).isTrue();
        assertThat(entries.get(0).get("to_state").asString()).isEqualTo("initial_state");
        assertThat(entries.get(0).get("actor").asString()).isEqualTo(ws.admin.email());
        assertThat(entries.get(1).get("from_state").asString()).isEqualTo("initial_state");
        assertThat(entries.get(1).get("to_state").asString()).isEqualTo("in_progress");
        assertThat(entries.get(1).get("actor").asString()).isEqualTo("system");
        assertThat(entries.get(1).get("reason").asString()).isEqualTo("passed automatic validation");
        assertThat(entries.get(1).get("at").asString()).endsWith("Z");
    }

    @Test
    void rejectsAnAoiOutsideTheCoverageBand() throws Exception {
        var oslo = aois.insert(ws.id, 10.75, 59.91, 5_000, 5_000);
        var order = place(oslo);

        var validated = awaitValidated(ws.http(), id(order));

        assertThat(validated.get("state").asString()).isEqualTo("rejected");
        assertThat(validated.get("rejection_reason").asString())
                .startsWith("The AOI spans latitudes 59.8")
                .endsWith(", outside LSTprecision's warranted coverage from 50°S to 55°N");
    }

    @Test
    void validatesEachOrderOfABatchOnItsOwn() throws Exception {
        var tromso = aois.insert(ws.id, 18.96, 69.65, 5_000, 5_000);
        var response = ws.http().post("/orders/batch", batch(order(aoi), order(tromso), order(aoi)));
        var placed = response.json();

        var states = new java.util.ArrayList<String>();
        for (var order : placed) {
            states.add(awaitValidated(ws.http(), id(order)).get("state").asString());
        }

        assertThat(states).containsExactly("in_progress", "rejected", "in_progress");
        assertThat(ws.http()
                        .get("/orders?state=in_progress")
                        .json()
                        .get("count")
                        .asLong())
                .isEqualTo(2);
        assertThat(ws.http().get("/orders?state=rejected").json().get("count").asLong())
                .isEqualTo(1);
        assertThat(ws.http()
                        .get("/orders?state=initial_state")
                        .json()
                        .get("count")
                        .asLong())
                .isZero();
    }

    @Test
    void rejectsAnOrderWhoseAoiWasDeletedBeforeValidation() {
        holdForReview();
        var order = place(aoi);
        aois.delete(aoi);

        validation.validateBatch(UUID.fromString(order.get("batch_id").asString()));

        var validated = ws.http().get("/orders/" + id(order)).json();
        assertThat(validated.get("state").asString()).isEqualTo("rejected");
        assertThat(validated.get("rejection_reason").asString())
                .isEqualTo("The area of interest " + aoi + " no longer exists");
    }

    @Test
    void holdsOrdersForManualReviewUntilAnOperatorApproves() {
        holdForReview();
        var order = place(aoi);
        assertThat(ws.http().get("/orders/" + id(order)).json().get("state").asString())
                .isEqualTo("initial_state");

        var approved = operator.http(port).post("/admin/orders/" + id(order) + "/approve", "");

        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.json().get("state").asString()).isEqualTo("in_progress");
        var last = ws.http().get("/orders/" + id(order) + "/history").json().get(1);
        assertThat(last.get("actor").asString()).isEqualTo(operator.email());
        assertThat(last.get("reason").asString()).isEqualTo("approved by an operator");
        assertThat(operator.http(port)
                        .post("/admin/orders/" + id(order) + "/approve", "")
                        .status())
                .isEqualTo(409);
    }

    @Test
    void showsTheOperatorTheOrdersWaitingForReview() {
        holdForReview();
        var first = place(aoi);
        var second = place(aoi);

        var waiting = operator.http(port)
                .get("/admin/orders?state=initial_state&organization_id=" + ws.id)
                .json();

        assertThat(waiting.get("count").asLong()).isEqualTo(2);
        assertThat(waiting.get("items").get(0).get("id").asString()).isEqualTo(id(second));
        assertThat(waiting.get("items").get(1).get("id").asString()).isEqualTo(id(first));
        assertThat(waiting.get("items").get(0).get("organization_id").asString())
                .isEqualTo(ws.id.toString());
        assertThat(operator.http(port).get("/admin/orders?state=open").status()).isEqualTo(422);
        assertThat(ws.http().get("/admin/orders").status()).isEqualTo(403);
    }

    @Test
    void letsAnOperatorRejectAHeldOrderWithAReason() {
        holdForReview();
        var order = place(aoi);

        var missing = operator.http(port).post("/admin/orders/" + id(order) + "/reject", "{}");
        assertThat(missing.status()).isEqualTo(422);
        var rejected = operator.http(port)
                .post("/admin/orders/" + id(order) + "/reject", "{\"reason\": \"AOI is over the sea\"}");

        assertThat(rejected.status()).isEqualTo(200);
        assertThat(rejected.json().get("state").asString()).isEqualTo("rejected");
        assertThat(rejected.json().get("rejection_reason").asString()).isEqualTo("AOI is over the sea");
    }

    @Test
    void reviewSettingFallsBackToThePlatformDefault() {
        holdForReview();

        var reset =
                operator.http(port).put("/admin/organizations/" + ws.id + "/order-review", "{\"manual_review\": null}");

        assertThat(reset.body()).isEqualTo("{\"manual_review\":false,\"overridden\":false}");
        assertThat(operator.http(port)
                        .get("/admin/organizations/" + UUID.randomUUID() + "/order-review")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void adminEndpointsAreForOperatorsOnly() {
        var order = place(aoi);

        assertThat(ws.http().post("/admin/orders/" + id(order) + "/approve", "").status())
                .isEqualTo(403);
        assertThat(ws.http()
                        .put("/admin/organizations/" + ws.id + "/order-review", "{\"manual_review\": true}")
                        .status())
                .isEqualTo(403);
        assertThat(operator.http(port)
                        .post("/admin/orders/" + UUID.randomUUID() + "/approve", "")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void cancelsARunningOrderOnceAndRecordsWhoAndWhy() throws Exception {
        var order = place(aoi);
        awaitValidated(ws.http(), id(order));
        var member = ws.user(Role.MEMBER);

        var cancelled = ws.as(member).post("/orders/" + id(order) + "/cancel", "{\"reason\": \"budget cut\"}");

        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().get("state").asString()).isEqualTo("cancelled");
        var again = ws.as(member).post("/orders/" + id(order) + "/cancel", "");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asString())
                .isEqualTo("An order in state cancelled cannot be cancelled; only orders in initial_state or"
                        + " in_progress can");
        var last = ws.http().get("/orders/" + id(order) + "/history").json().get(2);
        assertThat(last.get("to_state").asString()).isEqualTo("cancelled");
        assertThat(last.get("actor").asString()).isEqualTo(member.email());
        assertThat(last.get("reason").asString()).isEqualTo("budget cut");
    }

    @Test
    void cancelsAnOrderStillAwaitingValidation() {
        holdForReview();
        var order = place(aoi);

        var cancelled = ws.http().post("/orders/" + id(order) + "/cancel", "");

        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().get("state").asString()).isEqualTo("cancelled");
    }

    @Test
    void deletesAnOrderOnlyBeforeItStartsOrWhenRejected() throws Exception {
        holdForReview();
        var waiting = place(aoi);
        assertThat(ws.http().delete("/orders/" + id(waiting)).status()).isEqualTo(204);
        assertThat(ws.http().get("/orders/" + id(waiting)).status()).isEqualTo(404);

        var running = place(aoi);
        operator.http(port).post("/admin/orders/" + id(running) + "/approve", "");
        var refused = ws.http().delete("/orders/" + id(running));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString())
                .isEqualTo("An order in state in_progress cannot be deleted; only orders in initial_state or"
                        + " rejected can (cancel it instead)");

        var rejected = place(aoi);
        operator.http(port).post("/admin/orders/" + id(rejected) + "/reject", "{\"reason\": \"no\"}");
        assertThat(ws.http().delete("/orders/" + id(rejected)).status()).isEqualTo(204);

        assertThat(ws.http().get("/orders").json().get("count").asLong()).isEqualTo(1);
        assertThat(ws.http().get("/orders?state=rejected").json().get("count").asLong())
                .isZero();
    }

    @Test
    void updatesCommentAndTags() {
        var order = place(aoi);

        var patched =
                ws.http().patch("/orders/" + id(order), "{\"comment\": \"field 43\", \"tags\": [\"wheat\", \"2026\"]}");

        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json().get("comment").asString()).isEqualTo("field 43");
        assertThat(patched.json().get("tags").toString()).isEqualTo("[\"wheat\",\"2026\"]");
        var onlyTags = ws.http().patch("/orders/" + id(order), "{\"tags\": []}");
        assertThat(onlyTags.json().get("comment").asString()).isEqualTo("field 43");
        assertThat(onlyTags.json().get("tags").size()).isZero();
        var cleared = ws.http().patch("/orders/" + id(order), "{\"comment\": null}");
        assertThat(cleared.json().get("comment").isNull()).isTrue();
    }

    @Test
    void refusesBadPatches() {
        var order = place(aoi);

        var duplicate = ws.http().patch("/orders/" + id(order), "{\"tags\": [\"a\", \"a\"]}");
        assertThat(duplicate.status()).isEqualTo(422);
        assertThat(duplicate.json().get("detail").get(0).get("loc").toString()).isEqualTo("[\"body\",\"tags\",1]");
        var state = ws.http().patch("/orders/" + id(order), "{\"state\": \"closed\"}");
        assertThat(state.status()).isEqualTo(422);
        assertThat(state.json().get("detail").get(0).get("type").asString()).isEqualTo("extra_forbidden");
    }

    @Test
    void viewersReadButCannotChangeOrders() {
        var order = place(aoi);
        var viewer = ws.as(ws.user(Role.VIEWER));

        assertThat(viewer.get("/orders/" + id(order)).status()).isEqualTo(200);
        assertThat(viewer.get("/orders").status()).isEqualTo(200);
        assertThat(viewer.get("/orders/" + id(order) + "/history").status()).isEqualTo(200);
        assertThat(viewer.patch("/orders/" + id(order), "{\"comment\": \"x\"}").status())
                .isEqualTo(403);
        assertThat(viewer.post("/orders/" + id(order) + "/cancel", "").status()).isEqualTo(403);
        assertThat(viewer.delete("/orders/" + id(order)).status()).isEqualTo(403);
    }

    @Test
    void anotherWorkspacesOrderIsNotFound() {
        var order = place(aoi);
        var other = fixtures.workspace().http();

        for (var response : List.of(
                other.get("/orders/" + id(order)),
                other.get("/orders/" + id(order) + "/history"),
                other.patch("/orders/" + id(order), "{\"comment\": \"x\"}"),
                other.post("/orders/" + id(order) + "/cancel", ""),
                other.delete("/orders/" + id(order)))) {
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.body()).isEqualTo("{\"detail\":\"Order not found\"}");
        }
        assertThat(other.get("/orders").json().get("count").asLong()).isZero();
    }

    @Test
    void answers422ForAMalformedOrderId() {
        var response = ws.http().get("/orders/not-a-uuid");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("detail").get(0).get("loc").toString()).isEqualTo("[\"path\",\"order_id\"]");
    }
}
