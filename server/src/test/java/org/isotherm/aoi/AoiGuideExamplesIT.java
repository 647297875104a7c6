package org.isotherm.aoi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.isotherm.support.Fixtures.TestWorkspace;
import org.isotherm.support.Http;
import org.isotherm.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * Runs the guide's Python and cURL examples for areas of interest as a user would (python3 with requests, bash
 * with curl; .ci/run installs both), from {@code src/test/resources/guide/areas-of-interest/}.
 */
class AoiGuideExamplesIT extends IntegrationTest {

    private static final String GUIDE_AOI_ID = "f1c53eaa-9b26-4c3d-8998-bfc8e9ac1770";

    @Test
    void pythonExamplesWork() {
        var ws = fixtures.workspace();

        var created = run(ws, "python3", "create.py", Map.of());
        var listed = run(ws, "python3", "list.py", Map.of());
        var info = run(ws, "python3", "geometry-info.py", Map.of());

        assertThat(created).startsWith("{'name': 'Test AOI', 'geometry': {'type': 'Polygon', 'coordinates':");
        assertThat(created)
                .contains("'description': 'Test area', 'bbox_width': 1008.6, 'bbox_height': 1008.6, 'id': '");
        var id = ws.http()
                .get("/areas-of-interest")
                .json()
                .get("items")
                .get(0)
                .get("id")
                .asString();
        assertThat(listed).isEqualTo("Total AOIs: 1\n" + id + " Test AOI\n");
        assertThat(info).isEqualTo("bbox_width: 74218.0\nbbox_height: 72561.2\narea: 4728768008.0\n");
    }

    @Test
    void curlExamplesWork() {
        var ws = fixtures.workspace();

        var created = Http.JSON.readTree(run(ws, "bash", "create.sh", Map.of()));
        var id = created.get("id").asString();
        var read = Http.JSON.readTree(run(ws, "bash", "get.sh", Map.of(GUIDE_AOI_ID, id)));
        var listed = Http.JSON.readTree(run(ws, "bash", "list.sh", Map.of()));
        var info = run(ws, "bash", "geometry-info.sh", Map.of());

        assertThat(fieldNames(created))
                .containsExactly(
                        "name", "geometry", "description", "bbox_width", "bbox_height", "id", "created", "area");
        assertThat(created.get("created").asString()).endsWith("Z");
        assertThat(read).isEqualTo(created);
        assertThat(listed.get("count").asInt()).isEqualTo(1);
        assertThat(listed.get("items").get(0)).isEqualTo(created);
        assertThat(info).isEqualTo("{\"bbox_width\":74218.0,\"bbox_height\":72561.2,\"area\":4728768008.0}");
    }

    private String run(TestWorkspace ws, String interpreter, String example, Map<String, String> replacements) {
        var script = resource(example)
                .replace("https://api.constellr.com", "http://localhost:" + port)
                .replace("<access_token>", ws.admin.token());
        for (var replacement : replacements.entrySet()) {
            script = script.replace(replacement.getKey(), replacement.getValue());
        }
        try {
            var process = new ProcessBuilder(List.of(interpreter, "-c", script))
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(example + " printed: " + output).isZero();
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String resource(String example) {
        try (var in = AoiGuideExamplesIT.class.getResourceAsStream("/guide/areas-of-interest/" + example)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> fieldNames(tools.jackson.databind.JsonNode node) {
        var names = new java.util.ArrayList<String>();
        node.propertyNames().forEach(names::add);
        return names;
    }
}
