package org.isotherm.product;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Map;
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

class ProductIT extends IntegrationTest {

    @Autowired
    TestAois aois;

    TestWorkspace ws;
    TestUser operator;

    @BeforeEach
    void setUp() {
        ws = fixtures.workspace();
        operator = fixtures.operator();
    }

    static ArrayList<String> names(JsonNode list) {
        var names = new ArrayList<String>();
        list.forEach(p -> names.add(p.get("name").asString()));
        return names;
    }

    Map<String, Object> zoomOrder(UUID aoi, int startInDays) {
        var start = LocalDate.now(ZoneOffset.UTC)
                .plusDays(startInDays)
                .atStartOfDay()
                .toInstant(ZoneOffset.UTC);
        return Map.of(
                "use_case",
                "Unknown",
                "orders",
                java.util.List.of(Map.of(
                        "area_of_interest_id", aoi.toString(),
                        "start_date", start.toString(),
                        "end_date", start.plus(Duration.ofDays(10)).toString(),
                        "frequency", "weekly",
                        "product_name", "LSTzoom")));
    }

    @Test
    void listsTheThreeProductsWithTheirRules() {
        var response = ws.as(ws.user(Role.VIEWER)).get("/products");

        assertThat(response.status()).isEqualTo(200);
        assertThat(names(response.json())).containsExactly("LSTprecision", "LSTzoom", "LSTfusion");
        var precision = response.json().get(0);
        assertThat(precision.get("max_bbox_width_m").asDouble()).isEqualTo(15000.0);
        assertThat(precision.get("min_lead_days").asInt()).isEqualTo(8);
        // no order period restrictions: an LSTfusion start may lie in the past
        assertThat(response.json().get(2).get("min_lead_days").isNull()).isTrue();
        assertThat(precision.get("min_period_days").asInt()).isEqualTo(7);
        assertThat(precision.get("max_period_days").asInt()).isEqualTo(365);
        assertThat(precision.get("frequencies").toString())
                .isEqualTo("[\"single_image\",\"max_frequency\",\"once_every_two_weeks\",\"monthly\",\"weekly\"]");
        assertThat(precision.get("resolution_m").asDouble()).isEqualTo(30.0);
        assertThat(precision.get("coverage_min_lat").asDouble()).isEqualTo(-50.0);
        assertThat(precision.get("coverage_max_lat").asDouble()).isEqualTo(55.0);
        assertThat(precision.get("product_options").toString()).isEqualTo("[\"sharpened_10m\"]");
        var fusion = response.json().get(2);
        assertThat(fusion.get("max_bbox_width_m").isNull()).isTrue();
        assertThat(fusion.get("max_period_days").isNull()).isTrue();
        assertThat(fusion.get("frequencies").toString()).isEqualTo("[\"daily\"]");
    }

    @Test
    void requiresAuthentication() {
        assertThat(http().get("/products").status()).isEqualTo(401);
    }

    @Test
    void disablesAndEnablesAProductPerWorkspace() {
        var aoi = aois.field(ws.id);
        var other = fixtures.workspace();

        var disabled = operator.http(port).delete("/admin/organizations/" + ws.id + "/products/LSTzoom");

        assertThat(disabled.status()).isEqualTo(204);
        assertThat(names(ws.http().get("/products").json())).containsExactly("LSTprecision", "LSTfusion");
        assertThat(names(other.http().get("/products").json())).contains("LSTzoom");
        var refused = ws.http().post("/orders/batch", zoomOrder(aoi, 10));
        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.json().get("detail").asString()).isEqualTo("orders[0]: product LSTzoom not found");
        assertThat(operator.http(port)
                        .get("/admin/organizations/" + ws.id + "/products")
                        .body())
                .isEqualTo("[{\"name\":\"LSTprecision\",\"enabled\":true},{\"name\":\"LSTzoom\",\"enabled\":false},"
                        + "{\"name\":\"LSTfusion\",\"enabled\":true}]");

