package org.isotherm.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isotherm.order.OrderBodies.batch;
import static org.isotherm.order.OrderBodies.copies;
import static org.isotherm.order.OrderBodies.day;
import static org.isotherm.order.OrderBodies.order;
import static org.isotherm.order.OrderBodies.with;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.isotherm.auth.Role;
import org.isotherm.support.Fixtures.TestUser;
import org.isotherm.support.Fixtures.TestWorkspace;
import org.isotherm.support.IntegrationTest;
import org.isotherm.support.TestAois;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class OrderListIT extends IntegrationTest {

    @Autowired
    TestAois aois;

    TestWorkspace ws;
    TestUser operator;
    UUID aoi;
    List<String> ids;

    /** Twelve orders, newest last: three batches so that created times differ between batches too. */
    @BeforeEach
    void setUp() {
        ws = fixtures.workspace();
        operator = fixtures.operator();
        operator.http(port).put("/admin/organizations/" + ws.id + "/order-review", "{\"manual_review\": true}");
        aoi = aois.field(ws.id);
        ids = new ArrayList<>();
        place(batch(copies(order(aoi), 5)));
        place(batch(copies(with(order(aoi), "tags", List.of("wheat")), 4)));
        var start = day(2);
        place(batch(copies(order(aoi, "LSTfusion", start, start.plus(Duration.ofDays(3)), "daily"), 3)));
    }

    void place(Object body) {
        var response = ws.http().post("/orders/batch", body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        response.json().forEach(o -> ids.add(o.get("id").asString()));
    }

    static List<String> reversed(List<String> list) {
        var copy = new ArrayList<>(list);
        java.util.Collections.reverse(copy);
        return copy;
    }

    List<String> idsOf(JsonNode page) {
        var out = new ArrayList<String>();
        page.get("items").forEach(o -> out.add(o.get("id").asString()));
        return out;
    }

    @Test
    void listsNewestFirstTenByDefaultWithTheTotalCount() {
        var page = ws.http().get("/orders");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json().get("count").asLong()).isEqualTo(12);
        assertThat(idsOf(page.json())).isEqualTo(reversed(ids).subList(0, 10));
    }

    @Test
    void pagesWithLimitAndOffsetBothWays() {
        var newest = ws.http().get("/orders?limit=4&offset=4&sort=-created").json();
        assertThat(newest.get("count").asLong()).isEqualTo(12);
        assertThat(idsOf(newest)).isEqualTo(reversed(ids).subList(4, 8));

        var oldest = ws.http().get("/orders?limit=5&offset=10&sort=%2Bcreated").json();
        assertThat(idsOf(oldest)).isEqualTo(ids.subList(10, 12));
        assertThat(idsOf(ws.http().get("/orders?sort=created&limit=3").json())).isEqualTo(ids.subList(0, 3));
        assertThat(idsOf(ws.http().get("/orders?offset=100").json())).isEmpty();
    }

    @Test
    void filtersByStateProductAoiAndTag() {
        operator.http(port).post("/admin/orders/" + ids.get(0) + "/approve", "");
        operator.http(port).post("/admin/orders/" + ids.get(1) + "/reject", "{\"reason\": \"no\"}");
        var otherAoi = aois.field(ws.id);
        place(batch(order(otherAoi)));

        var running = ws.http().get("/orders?state=in_progress").json();
        assertThat(running.get("count").asLong()).isEqualTo(1);
        assertThat(idsOf(running)).containsExactly(ids.get(0));
        assertThat(ws.http()
                        .get("/orders?state=initial_state")
                        .json()
                        .get("count")
                        .asLong())
                .isEqualTo(11);
        var fusion = ws.http().get("/orders?product_name=LSTfusion").json();
        assertThat(fusion.get("count").asLong()).isEqualTo(3);
        assertThat(idsOf(fusion)).isEqualTo(reversed(ids.subList(9, 12)));
        var byAoi = ws.http().get("/orders?area_of_interest_id=" + otherAoi).json();
        assertThat(idsOf(byAoi)).containsExactly(ids.get(12));
        var wheat = ws.http().get("/orders?tag=wheat&limit=2").json();
        assertThat(wheat.get("count").asLong()).isEqualTo(4);
        assertThat(idsOf(wheat)).isEqualTo(reversed(ids.subList(7, 9)));
        var combined = ws.http()
                .get("/orders?state=initial_state&product_name=LSTprecision&tag=wheat")
                .json();
        assertThat(combined.get("count").asLong()).isEqualTo(4);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "limit=0|limit|greater_than_equal",
                "limit=1001|limit|less_than_equal",
                "limit=ten|limit|int_parsing",
                "offset=-1|offset|greater_than_equal",
                "sort=name|sort|literal_error",
                "state=done|state|enum",
                "area_of_interest_id=42|area_of_interest_id|uuid_parsing",
            })
    void answers422ForBadQueryParameters(String query, String name, String type) {
        var response = ws.http().get("/orders?" + query);

        assertThat(response.status()).isEqualTo(422);
        var error = response.json().get("detail").get(0);
        assertThat(error.get("loc").toString()).isEqualTo("[\"query\",\"" + name + "\"]");
        assertThat(error.get("type").asString()).isEqualTo(type);
    }

    @Test
    void acceptsTheLimitBounds() {
        assertThat(ws.http().get("/orders?limit=1").json().get("items").size()).isEqualTo(1);
        assertThat(ws.http().get("/orders?limit=1000").json().get("items").size())
                .isEqualTo(12);
    }

    @Test
    void seesOnlyItsOwnWorkspace() {
        var other = fixtures.workspace();

        var page = other.http().get("/orders");

        assertThat(page.body()).isEqualTo("{\"count\":0,\"items\":[]}");
        assertThat(ws.as(ws.user(Role.VIEWER))
                        .get("/orders")
                        .json()
                        .get("count")
                        .asLong())
                .isEqualTo(12);
    }
}
