package org.isotherm.stac;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The STAC, GeoJSON and extension JSON schemas, read from offline copies under {@code classpath:stac-schemas/}
 * (their {@code https://} ids are mapped there, so validation never touches the network). Extensions without a
 * local copy are not checked; an extension whose schema refers to one that has no local copy cannot be checked
 * either, and is refused by name rather than stored unchecked.
 */
@Component
public class StacSchemas {

    /** Where the schemas of STAC, GeoJSON, the extensions and the projection extension's PROJJSON live. */
    private static final String[] HOSTS = {
        "schemas.stacspec.org", "geojson.org", "stac-extensions.github.io", "proj.org"
    };

    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_7,
            // never a download at run time: a schema without a local copy is one that cannot be checked
            builder -> builder.schemaLoader(loader -> loader.fetchRemoteResources(false)
                    .schemaIdResolvers(resolvers -> {
                        for (var host : HOSTS) {
                            resolvers.mapPrefix("https://" + host + "/", "classpath:stac-schemas/" + host + "/");
                        }
                    })));
    private final ConcurrentMap<String, Optional<Schema>> schemas = new ConcurrentHashMap<>();

    /** The first rule {@code node} breaks, or empty when it is valid. */
    public Optional<String> firstViolation(String kind, JsonNode node) {
        var version = node.path("stac_version").asString(StacLinks.STAC_VERSION);
        var core =
                schema("https://schemas.stacspec.org/v" + version + "/" + kind + "-spec/json-schema/" + kind + ".json");
        if (core.isEmpty()) {
            return Optional.of("stac_version " + version + " is not supported (use 1.0.0 or 1.1.0)");
        }
        var violation = check(core.get(), node);
        if (violation.isPresent()) {
            return violation;
        }
        for (var extension : node.path("stac_extensions")) {
            var iri = extension.asString("");
            Optional<String> found;
            try {
                found = schema(iri).flatMap(schema -> check(schema, node));
            } catch (SchemaException | UncheckedIOException e) {
                // a $ref to a schema with no offline copy: neither the client's fault nor a reason to store unchecked
                return Optional.of("the extension " + iri + " cannot be checked: its schema refers to one that this"
                        + " server has no copy of (" + firstLine(e.getMessage()) + ")");
            }
            if (found.isPresent()) {
                return found.map(v -> v + " (extension " + iri + ")");
            }
        }
        return Optional.empty();
    }

    private static String firstLine(@Nullable String message) {
        if (message == null) {
            return "unresolvable reference";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static Optional<String> check(Schema schema, JsonNode node) {
        var errors = schema.validate(node);
        if (errors.isEmpty()) {
            return Optional.empty();
        }
        // the most specific error tells the client most: the one deepest in the instance
        var error = errors.stream()
                .max(java.util.Comparator.comparingInt(
                        e -> e.getInstanceLocation().toString().length()))
                .orElseThrow();
        return Optional.of(error.getInstanceLocation() + ": " + error.getMessage() + " (rule " + error.getKeyword()
                + " at " + error.getEvaluationPath() + ")");
    }

    private Optional<Schema> schema(String iri) {
        return schemas.computeIfAbsent(iri, this::load);
    }

    private Optional<Schema> load(String iri) {
        for (var host : HOSTS) {
            if (iri.startsWith("https://" + host + "/")) {
                var resource = "stac-schemas/" + host + "/" + iri.substring(("https://" + host + "/").length());
                if (StacSchemas.class.getClassLoader().getResource(resource) == null) {
                    return Optional.empty();
                }
                var schema = registry.getSchema(SchemaLocation.of(iri));
                schema.initializeValidators();
                return Optional.of(schema);
            }
        }
        return Optional.empty();
    }
}