        assertThat(operator.http(port)
                        .put("/admin/organizations/" + ws.id + "/products/LSTzoom", "")
                        .status())
                .isEqualTo(204);
        assertThat(ws.http().post("/orders/batch", zoomOrder(aoi, 10)).status()).isEqualTo(201);
    }

    @Test
    void answers404ForUnknownWorkspaceOrProduct() {
        assertThat(operator.http(port)
                        .delete("/admin/organizations/" + UUID.randomUUID() + "/products/LSTzoom")
                        .status())
                .isEqualTo(404);
        assertThat(operator.http(port)
                        .delete("/admin/organizations/" + ws.id + "/products/LSTmagic")
                        .status())
                .isEqualTo(404);
        assertThat(operator.http(port).patch("/admin/products/LSTmagic", "{}").status())
                .isEqualTo(404);
    }

    @Test
    void operatorChangesAProductsRulesAndOrdersFollowThem() {
        var aoi = aois.field(ws.id);
        assertThat(ws.http().post("/orders/batch", zoomOrder(aoi, 3)).status()).isEqualTo(400);
        try {
            var patched = operator.http(port).patch("/admin/products/LSTzoom", "{\"min_lead_days\": 2}");

            assertThat(patched.status()).isEqualTo(200);
            assertThat(patched.json().get("min_lead_days").asInt()).isEqualTo(2);
            assertThat(patched.json().get("max_bbox_width_m").asDouble()).isEqualTo(15000.0);
            assertThat(ws.http().post("/orders/batch", zoomOrder(aoi, 3)).status())
                    .isEqualTo(201);
        } finally {
            operator.http(port).patch("/admin/products/LSTzoom", "{\"min_lead_days\": 8}");
        }
        assertThat(ws.http().post("/orders/batch", zoomOrder(aoi, 3)).status()).isEqualTo(400);
    }

    @Test
    void nullRemovesALimit() {
        var aoi = aois.insert(ws.id, 10, 45, 20_000, 5_000);
        try {
            var patched = operator.http(port).patch("/admin/products/LSTzoom", "{\"max_bbox_width_m\": null}");

            assertThat(patched.json().get("max_bbox_width_m").isNull()).isTrue();
            assertThat(ws.http().post("/orders/batch", zoomOrder(aoi, 10)).status())
                    .isEqualTo(201);
        } finally {
            operator.http(port).patch("/admin/products/LSTzoom", "{\"max_bbox_width_m\": 15000}");
        }
        assertThat(operator.http(port)
                        .get("/admin/products")
                        .json()
                        .get(1)
                        .get("max_bbox_width_m")
                        .asDouble())
                .isEqualTo(15000.0);
    }

    @Test
    void validatesRuleChanges() {
        var bad = operator.http(port)
                .patch(
                        "/admin/products/LSTzoom",
                        "{\"frequencies\": [\"weekly\", \"hourly\"], \"min_lead_days\": -1, \"colour\": \"red\"}");

        assertThat(bad.status()).isEqualTo(422);
        var locs = new ArrayList<String>();
        bad.json().get("detail").forEach(e -> locs.add(e.get("loc").toString()));
        assertThat(locs)
                .containsExactlyInAnyOrder(
                        "[\"body\",\"colour\"]", "[\"body\",\"min_lead_days\"]", "[\"body\",\"frequencies\",1]");
        var crossed = operator.http(port).patch("/admin/products/LSTzoom", "{\"min_period_days\": 400}");
        assertThat(crossed.status()).isEqualTo(400);
        assertThat(crossed.json().get("detail").asString())
                .isEqualTo("min_period_days must not exceed max_period_days");
        assertThat(operator.http(port)
                        .get("/admin/products")
                        .json()
                        .get(1)
                        .get("min_period_days")
                        .asInt())
                .isEqualTo(7);
    }

    @Test
    void productAdministrationIsForOperatorsOnly() {
        assertThat(ws.http().get("/admin/products").status()).isEqualTo(403);
        assertThat(ws.http()
                        .patch("/admin/products/LSTzoom", "{\"min_lead_days\": 0}")
                        .status())
                .isEqualTo(403);
        assertThat(ws.http()
                        .delete("/admin/organizations/" + ws.id + "/products/LSTzoom")
                        .status())
                .isEqualTo(403);
    }
}
