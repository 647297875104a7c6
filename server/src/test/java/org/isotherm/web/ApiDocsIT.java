package org.isotherm.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.isotherm.support.IntegrationTest;
import org.junit.jupiter.api.Test;

class ApiDocsIT extends IntegrationTest {

    @Test
    void servesOpenApiDocumentWithBothAuthSchemesAndErrorShapes() {
        var response = http().get("/openapi.json");

        assertThat(response.status()).isEqualTo(200);
        var json = response.json();
        assertThat(json.at("/components/securitySchemes/bearer/scheme").asString())
                .isEqualTo("bearer");
        assertThat(json.at("/components/securitySchemes/apiKey/name").asString())
                .isEqualTo("X-Api-Key");
        assertThat(json.at("/paths/~1me/get/responses/401/content/application~1json/schema/$ref")
                        .asString())
                .isEqualTo("#/components/schemas/HTTPError");
        assertThat(json.at("/paths/~1token/post/security").isMissingNode()).isTrue();
        assertThat(json.at("/components/schemas/Me/properties/workspace_id").isMissingNode())
                .isFalse();
        assertThat(json.at("/components/schemas/Me/properties/workspaceId").isMissingNode())
                .isTrue();
    }

    @Test
    void servesSwaggerUiAndRedocWithoutExternalResources() {
        var swagger = http().get("/swagger-ui/index.html");
        var initializer = http().get("/swagger-ui/swagger-initializer.js");
        var redoc = http().get("/redoc/index.html");
        var script = http().get("/redoc/redoc.standalone.js");

        assertThat(swagger.status()).isEqualTo(200);
        assertThat(initializer.body()).contains("/openapi.json").doesNotContain("petstore");
        assertThat(redoc.status()).isEqualTo(200);
        assertThat(redoc.body()).contains("/openapi.json").doesNotContain("https://");
        assertThat(script.status()).isEqualTo(200);
        assertThat(http().get("/docs").status()).isEqualTo(302);
        assertThat(http().get("/redoc").status()).isEqualTo(302);
    }
}
