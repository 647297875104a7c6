package org.isotherm.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.isotherm.support.IntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StaticPagesIT extends IntegrationTest {

    @ParameterizedTest
    @CsvSource({
        "/ui/confirm, /auth/confirm",
        "/ui/reset-password, /auth/password-reset/confirm",
        "/ui/accept-invitation, /auth/invitations/accept"
    })
    void servesThePageBehindEachAccountLinkWithoutCredentials(String page, String api) {
        var response = http().get(page + "?token=abc");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("text/html");
        assertThat(response.body()).contains("data-api=\"" + api + "\"").doesNotContain("https://");
        assertThat(http().get("/ui/account.js").status()).isEqualTo(200);
    }
}
