package org.isotherm.web;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI document at {@code /openapi.json}, as tools read it (ReDoc, Swagger UI, client generators): both auth
 * schemes, readable tags, the error schemas every operation refers to, and every status an operation answers in the
 * shape {@link ApiExceptionHandler} gives it. What only the code behind an operation knows is in {@link
 * DocumentedResponses}.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String BEARER = "bearer";
    static final String API_KEY = "apiKey";
    static final String HTTP_ERROR = "HTTPError";
    static final String HTTP_VALIDATION_ERROR = "HTTPValidationError";
    static final String VALIDATION_ERROR = "ValidationError";

    /** Every tag, in the order ReDoc and Swagger UI list them; an operation with another tag fails ApiDocsIT. */
    static final Map<String, String> TAGS = tags(
            "Authentication", "Log in and see who you are",
            "Accounts", "Sign-up, confirmation, password reset and invitations (no credentials needed)",
            "Workspace", "The caller's workspace, its members and invitations",
            "API keys", "Workspace API keys, sent as `X-Api-Key` (admin only)",
            "Products", "The products a workspace can order",
            "Areas of interest", "Where to observe: polygons in GeoJSON, or converted from KML and Shapefiles",
            "Orders", "Ordering products over areas of interest, and following an order's state",
            "STAC", "The catalogue as a STAC API: collections, items and search (CQL2 filters)",
            "STAC transactions", "Writing the catalogue: collections and items, bulk ingest (ingest or admin role)",
            "Operator", "Platform administration (operator only)");

    static {
        // a body the server reads or writes as a JSON tree is any JSON object to a client, not Jackson's node class
        // (whose bean properties would otherwise be documented, and clash with client generators' own JSON type)
        SpringDocUtils.getConfig()
                .replaceWithSchema(
                        JsonNode.class,
                        new ObjectSchema().description("A JSON object").additionalProperties(true));
    }

    @Bean
    OpenAPI isothermOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Isotherm API")
                        .version("1")
                        .description("Ordering, cataloguing and delivery of land-surface-temperature data. Log in with"
                                + " `POST /token` and send `Authorization: Bearer <token>`, or send a workspace API"
                                + " key as `X-Api-Key`. Errors are `{\"detail\": ...}`: a message, or for 422 a list"
                                + " of validation errors.")
                        .license(new License().name("Apache-2.0").identifier("Apache-2.0")))
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
                                        .description("Workspace API key")));
    }

    /**
     * swagger-core introspects types with its own (Jackson 2) mapper, which knows nothing of the API's global
     * snake_case naming: without this the documented fields would be camelCase while the wire has snake_case.
     */
    @Bean
    ModelResolver snakeCaseModelResolver() {
        return new ModelResolver(Json.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
    }

    /**
     * Runs on the finished document: springdoc rebuilds components from the controllers' types, so error schemas
     * declared on the {@link OpenAPI} bean alone do not survive into it.
     */
    @Bean
    OpenApiCustomizer documentedResponses() {
        return openApi -> {
            var schemas = openApi.getComponents();
            schemas.addSchemas(HTTP_ERROR, errorSchema());
            schemas.addSchemas(VALIDATION_ERROR, validationErrorItemSchema());
            schemas.addSchemas(HTTP_VALIDATION_ERROR, validationErrorSchema());
            openApi.setTags(TAGS.entrySet().stream()
                    .map(tag -> new Tag().name(tag.getKey()).description(tag.getValue()))
                    .toList());
            openApi.getPaths()
                    .forEach((path, item) -> item.readOperationsMap()
                            .forEach((method, operation) -> document(method.name() + " " + path, path, operation)));
        };
    }

    private static void document(String key, String path, Operation operation) {
        var responses = operation.getResponses();
        var entry = DocumentedResponses.BY_OPERATION.get(key);
        if (entry != null && !entry.successes().isEmpty()) {
            var computed = responses.entrySet().stream()
                    .filter(response -> response.getKey().startsWith("2"))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElse(null);
            responses.keySet().removeIf(code -> code.startsWith("2"));
            entry.successes()
                    .forEach((code, success) -> responses.addApiResponse(code, success(computed, code, success)));
        }
        var parameters = operation.getParameters() == null ? List.<Parameter>of() : operation.getParameters();
        boolean isPublic = DocumentedResponses.PUBLIC_PREFIXES.stream().anyMatch(path::startsWith);
        if (!isPublic) {
            operation.setSecurity(
                    List.of(new SecurityRequirement().addList(BEARER), new SecurityRequirement().addList(API_KEY)));
            responses.putIfAbsent("401", error("Missing, invalid or expired credentials"));
            responses.putIfAbsent("403", error("The caller's role does not allow this"));
        }
        if (parameters.stream().anyMatch(p -> "path".equals(p.getIn()))) {
            responses.putIfAbsent("404", error("Not Found: nothing at this path in the caller's workspace"));
        }
        if (operation.getRequestBody() != null) {
            responses.putIfAbsent("413", error("Request body too large"));
            responses.putIfAbsent("415", error("Unsupported media type"));
        }
        if (entry != null) {
            entry.errors().forEach((code, description) -> responses.putIfAbsent(code, error(description)));
        }
        if (!parameters.isEmpty() || operation.getRequestBody() != null) {
            responses.putIfAbsent(
                    "422",
                    new ApiResponse().description("Request validation error").content(json(HTTP_VALIDATION_ERROR)));
        }
        // any request may be malformed (a bad header or encoding) or accept none of the operation's media types
        responses.putIfAbsent("400", error("Malformed request: a header or the encoding of the path is invalid"));
        responses.putIfAbsent("406", error("Not Acceptable: the Accept header excludes what the operation answers"));
        responses.putIfAbsent("500", error("Internal Server Error"));
        // springdoc gives errors declared in controllers with a description only the success type's schema
        responses.forEach((code, response) -> {
            if (code.startsWith("4") || code.startsWith("5")) {
                response.setContent(json("422".equals(code) ? HTTP_VALIDATION_ERROR : HTTP_ERROR));
            }
        });
        operation.setResponses(sorted(responses));
    }

    private static ApiResponse success(
            @Nullable ApiResponse computed, String code, DocumentedResponses.Success success) {
        var response = new ApiResponse().description(success.description());
        if ("204".equals(code)) {
            return response;
        }
        Schema<?> schema = new ObjectSchema();
        if (success.schema() != null) {
            var name = success.schema();
            schema = name.endsWith("[]")
                    ? new ArraySchema().items(ref(name.substring(0, name.length() - 2)))
                    : ref(name);
        } else if (computed != null && computed.getContent() != null) {
            // a handler that writes JSON text is documented by springdoc as a string of any type
            schema = computed.getContent().values().stream()
                    .map(MediaType::getSchema)
                    .filter(s -> s != null && !isString(s))
                    .findFirst()
                    .orElse(schema);
        }
        var mediaType = success.mediaType() == null ? DocumentedResponses.JSON : success.mediaType();
        return response.content(new Content().addMediaType(mediaType, new MediaType().schema(schema)));
    }

    private static boolean isString(Schema<?> schema) {
        return "string".equals(schema.getType())
                || schema.getTypes() != null && schema.getTypes().contains("string");
    }

    private static Schema<?> ref(String schema) {
        return new Schema<>().$ref("#/components/schemas/" + schema);
    }

    private static ApiResponses sorted(ApiResponses responses) {
        var sorted = new ApiResponses();
        new TreeMap<>(responses).forEach(sorted::addApiResponse);
        return sorted;
    }

    private static ApiResponse error(String description) {
        return new ApiResponse().description(description).content(json(HTTP_ERROR));
    }

    private static Content json(String schema) {
        return new Content().addMediaType(DocumentedResponses.JSON, new MediaType().schema(ref(schema)));
    }

    private static Schema<?> errorSchema() {
        return withStacFields(new ObjectSchema()
                .description("Any error but request validation")
                .addProperty("detail", new StringSchema().example("Not Found"))
                .required(List.of("detail")));
    }

    /** What {@link ErrorBody} adds on STAC paths, for STAC API clients. */
    private static Schema<?> withStacFields(Schema<?> schema) {
        return schema.addProperty(
                        "code",
                        new StringSchema()
                                .description("On STAC paths: the status as a word")
                                .example("NotFound"))
                .addProperty(
                        "description", new StringSchema().description("On STAC paths: the detail as one line of text"));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema<?> validationErrorItemSchema() {
        Schema location = new ArraySchema()
                .description("Where: body, query, path or header, then field names and list indices")
                .items(new Schema<>().anyOf(List.of(new StringSchema(), new IntegerSchema().format(null))));
        return new ObjectSchema()
                .addProperty("loc", location)
                .addProperty("msg", new StringSchema())
                .addProperty("type", new StringSchema().example("value_error"))
                .required(List.of("loc", "msg", "type"));
    }

    private static Schema<?> validationErrorSchema() {
        return withStacFields(new ObjectSchema()
                .description("Request validation error: one entry per invalid field")
                .addProperty("detail", new ArraySchema().items(ref(VALIDATION_ERROR)))
                .required(List.of("detail")));
    }

    private static Map<String, String> tags(String... namesAndDescriptions) {
        var tags = new LinkedHashMap<String, String>();
        for (int i = 0; i < namesAndDescriptions.length; i += 2) {
            tags.put(namesAndDescriptions[i], namesAndDescriptions[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(tags);
    }
}
