package org.isotherm.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.isotherm.support.IntegrationTest;
import org.junit.jupiter.api.Test;

class AccountApiDocsIT extends IntegrationTest {

    @Test
    void documentsTheAccountEndpointsTheirErrorsAndWhichNeedCredentials() {
        var json = http().get("/openapi.json").json();

        var signUp = json.at("/paths/~1auth~1signup/post");
        assertThat(signUp.get("tags").get(0).asString()).isEqualTo("Accounts");
        assertThat(signUp.has("security")).isFalse();
        assertThat(signUp.at("/responses/400/content/application~1json/schema/$ref")
                        .asString())
                .isEqualTo("#/components/schemas/HTTPError");
        assertThat(signUp.at("/responses/429/description").asString()).isEqualTo("Too many attempts");
        for (var path : new String[] {
            "/auth/confirm", "/auth/password-reset", "/auth/password-reset/confirm", "/auth/invitations/accept"
        }) {
            assertThat(json.at("/paths/" + path.replace("/", "~1") + "/post/summary")
                            .isMissingNode())
                    .as(path)
                    .isFalse();
        }
        var removeMember = json.at("/paths/~1workspace~1members~1{id}/delete");
        assertThat(removeMember.get("security").size()).isEqualTo(2);
        assertThat(removeMember
                        .at("/responses/409/content/application~1json/schema/$ref")
                        .asString())
                .isEqualTo("#/components/schemas/HTTPError");
        assertThat(json.at("/paths/~1workspace~1api-keys/post/responses/201").isMissingNode())
                .isFalse();
        assertThat(json.at("/paths/~1admin~1organizations/post/tags/0").asString())
                .isEqualTo("Operator");
        assertThat(json.at("/paths/~1admin~1outbox/get/tags/0").asString()).isEqualTo("Operator");
        assertThat(json.at("/paths/~1workspace/get/tags/0").asString()).isEqualTo("Workspace");
        assertThat(json.at("/paths/~1token/post/responses/429").isMissingNode()).isFalse();
    }
}
