package org.isotherm.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.isotherm.support.IntegrationTest;
import org.isotherm.support.Outbox;
import org.junit.jupiter.api.Test;

/**
 * The issue's "done when", through HTTP only: sign up with a registered domain, confirm from the outbox, get a token
 * with the guide's own Python example (run by {@code python3} with {@code requests}), and use it.
 */
class GuideQuickstartIT extends IntegrationTest {

    /** The guide's "Authentication API" Python example, verbatim but for the URL and the credentials. */
    private static final String GUIDE_EXAMPLE = """
            import requests

            url = "https://api.constellr.com/token"
            headers = {
              "Accept": "application/json",
              "Content-Type": "application/x-www-form-urlencoded",
            }
            data = {
                "username": "your_username",
                "password": "your_password",
            }

            resp = requests.post(url, headers=headers, data=data)
            token = resp.json().get("access_token")
            print(token)
            """;

    @Test
    void newUserSignsUpConfirmsFromTheOutboxAndLogsInWithTheGuidesPythonExample() throws Exception {
        assumeTrue(pythonWithRequests(), "python3 with the requests package is needed (Debian: python3-requests)");
        var workspace = fixtures.workspace();
        var email = "newcomer-" + UUID.randomUUID() + "@" + workspace.domain;
        var password = "my own password";
        var operator = fixtures.http().bearer(fixtures.operator().token());

        assertThat(http().post("/auth/signup", Map.of("email", email, "password", password, "name", "New"))
                        .status())
                .isEqualTo(202);
        var confirm = http().post("/auth/confirm", Map.of("token", Outbox.linkToken(operator, email)));
        assertThat(confirm.status()).isEqualTo(200);

        var script = GUIDE_EXAMPLE
                .replace("https://api.constellr.com/token", "http://localhost:" + port + "/token")
                .replace("your_username", email)
                .replace("your_password", password);
        var token = run(List.of("python3", "-c", script));

        assertThat(token).contains(".");
        var me = http().bearer(token).get("/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("email").asString()).isEqualTo(email);
        assertThat(me.json().get("workspace_id").asString()).isEqualTo(workspace.id.toString());
    }

    private static boolean pythonWithRequests() {
        try {
            run(List.of("python3", "-c", "import requests"));
            return true;
        } catch (IOException | IllegalStateException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        // a proxy configured for the machine must not intercept calls to the local server
        builder.environment().put("NO_PROXY", "localhost,127.0.0.1");
        builder.environment().put("no_proxy", "localhost,127.0.0.1");
        var process = builder.start();
        process.getOutputStream().close();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("Timed out: " + command.get(0));
        }
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (process.exitValue() != 0) {
            throw new IllegalStateException("Exit " + process.exitValue() + ": " + output);
        }
        return output;
    }
}
