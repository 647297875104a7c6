package org.isotherm.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.isotherm.support.IntegrationTest;
import org.junit.jupiter.api.Test;

class ErrorContractIT extends IntegrationTest {

    @Test
    void answersUnknownRouteWithNotFound() {
        var response = fixtures.workspace().http().get("/no/such/route");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("{\"detail\":\"Not Found\"}");
    }

    @Test
    void answersUnknownRouteWithNotFoundEvenWithoutCredentials() {
        var response = http().get("/no/such/route");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("{\"detail\":\"Not Found\"}");
        assertThat(http().delete("/me").status()).isEqualTo(405);
        assertThat(http().get("/me").status()).isEqualTo(401);
        assertThat(http().get("/orders/not-a-uuid").status()).isEqualTo(401);
    }

    @Test
    void answersWrongMethodWithMethodNotAllowed() {
        var response = fixtures.workspace().http().delete("/me");

        assertThat(response.status()).isEqualTo(405);
        assertThat(response.body()).isEqualTo("{\"detail\":\"Method Not Allowed\"}");
        assertThat(response.header("Allow")).contains("GET");
    }

    @Test
    void answersUnsupportedMediaTypeIn415() {
        var response = http().post("/token", "{\"username\":\"a\",\"password\":\"b\"}");

        assertThat(response.status()).isEqualTo(415);
        assertThat(response.json().get("detail").asString()).startsWith("Unsupported media type application/json");
    }

    @Test
    void rejectsDeclaredBodyAboveTheLimitWith413() {
        var body = new byte[10 * 1024 * 1024 + 1];

        var response = http().send("POST", "/token", "application/x-www-form-urlencoded", body);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.body()).isEqualTo("{\"detail\":\"Request body too large\"}");
    }

    @Test
    void rejectsChunkedBodyOnceItPassesTheLimit() {
        var body = new byte[10 * 1024 * 1024 + 4096];
        java.util.Arrays.fill(body, (byte) 'a');

        var response = http().sendChunked("POST", "/token", "application/x-www-form-urlencoded", body);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.body()).isEqualTo("{\"detail\":\"Request body too large\"}");
    }

    @Test
    void servesHealthWithoutCredentials() {
        var liveness = http().get("/actuator/health/liveness");
        var readiness = http().get("/actuator/health/readiness");

        assertThat(liveness.status()).isEqualTo(200);
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"UP\"");
    }

    @Test
    void exposesPrometheusMetrics() {
        var response = http().get("/actuator/prometheus");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void refusesNulInJsonBodyWith422() {
        var response = http().post("/auth/signup", "{\"email\":\"a\\u0000@x.test\",\"password\":\"p\",\"name\":\"n\"}");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().at("/detail/0/type").asString()).isEqualTo("string_nul");
    }

    @Test
    void refusesNulInQueryAndFormNamingTheField() {
        var query = fixtures.workspace().http().get("/orders?state=a%00b");
        var form = http().postForm("/token", java.util.Map.of("username", "a\u0000b", "password", "x"));

        assertThat(query.status()).isEqualTo(422);
        assertThat(query.json().at("/detail/0/loc").toString()).isEqualTo("[\"query\",\"state\"]");
        assertThat(form.status()).isEqualTo(422);
        assertThat(form.json().at("/detail/0/loc").toString()).isEqualTo("[\"body\",\"username\"]");
    }

    @Test
    void refusesWildcardContentTypeWith415() {
        var response = http().send("POST", "/auth/signup", "*/*", "{}".getBytes());

        assertThat(response.status()).isEqualTo(415);
        assertThat(response.json().get("detail").asString()).contains("wildcard");
    }

    @Test
    void answersBlankPathVariableWith422() {
        var response = fixtures.workspace().http().get("/orders/%20");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().at("/detail/0/loc").toString()).isEqualTo("[\"path\",\"order_id\"]");
    }

    @Test
    void answersWhatTomcatRefusesInTheErrorShape() {
        var raw = new RawHttp(port);

        var badEscape = raw.send("GET", "/orders/%zz", java.util.Map.of("Accept", "text/html"), null);
        var badForwarded = raw.send("GET", "/me", java.util.Map.of("Forwarded", "for=\"[::1"), null);

        assertThat(badEscape.status()).isEqualTo(400);
        assertThat(badEscape.header("content-type")).startsWith("application/json");
        assertThat(badEscape.body()).isEqualTo("{\"detail\":\"Bad Request\"}");
        assertThat(badForwarded.status()).isLessThan(500);
        assertThat(badForwarded.body()).contains("\"detail\"");
    }

    @Test
    void answersErrorsAsJsonWhateverAcceptSays() {
        var response = http().header("Accept", "application/xml").get("/no/such/route");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        assertThat(response.body()).isEqualTo("{\"detail\":\"Not Found\"}");
    }

    @Test
    void keepsSpringsErrorPathOutOfTheApi() {
        for (var method : java.util.List.of("GET", "POST", "DELETE")) {
            var response = http().send(method, "/error", "application/json", "{}".getBytes());

            assertThat(response.status()).as(method).isEqualTo(404);
        }
    }

    @Test
    void answersMethodsTheApiHasNowhereWith405() {
        var raw = new RawHttp(port);
        for (var method : java.util.List.of("CONNECT", "PROPFIND", "BREW")) {
            var answer = raw.send(method, "/stac", java.util.Map.of(), null);

            assertThat(answer.status()).as(method).isEqualTo(405);
            assertThat(answer.header("allow")).contains("GET");
            assertThat(answer.body()).contains("\"detail\":\"Method Not Allowed\"");
        }
    }

    @Test
    void refusesForwardedHostsThatCannotMakeALink() {
        var raw = new RawHttp(port);

        var spaced = raw.send("GET", "/stac", java.util.Map.of("Forwarded", "host=\"a b\""), null);
        var gopher = raw.send("GET", "/stac", java.util.Map.of("X-Forwarded-Proto", "gopher"), null);
        var proxied = raw.send(
                "GET",
                "/stac",
                java.util.Map.of("X-Forwarded-Host", "data.example.org", "X-Forwarded-Proto", "https"),
                null);

        assertThat(spaced.status()).isEqualTo(400);
        assertThat(spaced.body()).contains("Invalid forwarded host");
        assertThat(gopher.status()).isEqualTo(400);
        assertThat(proxied.status()).isNotEqualTo(400);
        assertThat(proxied.body()).doesNotContain("Invalid forwarded");
    }

    @Test
    void answersATransferCodingTomcatDoesNotKnowWith400() {
        var answer = new RawHttp(port)
                .send(
                        "POST",
                        "/stac/search",
                        java.util.Map.of("Content-Type", "application/json", "Transfer-Encoding", "gzip, chunked"),
                        "0\r\n\r\n".getBytes());

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("Unsupported Transfer-Encoding");
    }

    @Test
    void answersAnUnknownHttpVersionWith400() throws Exception {
        try (var socket = new java.net.Socket("localhost", port)) {
            socket.getOutputStream().write("GET /stac HTTP/9.9\r\nHost: x\r\nConnection: close\r\n\r\n".getBytes());
            var answer = new String(socket.getInputStream().readAllBytes());

            assertThat(answer).startsWith("HTTP/1.1 400").contains("Unsupported HTTP version");
        }
    }
}
