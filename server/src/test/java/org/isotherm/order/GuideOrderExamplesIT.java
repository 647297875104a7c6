package org.isotherm.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.isotherm.support.Fixtures.TestWorkspace;
import org.isotherm.support.Http;
import org.isotherm.support.IntegrationTest;
import org.isotherm.support.TestAois;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Runs the guide's own cURL and Python examples for orders, use cases and products (kept verbatim in
 * {@code src/test/resources/guide/}) against this server. Only the base URL, the token, the AOI and order ids and
 * the dates (moved into the future) are substituted; cURL gets {@code -s -w} appended to report the status code.
 * Needs {@code curl} and {@code python3} with {@code requests}; a test is skipped only when its tool is missing.
 */
class GuideOrderExamplesIT extends IntegrationTest {

    private static final String GUIDE_BASE = "https://api.constellr.com";
    private static final String GUIDE_AOI = "1c53eaa-9b26-4c3d-8998-bfc8e9ac1770";
    private static final String GUIDE_ORDER = "123e4567-e89b-12d3-a456-426614174000";
    private static final String GUIDE_START = "2025-09-27T10:30:08.004000Z";
    private static final String GUIDE_END = "2025-10-18T10:30:08.004000Z";

    @Autowired
    TestAois aois;

    @TempDir
    Path dir;

    TestWorkspace ws;
    UUID aoi;
    String start;
    String end;

    @BeforeEach
    void setUp() {
        ws = fixtures.workspace();
        aoi = aois.field(ws.id);
        // the guide's 21-day period at the guide's time of day, starting 10 days from now
        var day = LocalDate.now(ZoneOffset.UTC).plusDays(10);
        start = day + GUIDE_START.substring(10);
        end = day.plusDays(21) + GUIDE_END.substring(10);
    }

    @Test
    void curlCreatesTheGuidesBatch() {
        assumeTrue(available("curl", "--version"), "curl is not installed");
        write("order_payload.json", example("order_payload.json"));

        var result = curl(example("orders_batch.sh"));

        assertThat(result.status()).as(result.body()).isEqualTo(201);
        var order = result.json().get(0);
        assertGuideFields(order);
        assertThat(order.get("frequency").asString()).isEqualTo("single_image");
        assertThat(order.get("start_date").asString())
                .isEqualTo(Instant.parse(start).toString());
        assertThat(order.get("state").asString()).isEqualTo("initial_state");
    }

    @Test
    void pythonCreatesTheGuidesBatch() {
        assumeTrue(python(), "python3 with requests is not installed");

        var lines = run(List.of("python3", script("orders_batch.py")));

        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).isEqualTo("201");
        assertThat(lines.get(1))
                .startsWith("[{'area_of_interest_id': '" + aoi + "', 'start_date': '")
                .contains(
                        "'frequency': 'single_image', 'product_name': 'LSTprecision', 'comment': 'Order for field 42',"
                                + " 'id': '")
                .contains("'created': '")
                .contains("'state': 'initial_state'");
    }

    @Test
    void curlAndPythonListOrders() {
        assumeTrue(available("curl", "--version"), "curl is not installed");
        var id = place();

        var result = curl(example("orders_list.sh"));

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.json().get("count").asLong()).isEqualTo(1);
        assertGuideFields(result.json().get("items").get(0));
        assertThat(result.json().get("items").get(0).get("id").asString()).isEqualTo(id);
        assumeTrue(python(), "python3 with requests is not installed");
        assertThat(run(List.of("python3", script("orders_list.py")))).containsExactly("1 1");
    }

    @Test
    void curlAndPythonGetAnOrder() {
        assumeTrue(available("curl", "--version"), "curl is not installed");
        var id = place();

        var result = curl(example("orders_get.sh").replace(GUIDE_ORDER, id));

        assertThat(result.status()).isEqualTo(200);
        assertGuideFields(result.json());
        assumeTrue(python(), "python3 with requests is not installed");
        var lines = run(List.of("python3", script("orders_get.py", GUIDE_ORDER, id)));
        assertThat(lines.get(0)).isEqualTo("200");
        assertThat(lines.get(1))
                .startsWith("{'area_of_interest_id': '" + aoi + "'")
                .contains("'id': '" + id + "'");
    }

    @Test
    void curlAndPythonListUseCases() {
        assumeTrue(available("curl", "--version"), "curl is not installed");

        var result = curl(example("use_cases.sh"));

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.body())
                .isEqualTo("[\"Unknown\",\"Adoption of regenerative ag\",\"Algae/Bacteria bloom\","
                        + "\"Cover crop monitoring\",\"Drought Stress\",\"Yield Prediction\"]");
        assumeTrue(python(), "python3 with requests is not installed");
        assertThat(run(List.of("python3", script("use_cases.py")))).containsExactly("200");
    }

    @Test
    void curlListsProducts() {
        assumeTrue(available("curl", "--version"), "curl is not installed");

        var result = curl(example("products.sh"));

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.json().get(0).get("name").asString()).isEqualTo("LSTprecision");
    }

    private void assertGuideFields(JsonNode order) {
        for (var field : List.of(
                "area_of_interest_id",
                "start_date",
                "end_date",
                "frequency",
                "product_name",
                "comment",
                "id",
                "created",
                "state")) {
            assertThat(order.has(field)).as(field + " in " + order).isTrue();
        }
        assertThat(order.get("area_of_interest_id").asString()).isEqualTo(aoi.toString());
        assertThat(order.get("created").asString()).endsWith("Z");
    }

    private String place() {
        var response = ws.http().post("/orders/batch", OrderBodies.batch(OrderBodies.order(aoi)));
        assertThat(response.status()).isEqualTo(201);
        return response.json().get(0).get("id").asString();
    }

    /** A guide example with this server's URL, a real token and AOI, and future dates. */
    private String example(String name) {
        try (var in = getClass().getResourceAsStream("/guide/" + name)) {
            var text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.replace(GUIDE_BASE, "http://localhost:" + port)
                    .replace("<access_token>", ws.admin.token())
                    .replace(GUIDE_AOI, aoi.toString())
                    .replace(GUIDE_START, start)
                    .replace(GUIDE_END, end);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String script(String name, String... replacements) {
        var text = example(name);
        for (int i = 0; i + 1 < replacements.length; i += 2) {
            text = text.replace(replacements[i], replacements[i + 1]);
        }
        return write(name, text).toString();
    }

    private Path write(String name, String text) {
        try {
            return Files.writeString(dir.resolve(name), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record CurlResult(int status, String body) {
        JsonNode json() {
            return Http.JSON.readTree(body);
        }
    }

    private CurlResult curl(String command) {
        var output = String.join("\n", run(List.of("bash", "-c", command.strip() + " -s -w '\\n%{http_code}'")));
        int split = output.lastIndexOf('\n');
        return new CurlResult(Integer.parseInt(output.substring(split + 1).strip()), output.substring(0, split));
    }

    private List<String> run(List<String> command) {
        try {
            var process = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .start();
            var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(output).isZero();
            return output.lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean python() {
        return available("python3", "-c", "import requests");
    }

    private static boolean available(String... command) {
        try {
            var process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
