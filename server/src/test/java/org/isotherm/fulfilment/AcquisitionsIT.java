package org.isotherm.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isotherm.support.OrderWaits.awaitValidated;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.isotherm.auth.Role;
import org.isotherm.support.Fixtures.TestWorkspace;
import org.isotherm.support.IntegrationTest;
import org.isotherm.support.TestAois;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The plan an order gets when it starts, through {@code GET /orders/{id}/acquisitions}. */
class AcquisitionsIT extends IntegrationTest {

    @Autowired
    TestAois aois;

    TestWorkspace ws;
    UUID aoi;

    @BeforeEach
    void setUp() {
        ws = fixtures.workspace();
        // centred at lon -5.98: 11:00 local solar time is 11:23:55 UTC
        aoi = aois.field(ws.id);
    }

    private String place(String product, LocalDate start, LocalDate end, String frequency) {
        var response = ws.http().post("/orders/batch", """
                {"use_case": "Drought Stress", "orders": [{"area_of_interest_id": "%s", "product_name": "%s",
                  "start_date": "%sT00:00:00Z", "end_date": "%sT00:00:00Z", "frequency": "%s"}]}""".formatted(aoi, product, start, end, frequency));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get(0).get("id").asString();
    }

    @Test
    void plansAnLstFusionArchiveOrderDayByDayWhenItStarts() throws Exception {
        var today = LocalDate.now(ZoneOffset.UTC);
        var order = place("LSTfusion", today.minusDays(7), today, "daily");

        assertThat(awaitValidated(ws.http(), order).get("state").asString()).isEqualTo("in_progress");
        var plan = ws.as(ws.user(Role.VIEWER)).get("/orders/" + order + "/acquisitions");

        assertThat(plan.status()).as(plan.body()).isEqualTo(200);
        var items = plan.json().get("items");
        assertThat(plan.json().get("count").asInt()).isEqualTo(7).isEqualTo(items.size());
        for (int i = 0; i < items.size(); i++) {
            var item = items.get(i);
            var time = java.time.Instant.parse(item.get("planned_time").asString());
            assertThat(item.get("sequence").asInt()).isEqualTo(i);
            assertThat(LocalDate.ofInstant(time, ZoneOffset.UTC)).isEqualTo(today.minusDays(7 - i));
            assertThat(time.atOffset(ZoneOffset.UTC).toLocalTime()).isEqualTo(LocalTime.of(11, 23, 55));
            assertThat(item.get("state").asString()).isEqualTo("planned");
            assertThat(item.get("illumination").asString()).isEqualTo("day");
            assertThat(item.get("stac_item_id").isNull()).isTrue();
        }
    }

    @Test
    void plansWeeklyWindowsWithPassesStandingBy() throws Exception {
        var start = LocalDate.now(ZoneOffset.UTC).plusDays(10);
        var order = place("LSTprecision", start, start.plusDays(28), "weekly");

        awaitValidated(ws.http(), order);
        var items = ws.http().get("/orders/" + order + "/acquisitions").json().get("items");

        assertThat(items.size()).isEqualTo(4);
        for (int i = 0; i < 4; i++) {
            var item = items.get(i);
            assertThat(item.get("window_start").asString()).isEqualTo(start.plusDays(7L * i) + "T00:00:00Z");
            assertThat(item.get("satellite").asString()).startsWith("SBA0");
            // a pass every 3.4 days at 37 degrees: at least one more stands by in a week
            assertThat(item.get("standby_passes").asInt()).isPositive();
        }
    }

    @Test
    void showsNoPlanBeforeTheOrderStartsAndNoneOfAnotherWorkspace() {
        var operator = fixtures.operator();
        var hold =
                operator.http(port).put("/admin/organizations/" + ws.id + "/order-review", "{\"manual_review\": true}");
        assertThat(hold.status()).isEqualTo(200);
        var start = LocalDate.now(ZoneOffset.UTC).plusDays(10);
        var order = place("LSTprecision", start, start.plusDays(28), "weekly");

        var waiting = ws.http().get("/orders/" + order + "/acquisitions");
        var foreign = fixtures.workspace().http().get("/orders/" + order + "/acquisitions");
        var unknown = ws.http().get("/orders/" + UUID.randomUUID() + "/acquisitions");

        assertThat(waiting.status()).isEqualTo(200);
        assertThat(waiting.json().get("count").asInt()).isZero();
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.json().get("detail").asString()).isEqualTo("Order not found");
        assertThat(unknown.status()).isEqualTo(404);
    }

    @Test
    void cancelsTheAcquisitionsStillToComeWhenTheOrderIsCancelled() throws Exception {
        var start = LocalDate.now(ZoneOffset.UTC).plusDays(10);
        var order = place("LSTprecision", start, start.plusDays(28), "weekly");
        awaitValidated(ws.http(), order);

        var cancel = ws.http().post("/orders/" + order + "/cancel", "{\"reason\": \"season over\"}");
        assertThat(cancel.status()).as(cancel.body()).isEqualTo(200);
        var items = ws.http().get("/orders/" + order + "/acquisitions").json().get("items");

        assertThat(items.size()).isEqualTo(4);
        for (var item : items) {
            assertThat(item.get("state").asString()).isEqualTo("cancelled");
            assertThat(item.get("reason").asString()).isEqualTo("order cancelled: season over");
        }
    }
}
