package org.isotherm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.assertj.core.data.Offset;
import org.isotherm.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Runs the README's "Try it" block, taken from README.md itself so that the two cannot drift, with bash from the
 * repository root against this run's platform, as a reader who saved it as a script would.
 */
class ReadmeTryItIT extends IntegrationTest {

    private static final Pattern TRY_IT = Pattern.compile("(?m)^### Try it$.*?^```sh\\n(.*?)^```$", Pattern.DOTALL);

    @Autowired
    PlatformProperties platform;

    @Test
    void walksThroughTheApiAsTheReadmeShows() throws Exception {
        var run = run(script(), "http://localhost:" + port, "readme-try-it.log");

        assertThat(run.exitCode()).as(run.output()).isZero();
        var admin = http().bearer(adminToken());
        var order =
                admin.get("/orders?limit=1&sort=-created").json().get("items").get(0);
        assertThat(order.get("product_name").asString()).isEqualTo("LSTprecision");
        assertThat(run.output()).contains(order.get("id").asString());
        // the area came from the zipped Shapefile in UTM 32N: converted back to the sample field's lon/lat
        var aoi = admin.get(
                        "/areas-of-interest/" + order.get("area_of_interest_id").asString())
                .json();
        assertThat(aoi.get("name").asString()).startsWith("Sample field ");
        assertThat(aoi.at("/geometry/coordinates/0/0/0").asDouble()).isCloseTo(8.68483, within());
        assertThat(aoi.at("/geometry/coordinates/0/0/1").asDouble()).isCloseTo(49.885416, within());
        var items = admin.get("/stac/collections/lstprecision/items").json().get("features");
        assertThat(StreamSupport.stream(items.spliterator(), false)
                        .map(item -> item.get("id").asString()))
                .contains(
                        "sample-lstprecision-2025-08-20",
                        "sample-lstprecision-2025-08-21",
                        "sample-lstprecision-2025-08-22");
        assertThat(run.output())
                .contains("\"bbox_width\":74218.0,\"bbox_height\":72561.2,\"area\":4728768008.0")
                // the KML converted, and the new user confirmed
                .contains("{\"type\":\"Feature\",\"properties\":{\"name\":\"Test AOI\"}")
                .containsPattern("\\{\"email\":\"me-\\d+@example.com\"}");
    }

    @Test
    void stopsAtTheFirstRequestThatFailsAndShowsItsAnswer() throws Exception {
        var run = run(script(), "http://localhost:" + port + "/nowhere", "readme-try-it-failing.log");

        assertThat(run.exitCode()).as(run.output()).isNotZero();
        assertThat(run.output()).contains("{\"detail\":\"Not Found\"}").doesNotContain("\"email\"");
    }

    private static String script() throws IOException {
        var matcher = TRY_IT.matcher(Files.readString(repository().resolve("README.md")));
        assertThat(matcher.find())
                .as("a ```sh block under ### Try it in README.md")
                .isTrue();
        return matcher.group(1);
    }

    /** The tests run in {@code server/}; the README and {@code samples/} are one level up. */
    private static Path repository() {
        var here = Path.of("").toAbsolutePath();
        return Files.exists(here.resolve("README.md")) && Files.isDirectory(here.resolve("samples"))
                ? here
                : here.getParent();
    }

    private String adminToken() throws IOException {
        var credentials = new Properties();
        try (var reader = Files.newBufferedReader(platform.dataDir().resolve("first-start-credentials"))) {
            credentials.load(reader);
        }
        var login = http().postForm(
                        "/token",
                        Map.of(
                                "username", credentials.getProperty("ADMIN_EMAIL"),
                                "password", credentials.getProperty("ADMIN_PASSWORD")));
        return login.json().get("access_token").asString();
    }

    private Run run(String script, String base, String logName) throws IOException, InterruptedException {
        var file = Files.createTempFile("readme-try-it", ".sh");
        // kept after the run: what a reader would have seen
        var log = Path.of("target", logName);
        try {
            Files.writeString(file, script);
            var builder = new ProcessBuilder("bash", file.toString())
                    .directory(repository().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("ISOTHERM_URL", base);
            builder.environment()
                    .put(
                            "ISOTHERM_DATA_DIR",
                            platform.dataDir().toAbsolutePath().toString());
            // a proxy configured for the machine must not intercept calls to the local server
            builder.environment().put("NO_PROXY", "localhost,127.0.0.1");
            builder.environment().put("no_proxy", "localhost,127.0.0.1");
            var process = builder.start();
            process.getOutputStream().close();
            var finished = process.waitFor(3, TimeUnit.MINUTES);
            if (!finished) {
                process.destroyForcibly().waitFor();
            }
            var output = Files.readString(log);
            return new Run(finished ? process.exitValue() : -1, finished ? output : output + "\n(timed out)");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static Offset<Double> within() {
        return Offset.offset(1e-6);
    }

    private record Run(int exitCode, String output) {}
}
