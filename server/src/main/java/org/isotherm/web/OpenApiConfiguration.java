package org.isotherm.web;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document at {@code /openapi.json}: both auth schemes, and the error responses every operation can
 * give, in the shapes {@link ApiExceptionHandler} produces.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String BEARER = "bearer";
    static final String API_KEY = "apiKey";

    /** Operations that need no credentials; everything else is documented with both schemes. */
    private static final List<String> PUBLIC_PREFIXES = List.of("/token", "/auth/");

    @Bean
    OpenAPI isothermOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Isotherm API")
                        .version("1")
                        .description("Ordering, cataloguing and delivery of land-surface-temperature data. Log in with"
                                + " `POST /token` and send `Authorization: Bearer <token>`, or send a workspace API"
                                + " key as `X-Api-Key`.")
                        .license(new License().name("Apache-2.0")))
                .components(new Components()
                        .addSecuritySchemes(
                                BEARER,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")
                                        .description("Token from POST /token, valid 24 hours"))
                        .addSecuritySchemes(
                                API_KEY,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.APIKEY)
                                        .in(SecurityScheme.In.HEADER)
                                        .name("X-Api-Key")
                                        .description("Workspace API key"))
                        .addSchemas("HTTPError", errorSchema())
                        .addSchemas("HTTPValidationError", validationErrorSchema()));
    }

    /**
     * swagger-core introspects types with its own (Jackson 2) mapper, which knows nothing of the API's global
     * snake_case naming: without this the documented fields would be camelCase while the wire has snake_case.
     */
    @Bean
    ModelResolver snakeCaseModelResolver() {
        return new ModelResolver(Json.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
    }

    @Bean
    OpenApiCustomizer standardErrors() {
        return openApi -> openApi.getPaths()
                .forEach((path, item) -> item.readOperations().forEach(operation -> {
                    var responses = operation.getResponses();
                    boolean isPublic = PUBLIC_PREFIXES.stream().anyMatch(path::startsWith);
                    if (!isPublic) {
                        operation.setSecurity(List.of(
                                new SecurityRequirement().addList(BEARER), new SecurityRequirement().addList(API_KEY)));
                        responses.putIfAbsent("401", error("Missing, invalid or expired credentials"));
                        responses.putIfAbsent("403", error("The caller's role does not allow this"));
                    }
                    responses.putIfAbsent(
                            "422",
                            new ApiResponse()
                                    .description("Request validation error")
                                    .content(json("#/components/schemas/HTTPValidationError")));
                    responses.putIfAbsent("500", error("Internal Server Error"));
                    // Every error but 422 is answered as HTTPError; springdoc would give errors declared in
                    // controllers with a description only the success type's schema.
                    responses.forEach((code, response) -> {
                        if ((code.startsWith("4") || code.startsWith("5")) && !"422".equals(code)) {
                            response.setContent(json("#/components/schemas/HTTPError"));
                        }
                    });
                }));
    }

    private static ApiResponse error(String description) {
        return new ApiResponse().description(description).content(json("#/components/schemas/HTTPError"));
    }

    private static Content json(String ref) {
        return new Content().addMediaType("application/json", new MediaType().schema(new Schema<>().$ref(ref)));
    }

    private static Schema<?> errorSchema() {
        return new ObjectSchema()
                .addProperty("detail", new StringSchema().example("Not Found"))
                .required(List.of("detail"));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema<?> validationErrorSchema() {
        Schema location = new ArraySchema()
                .items(new Schema<>().oneOf(List.of(new StringSchema(), new Schema<>().type("integer"))));
        Schema item = new ObjectSchema()
                .properties(Map.of("loc", location, "msg", new StringSchema(), "type", new StringSchema()))
                .required(List.of("loc", "msg", "type"));
        return new ObjectSchema()
                .addProperty("detail", new ArraySchema().items(item))
                .required(List.of("detail"));
    }
}
