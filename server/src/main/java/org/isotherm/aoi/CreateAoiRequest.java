package org.isotherm.aoi;

import java.util.ArrayList;
import java.util.List;
import org.isotherm.web.RequestValidationException;
import org.isotherm.web.ValidationError;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The body of {@code POST /areas-of-interest}, checked by hand rather than bound to a record, so that every shape
 * problem gets FastAPI's {@code loc} and no string that PostgreSQL cannot store (NUL, lone surrogates) gets through.
 *
 * @param field {@code geometry} (the guide) or {@code geojson} (Feature, FeatureCollection of one, ...)
 * @param geojson the object under {@link #field()}, as sent
 */
record CreateAoiRequest(String name, @Nullable String description, String field, JsonNode geojson) {

    static final int MAX_NAME = 200;
    static final int MAX_DESCRIPTION = 2000;

    static CreateAoiRequest from(JsonNode body) {
        if (!body.isObject()) {
            throw new RequestValidationException(
                    ValidationError.of("body", "Input should be a valid dictionary or object", "dict_type"));
        }
        var errors = new ArrayList<ValidationError>();
        var name = text(body, "name", true, MAX_NAME, false, errors);
        var description = text(body, "description", false, MAX_DESCRIPTION, true, errors);
        var geometry = present(body.get("geometry"));
        var geojson = present(body.get("geojson"));
        String field = null;
        JsonNode sent = null;
        if (geometry != null && geojson != null) {
            errors.add(ValidationError.body(
                    "Give the area either as geometry or as geojson, not both", "value_error", "geojson"));
        } else if (geometry == null && geojson == null) {
            errors.add(ValidationError.body("Field required (or give geojson instead)", "missing", "geometry"));
        } else {
            field = geometry != null ? "geometry" : "geojson";
            sent = geometry != null ? geometry : geojson;
            if (!sent.isObject()) {
                errors.add(ValidationError.body("Input should be a valid dictionary or object", "dict_type", field));
            } else {
                unstorable(sent, new ArrayList<>(List.of(field)), errors);
            }
        }
        if (!errors.isEmpty()) {
            throw new RequestValidationException(errors);
        }
        return new CreateAoiRequest(name, description, field, sent);
    }

    private static @Nullable JsonNode present(@Nullable JsonNode node) {
        return node == null || node.isNull() ? null : node;
    }

    private static @Nullable String text(
            JsonNode body, String field, boolean required, int max, boolean multiline, List<ValidationError> errors) {
        var node = body.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                errors.add(ValidationError.body("Field required", "missing", field));
            }
            return null;
        }
        if (!node.isString()) {
            errors.add(ValidationError.body("Input should be a valid string", "string_type", field));
            return null;
        }
        var value = node.asString();
        if (required && value.isBlank()) {
            errors.add(ValidationError.body("String should have at least 1 character", "string_too_short", field));
        } else if (value.codePointCount(0, value.length()) > max) {
            errors.add(ValidationError.body(
                    "String should have at most " + max + " characters", "string_too_long", field));
        } else if (!printable(value, multiline)) {
            errors.add(ValidationError.body(
                    multiline
                            ? "String should not contain control characters other than tab and line breaks"
                            : "String should not contain control characters",
                    "value_error",
                    field));
        }
        return value;
    }

    /** Whether {@code value} has no control characters (bar tab and line breaks if multiline) nor lone surrogates. */
    static boolean printable(String value, boolean multiline) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) && !(multiline && (c == '\t' || c == '\n' || c == '\r'))) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Flags what jsonb cannot hold as sent: strings (names and values) with NUL characters or lone surrogates, and
     * numbers beyond double range (which would come back as "Infinity").
     */
    private static void unstorable(JsonNode node, List<Object> path, List<ValidationError> errors) {
        if (node.isNumber()) {
            if (node.isFloatingPointNumber() && !Double.isFinite(node.doubleValue())) {
                errors.add(ValidationError.body("Number is too large to be stored", "value_error", path.toArray()));
            }
        } else if (node.isString()) {
            if (!storable(node.asString())) {
                errors.add(ValidationError.body(
                        "String should not contain NUL characters or lone surrogates", "value_error", path.toArray()));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                path.add(i);
                unstorable(node.get(i), path, errors);
                path.remove(path.size() - 1);
            }
        } else if (node.isObject()) {
            for (var entry : node.properties()) {
                path.add(entry.getKey());
                if (!storable(entry.getKey())) {
                    errors.add(ValidationError.body(
                            "Property names should not contain NUL characters or lone surrogates",
                            "value_error",
                            path.toArray()));
                }
                unstorable(entry.getValue(), path, errors);
                path.remove(path.size() - 1);
            }
        }
    }

    private static boolean storable(String value) {
        return value.indexOf('\u0000') < 0 && printable(value.replaceAll("\\p{Cntrl}", " "), false);
    }
}
