package org.isotherm.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isotherm.order.OrderBodies.batch;
import static org.isotherm.order.OrderBodies.copies;
import static org.isotherm.order.OrderBodies.day;
import static org.isotherm.order.OrderBodies.order;
import static org.isotherm.order.OrderBodies.with;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.isotherm.auth.Role;
import org.isotherm.support.Fixtures.TestWorkspace;
import org.isotherm.support.IntegrationTest;
import org.isotherm.support.TestAois;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class OrderBatchIT extends IntegrationTest {

    @Autowired
    TestAois aois;

    TestWorkspace ws;
    UUID aoi;

    @BeforeEach
    void setUp() {
        ws = fixtures.workspace();
        aoi = aois.field(ws.id);
    }

    @Test
    void createsTheGuidesBatchAndAnswersItsFields() {
        var start = day(10).plusMillis(4);
        var body = batch(with(
                order(aoi, "LSTprecision", start, start.plus(Duration.ofDays(21)), "single-image"),
                "start_date",
                start.toString()));

        var response = ws.http().post("/orders/batch", body);

        assertThat(response.status()).isEqualTo(201);
        var created = response.json();
        assertThat(created.size()).isEqualTo(1);
        var order = created.get(0);
        assertThat(order.get("area_of_interest_id").asString()).isEqualTo(aoi.toString());
        assertThat(order.get("start_date").asString()).isEqualTo(start.toString());
        assertThat(order.get("end_date").asString())
                .isEqualTo(start.plus(Duration.ofDays(21)).toString());
        assertThat(order.get("frequency").asString()).isEqualTo("single_image");
        assertThat(order.get("product_name").asString()).isEqualTo("LSTprecision");
        assertThat(order.get("comment").asString()).isEqualTo("Order for field 42");
        assertThat(order.get("state").asString()).isEqualTo("initial_state");
        assertThat(order.get("use_case").asString()).isEqualTo("Yield Prediction");
        assertThat(order.get("maximum_number_of_images").asInt()).isEqualTo(1);
        assertThat(UUID.fromString(order.get("id").asString())).isNotNull();
        assertThat(order.get("created").asString()).endsWith("Z");

        var fetched = ws.http().get("/orders/" + order.get("id").asString());
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.json().get("start_date")).isEqualTo(order.get("start_date"));
        assertThat(fetched.json().get("created")).isEqualTo(order.get("created"));
    }

    @Test
    void normalisesOffsetsToUtc() {
        var start = day(10);
        var body = batch(with(
                order(aoi),
                "start_date",
                "%sT02:00:00+02:00".formatted(start.toString().substring(0, 10))));

        var response = ws.http().post("/orders/batch", body);

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().get(0).get("start_date").asString()).isEqualTo(start.toString());
    }

    @Test
    void acceptsOptionalFields() {
        var body = batch(with(
                with(
                        with(
                                with(
                                        with(order(aoi), "tags", List.of("wheat", "north")),
                                        "illumination_constraint",
                                        "night"),
                                "maximum_number_of_images",
                                12),
                        "product_options",
                        Map.of("sharpened_10m", true)),
                "frequency",
                "once-every-two-weeks"));

        var response = ws.http().post("/orders/batch", body);

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        var order = response.json().get(0);
        assertThat(order.get("tags").toString()).isEqualTo("[\"wheat\",\"north\"]");
        assertThat(order.get("illumination_constraint").asString()).isEqualTo("night");
        assertThat(order.get("maximum_number_of_images").asInt()).isEqualTo(12);
        assertThat(order.get("product_options").toString()).isEqualTo("{\"sharpened_10m\":true}");
        assertThat(order.get("frequency").asString()).isEqualTo("once_every_two_weeks");
    }

    @ParameterizedTest
    @CsvSource({"15000, 15000, 201", "15000.1, 15000, 400", "15000, 15000.1, 400"})
    void limitsTheBoundingBoxTo15000Metres(double width, double height, int status) {
        var sized = aois.insert(ws.id, 10.0, 45.0, width, height);

        var response = ws.http().post("/orders/batch", batch(order(sized)));

        assertThat(response.status()).as(response.body()).isEqualTo(status);
        if (status == 400) {
            var which = width > 15000 ? "wide; the AOI is 15000.1 m wide" : "high; the AOI is 15000.1 m high";
            assertThat(response.json().get("detail").asString())
                    .isEqualTo("orders[0]: LSTprecision requires an AOI bounding box at most 15000 m " + which);
        }
    }

    @Test
    void letsLstFusionOrderAnyBoundingBox() {
        var huge = aois.insert(ws.id, 10.0, 45.0, 90_000, 120_000);
        var start = day(1);

        var response = ws.http()
                .post(
                        "/orders/batch",
                        batch(order(huge, "LSTfusion", start, start.plus(Duration.ofDays(900)), "daily")));

        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }

    @Test
    void acceptsAnLstFusionArchiveOrderStartingInThePast() {
        var start = day(-30);

        var response = ws.http().post("/orders/batch", batch(order(aoi, "LSTfusion", start, day(5), "daily")));

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.json().get(0).get("start_date").asString()).isEqualTo(start.toString());
    }

    @Test
    void stillRejectsAnLstPrecisionOrderStartingInThePast() {
        var start = day(-30);

        var response = ws.http().post("/orders/batch", batch(order(aoi, "LSTprecision", start, day(5), "monthly")));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("detail").asString()).contains("at least 8 days after order creation");
    }

    @Test
    void takesABatchWithoutUseCaseAsUnknown() {
        var body = new java.util.LinkedHashMap<>(batch(order(aoi)));
        body.remove("use_case");

        var response = ws.http().post("/orders/batch", body);

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.json().get(0).get("use_case").asString()).isEqualTo("Unknown");
    }

    @ParameterizedTest
    @CsvSource({"7, 201", "365, 201", "6, 400", "366, 400"})
    void boundsThePeriodFrom7To365Days(int days, int status) {
        var start = day(10);

        var response = ws.http()
                .post(
                        "/orders/batch",
                        batch(order(aoi, "LSTzoom", start, start.plus(Duration.ofDays(days)), "weekly")));

        assertThat(response.status()).as(response.body()).isEqualTo(status);
        if (days == 6) {
            assertThat(response.json().get("detail").asString())
                    .isEqualTo("orders[0]: LSTzoom requires an order period of at least 7 days; it is 6 days");
        }
        if (days == 366) {
            assertThat(response.json().get("detail").asString())
                    .isEqualTo("orders[0]: LSTzoom allows an order period of at most 365 days; it is 366 days");
        }
    }

    @Test
    void rejectsAPeriodJustUnder7Days() {
        var start = day(10);
        var response = ws.http()
                .post(
                        "/orders/batch",
                        batch(order(
                                aoi,
                                "LSTprecision",
                                start,
                                start.plus(Duration.ofDays(7)).minusSeconds(1),
                                "monthly")));

        assertThat(response.status()).isEqualTo(400);
    }

    @Test
    void acceptsAStartExactly8DaysAfterCreation() {
        var start = day(8);

        var response = ws.http()
                .post(
                        "/orders/batch",
                        batch(order(aoi, "LSTprecision", start, start.plus(Duration.ofDays(7)), "weekly")));

        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }

    @Test
    void rejectsOrderStartingTooSoon() {
        var start = day(8).minus(1, ChronoUnit.MICROS);

        var response = ws.http()
                .post(
                        "/orders/batch",
                        batch(order(aoi, "LSTprecision", start, start.plus(Duration.ofDays(7)), "weekly")));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("detail").asString())
                .isEqualTo(
                        "orders[0]: LSTprecision requires the start date at least 8 days after order creation (on or after "
                                + day(8).toString().substring(0, 10) + ")");
    }

    @Test
    void rejectsAFrequencyTheProductDoesNotOffer() {
        var start = day(10);

        var response = ws.http()
                .post(
                        "/orders/batch",
                        batch(order(aoi, "LSTfusion", start, start.plus(Duration.ofDays(10)), "weekly")));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("detail").asString())
                .isEqualTo("orders[0]: LSTfusion allows the frequencies daily, not weekly");
    }

    @Test
    void rejectsAProductOptionTheProductDoesNotOffer() {
        var start = day(10);
        var body = batch(with(
                order(aoi, "LSTzoom", start, start.plus(Duration.ofDays(10)), "weekly"),
                "product_options",
                Map.of("sharpened_10m", true)));

        var response = ws.http().post("/orders/batch", body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("detail").asString())
                .isEqualTo("orders[0]: LSTzoom offers no product options, not sharpened_10m");
    }

    @Test
    void writesNothingWhenTheOrderAtIndex3Fails() {
        var orders = new ArrayList<>(copies(order(aoi), 5));
        orders.set(3, with(order(aoi), "frequency", "daily"));

        var response = ws.http().post("/orders/batch", batch(orders));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("detail").asString())
                .isEqualTo("orders[3]: LSTprecision allows the frequencies single_image, max_frequency,"
                        + " once_every_two_weeks, monthly, weekly, not daily");
        assertThat(ws.http().get("/orders").json().get("count").asLong()).isZero();
    }

    @Test
    void answers404ForAnUnknownOrForeignAoiAndWritesNothing() {
        var other = fixtures.workspace();
        var foreign = aois.field(other.id);

        var response = ws.http().post("/orders/batch", batch(order(aoi), order(foreign)));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("detail").asString())
                .isEqualTo("orders[1]: area of interest " + foreign + " not found");
        assertThat(ws.http().get("/orders").json().get("count").asLong()).isZero();
    }

    @Test
    void answers404ForAnUnknownProduct() {
        var response = ws.http().post("/orders/batch", batch(with(order(aoi), "product_name", "LSTmagic")));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("detail").asString()).isEqualTo("orders[0]: product LSTmagic not found");
    }

    @Test
    void acceptsExactly25OrdersAndRefuses26() {
        var ok = ws.http().post("/orders/batch", batch(copies(order(aoi), 25)));
        assertThat(ok.status()).isEqualTo(201);
        assertThat(ok.json().size()).isEqualTo(25);

        var tooMany = ws.http().post("/orders/batch", batch(copies(order(aoi), 26)));
        assertThat(tooMany.status()).isEqualTo(422);
        assertThat(tooMany.json().get("detail").toString())
                .isEqualTo("[{\"loc\":[\"body\",\"orders\"],\"msg\":\"List should have at most 25 items after"
                        + " validation, not 26\",\"type\":\"too_long\"}]");
        assertThat(ws.http().get("/orders").json().get("count").asLong()).isEqualTo(25);
    }

    @Test
    void refusesAnEmptyBatch() {
        var response = ws.http().post("/orders/batch", batch(List.of()));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("detail").get(0).get("type").asString()).isEqualTo("too_short");
    }

    @Test
    void refusesAnUnknownUseCase() {
        var body = with(batch(order(aoi)), "use_case", "Treasure hunting");

        var response = ws.http().post("/orders/batch", body);

        assertThat(response.status()).isEqualTo(422);
        assertThat(loc(response.json())).isEqualTo("[\"body\",\"use_case\"]");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "start_date|not a date|start_date|datetime_parsing",
                "start_date|2030-01-01T00:00:00|start_date|datetime_parsing",
                "area_of_interest_id|1c53eaa-9b26-4c3d-8998-bfc8e9ac1770|area_of_interest_id|uuid_parsing",
                "frequency|hourly|frequency|enum",
                "illumination_constraint|dusk|illumination_constraint|enum",
                "maximum_number_of_images|0|maximum_number_of_images|greater_than_equal",
                "end_date|2020-01-01T00:00:00Z|end_date|value_error",
            })
    void answers422WithTheLocOfAMalformedField(String field, String value, String locField, String type) {
        Object sent = field.equals("maximum_number_of_images") ? Integer.parseInt(value) : value;
        var body = batch(order(aoi), with(order(aoi), field, sent));

        var response = ws.http().post("/orders/batch", body);

        assertThat(response.status()).isEqualTo(422);
        var error = response.json().get("detail").get(0);
        assertThat(error.get("loc").toString()).isEqualTo("[\"body\",\"orders\",1,\"" + locField + "\"]");
        assertThat(error.get("type").asString()).isEqualTo(type);
    }

    @Test
    void answers422ForAMissingStartDate() {
        var order = order(aoi);
        order.remove("start_date");

        var response = ws.http().post("/orders/batch", batch(order));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("detail").toString())
                .isEqualTo("[{\"loc\":[\"body\",\"orders\",0,\"start_date\"],\"msg\":\"Field required\","
                        + "\"type\":\"missing\"}]");
    }

    @Test
    void requiresOneImageForSingleImage() {
        var body = batch(with(with(order(aoi), "frequency", "single_image"), "maximum_number_of_images", 2));

        var response = ws.http().post("/orders/batch", body);

        assertThat(response.status()).isEqualTo(422);
        assertThat(loc(response.json())).isEqualTo("[\"body\",\"orders\",0,\"maximum_number_of_images\"]");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"eleven|too_long", "duplicate|value_error", "long|string_too_long"})
    void limitsTags(String problem, String type) {
        List<String> tags = switch (problem) {
            case "eleven" -> List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k");
            case "duplicate" -> List.of("a", "a");
            default -> List.of("x".repeat(51));
        };

        var response = ws.http().post("/orders/batch", batch(with(order(aoi), "tags", tags)));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("detail").get(0).get("type").asString()).isEqualTo(type);
    }

    @Test
    void refusesNullTagWith422() {
        var tags = new ArrayList<String>();
        tags.add(null);

        var response = ws.http().post("/orders/batch", batch(with(order(aoi), "tags", tags)));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("detail").get(0).get("type").asString()).isEqualTo("string_too_short");
    }

    @Test
    void acceptsTenTagsOf50Characters() {
        var tags = new ArrayList<String>();
        for (int i = 0; i < 10; i++) {
            tags.add(i + "x".repeat(49));
        }

        var response = ws.http().post("/orders/batch", batch(with(order(aoi), "tags", tags)));

        assertThat(response.status()).isEqualTo(201);
    }

    @Test
    void refusesProductOptionsThatAreNotBooleans() {
        var response = ws.http()
                .post("/orders/batch", batch(with(order(aoi), "product_options", Map.of("sharpened_10m", "yes"))));

        assertThat(response.status()).isEqualTo(422);
        assertThat(loc(response.json())).isEqualTo("[\"body\",\"orders\",0,\"product_options\",\"sharpened_10m\"]");
    }

    @Test
    void forbidsViewersToOrder() {
        var viewer = ws.user(Role.VIEWER);

        var response = ws.as(viewer).post("/orders/batch", batch(order(aoi)));

        assertThat(response.status()).isEqualTo(403);
    }

    @Test
    void letsMembersAndApiKeysOrder() {
        var member = ws.user(Role.MEMBER);
        assertThat(ws.as(member).post("/orders/batch", batch(order(aoi))).status())
                .isEqualTo(201);

        var key = fixtures.apiKey(member, Role.MEMBER);
        assertThat(fixtures.http()
                        .apiKey(key)
                        .post("/orders/batch", batch(order(aoi)))
                        .status())
                .isEqualTo(201);
    }

    @Test
    void requiresAuthentication() {
        var response = http().post("/orders/batch", batch(order(aoi)));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("{\"detail\":\"Not authenticated\"}");
    }

    @Test
    void listsTheGuidesUseCases() {
        var response = ws.as(ws.user(Role.VIEWER)).get("/orders/meta/use-cases");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body())
                .isEqualTo("[\"Unknown\",\"Adoption of regenerative ag\",\"Algae/Bacteria bloom\","
                        + "\"Cover crop monitoring\",\"Drought Stress\",\"Yield Prediction\"]");
    }

    @Test
    void malformedJsonIs422() {
        var response = ws.http().post("/orders/batch", "{\"orders\": [");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("detail").get(0).get("type").asString()).isEqualTo("json_invalid");
    }

    static String loc(JsonNode body) {
        return body.get("detail").get(0).get("loc").toString();
    }
}
