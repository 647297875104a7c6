package org.isotherm.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.isotherm.support.IntegrationTest;
import org.isotherm.support.Outbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class AccountLoggingIT extends IntegrationTest {

    @Test
    void logsTheOutboxEntryButNeverTheLinkTokenOrPassword(CapturedOutput output) {
        var workspace = fixtures.workspace();
        var email = "logged-" + UUID.randomUUID() + "@" + workspace.domain;
        var password = "do not log me " + UUID.randomUUID();
        var operator = fixtures.http().bearer(fixtures.operator().token());

        http().post("/auth/signup", Map.of("email", email, "password", password));
        var mail = Outbox.latest(operator, email);
        var token = Outbox.linkToken(operator, email);
        http().post("/auth/confirm", Map.of("token", token));
        var jwt = http().postForm("/token", Map.of("username", email, "password", password))
                .json()
                .get("access_token")
                .asString();

        assertThat(output.getAll())
                .contains("Mail " + mail.get("id").asString() + " to " + email + ": Confirm your Isotherm account")
                .doesNotContain(token)
                .doesNotContain(password)
                .doesNotContain(jwt);
    }
}
