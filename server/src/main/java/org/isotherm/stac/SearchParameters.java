package org.isotherm.stac;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.isotherm.web.BadRequestException;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parses the search parameters of STAC API item search, in both forms: GET query parameters and the POST body.
 * Values that are well formed JSON but break a rule are 400 with a detail naming the parameter.
 *
 * @see <a href="https://github.com/radiantearth/stac-api-spec/tree/v1.0.0/item-search">Item search</a>
 */
final class SearchParameters {

    private static final Pattern RFC3339 =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?([Zz]|[+-]\\d{2}:\\d{2})");

    private SearchParameters() {}

    /** An interval: both ends null means no datetime constraint. */
    record Interval(@Nullable Instant start, @Nullable Instant end) {}

    static SearchRequest fromQuery(Map<String, String> query, JsonMapper json, @Nullable String collection) {
        var collections = collection != null ? List.of(collection) : list(query.get("collections"));
        var bbox = query.containsKey("bbox") ? bbox(csvNumbers("bbox", query.get("bbox"))) : null;
        Geometry intersects = null;
        if (query.containsKey("intersects")) {
            JsonNode node;
            try {
                node = json.readTree(query.get("intersects"));
            } catch (JacksonException e) {
                throw new BadRequestException("Invalid intersects: not a GeoJSON geometry");
            }
            intersects = geometry(node);
        }
        var interval = query.containsKey("datetime") ? datetime(query.get("datetime")) : new Interval(null, null);
        JsonNode filter = null;
        var lang = query.get("filter-lang");
        if (query.containsKey("filter")) {
            if (lang == null || lang.equals("cql2-text")) {
                filter = json.getNodeFactory().stringNode(query.get("filter"));
                lang = "cql2-text";
            } else if (lang.equals("cql2-json")) {
                try {
                    filter = json.readTree(query.get("filter"));
                } catch (JacksonException e) {
                    throw new BadRequestException("Invalid filter: not valid JSON for filter-lang cql2-json");
                }
            } else {
                throw badLang(lang);
            }
        }
        filterCrs(query.get("filter-crs"));
        return check(new SearchRequest(
                collections,
                list(query.get("ids")),
                bbox,
                intersects,
                interval.start(),
                interval.end(),
                limit(query.get("limit")),
                filter,
                filter == null ? null : lang,
                sortbyText(query.get("sortby")),
                fieldsText(query.get("fields")),
                query.get("token")));
    }

    static SearchRequest fromBody(JsonNode body) {
        if (!body.isObject()) {
            throw new BadRequestException("Invalid search: the body must be a JSON object");
        }
        // a single collection id as a string is what some clients send; GET takes one as a one-element list too
        var collections =
                present(body, "collections") && body.get("collections").isString()
                        ? List.of(body.get("collections").asString())
                        : strings(body, "collections");
        var ids = strings(body, "ids");
        double[] bbox = null;
        if (present(body, "bbox")) {
            var node = body.get("bbox");
            if (!node.isArray()) {
                throw new BadRequestException("Invalid bbox: must be an array of 4 or 6 numbers");
            }
            var values = new double[node.size()];
            for (int i = 0; i < values.length; i++) {
                if (!node.get(i).isNumber()) {
                    throw new BadRequestException("Invalid bbox: must be an array of 4 or 6 numbers");
                }
                values[i] = node.get(i).asDouble();
            }
            bbox = bbox(values);
        }
        Geometry intersects = present(body, "intersects") ? geometry(body.get("intersects")) : null;
        var interval = new Interval(null, null);
        if (present(body, "datetime")) {
            if (!body.get("datetime").isString()) {
                throw new BadRequestException("Invalid datetime: must be a string");
            }
            interval = datetime(body.get("datetime").asString());
        }
        Integer limit = null;
        if (present(body, "limit")) {
            var node = body.get("limit");
            if (!node.isIntegralNumber()) {
                throw new BadRequestException("Invalid limit: must be an integer from 1 to " + SearchRequest.MAX_LIMIT);
            }
            limit = node.asInt();
        }
        JsonNode filter = present(body, "filter") ? body.get("filter") : null;
        var lang = present(body, "filter-lang") ? body.get("filter-lang").asString("") : null;
        if (filter != null) {
            if (lang == null) {
                lang = filter.isString() ? "cql2-text" : "cql2-json";
            }
            if (!lang.equals("cql2-text") && !lang.equals("cql2-json")) {
                throw badLang(lang);
            }
            if (lang.equals("cql2-text") && !filter.isString()) {
                throw new BadRequestException("Invalid filter: filter-lang cql2-text needs the filter as a string");
            }
        }
        filterCrs(present(body, "filter-crs") ? body.get("filter-crs").asString("") : null);
        var sortby = new ArrayList<SortKey.Order>();
        if (present(body, "sortby")) {
            var node = body.get("sortby");
            if (node.isString()) {
                sortby.addAll(sortbyText(node.asString()));
            } else if (node.isArray()) {
                for (var field : node) {
                    var name = field.path("field").asString("");
                    var direction = field.path("direction").asString("asc").toLowerCase(Locale.ROOT);
                    if (!direction.equals("asc") && !direction.equals("desc")) {
                        throw new BadRequestException("Invalid sortby: direction must be asc or desc");
                    }
                    sortby.add(new SortKey.Order(sortKey(name), direction.equals("desc")));
                }
            } else {
                throw new BadRequestException("Invalid sortby: must be an array of {field, direction}");
            }
        }
        SearchRequest.Fields fields = null;
        if (body.has("fields")) {
            var node = body.get("fields");
            // the extension's schema has an object here; the reference validator expects null to be refused
            if (!node.isObject()) {
                throw new BadRequestException("Invalid fields: must be an object with include and exclude lists");
            }
            // include absent differs from include null or []: exclude then applies to the whole item, not to
            // the default set
            var include = node.has("include") ? new LinkedHashSet<>(nonNull(strings(node, "include"))) : null;
            fields = new SearchRequest.Fields(include, new LinkedHashSet<>(nonNull(strings(node, "exclude"))));
        }
        var token = present(body, "token") ? body.get("token").asString("") : null;
        return check(new SearchRequest(
                collections,
                ids,
                bbox,
                intersects,
                interval.start(),
                interval.end(),
                limit == null ? SearchRequest.DEFAULT_LIMIT : limit(limit),
                filter,
                lang,
                List.copyOf(sortby),
                fields,
                token));
    }

    private static SearchRequest check(SearchRequest request) {
        if (request.bbox() != null && request.intersects() != null) {
            throw new BadRequestException("Invalid search: bbox and intersects cannot be used together");
        }
        return request;
    }

    static Interval datetime(String value) {
        var text = value.strip();
        if (!text.contains("/")) {
            var instant = instant(text, value);
            return new Interval(instant, instant);
        }
        var parts = text.split("/", -1);
        if (parts.length != 2) {
            throw badDatetime(value);
        }
        var start = open(parts[0]) ? null : instant(parts[0], value);
        var end = open(parts[1]) ? null : instant(parts[1], value);
        if (start == null && end == null) {
            throw new BadRequestException("Invalid datetime " + value + ": an interval needs at least one end");
        }
        if (start != null && end != null && end.isBefore(start)) {
            throw new BadRequestException("Invalid datetime " + value + ": the end is before the start");
        }
        return new Interval(start, end);
    }

    private static boolean open(String part) {
        return part.isEmpty() || part.equals("..");
    }

    private static Instant instant(String text, String whole) {
        if (!RFC3339.matcher(text).matches()) {
            throw badDatetime(whole);
        }
        try {
            return OffsetDateTime.parse(text.toUpperCase(Locale.ROOT)).toInstant();
        } catch (DateTimeParseException e) {
            throw badDatetime(whole);
        }
    }

    private static BadRequestException badDatetime(String value) {
        return new BadRequestException("Invalid datetime " + value
                + ": use an RFC 3339 date-time (2025-08-18T11:00:00Z) or an interval start/end, '..' or empty for"
                + " an open end");
    }

    static double[] bbox(double[] values) {
        if (values.length != 4 && values.length != 6) {
            throw new BadRequestException("Invalid bbox: must have 4 or 6 numbers, got " + values.length);
        }
        int dims = values.length / 2;
        double minX = values[0];
        double minY = values[1];
        double maxX = values[dims];
        double maxY = values[dims + 1];
        for (double v : values) {
            if (!Double.isFinite(v)) {
                throw new BadRequestException("Invalid bbox: numbers must be finite");
            }
        }
        if (minX < -180 || maxX > 180 || minX > 180 || maxX < -180 || minY < -90 || maxY > 90) {
            throw new BadRequestException("Invalid bbox: longitudes must be within -180..180 and latitudes -90..90");
        }
        if (minY > maxY) {
            throw new BadRequestException("Invalid bbox: the southern latitude is above the northern one");
        }
        if (dims == 3 && values[2] > values[5]) {
            throw new BadRequestException("Invalid bbox: the minimum elevation is above the maximum");
        }
        return values;
    }

    static Geometry geometry(JsonNode node) {
        if (!node.isObject() || !node.path("type").isString()) {
            throw new BadRequestException("Invalid intersects: not a GeoJSON geometry");
        }
        try {
            return StacItemReader.geometry(null, node);
        } catch (BadRequestException e) {
            throw new BadRequestException("Invalid intersects: " + e.detail().replace("Invalid item: ", ""));
        }
    }

    private static double[] csvNumbers(String name, String value) {
        var parts = value.split(",", -1);
        var numbers = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                numbers[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException e) {
                throw new BadRequestException("Invalid " + name + ": " + value + " is not a list of numbers");
            }
        }
        return numbers;
    }

    static int limit(@Nullable String value) {
        if (value == null || value.isEmpty()) {
            return SearchRequest.DEFAULT_LIMIT;
        }
        try {
            return limit(Integer.parseInt(value.strip()));
        } catch (NumberFormatException e) {
            throw new BadRequestException("Invalid limit: must be an integer from 1 to " + SearchRequest.MAX_LIMIT);
        }
    }

    /** Below 1 is an error; above the maximum is served as the maximum (OGC API Features, /req/core/fc-limit). */
    private static int limit(int value) {
        if (value < 1) {
            throw new BadRequestException("Invalid limit: must be an integer from 1 to " + SearchRequest.MAX_LIMIT);
        }
        return Math.min(value, SearchRequest.MAX_LIMIT);
    }

    private static void filterCrs(@Nullable String crs) {
        if (crs != null && !crs.equals("http://www.opengis.net/def/crs/OGC/1.3/CRS84")) {
            throw new BadRequestException(
                    "Invalid filter-crs: only http://www.opengis.net/def/crs/OGC/1.3/CRS84 is supported");
        }
    }

    private static BadRequestException badLang(String lang) {
        return new BadRequestException("Invalid filter-lang " + lang + ": use cql2-text or cql2-json");
    }

    static List<SortKey.Order> sortbyText(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        var orders = new ArrayList<SortKey.Order>();
        for (var part : value.split(",")) {
            var field = part.strip();
            boolean descending = field.startsWith("-");
            if (field.startsWith("-") || field.startsWith("+")) {
                field = field.substring(1);
            }
            orders.add(new SortKey.Order(sortKey(field), descending));
        }
        return List.copyOf(orders);
    }

    private static SortKey sortKey(String name) {
        return SortKey.named(name)
                .orElseThrow(() -> new BadRequestException(
                        "Invalid sortby: cannot sort by " + name + "; sortable fields are " + SortKey.NAMES));
    }

    static SearchRequest.@Nullable Fields fieldsText(@Nullable String value) {
        if (value == null) {
            return null;
        }
        var include = new LinkedHashSet<String>();
        var exclude = new LinkedHashSet<String>();
        for (var part : value.split(",")) {
            var field = part.strip();
            if (field.startsWith("-")) {
                exclude.add(field.substring(1));
            } else if (!field.isEmpty()) {
                include.add(field.startsWith("+") ? field.substring(1) : field);
            }
        }
        // "-geometry" alone excludes from the whole item; an empty value asks for the default set
        return new SearchRequest.Fields(include.isEmpty() && !exclude.isEmpty() ? null : include, exclude);
    }

    static @Nullable List<String> list(@Nullable String csv) {
        if (csv == null || csv.isBlank()) {
            return null;
        }
        return java.util.Arrays.stream(csv.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private static @Nullable List<String> strings(JsonNode body, String name) {
        if (!present(body, name)) {
            return null;
        }
        var node = body.get(name);
        if (!node.isArray()) {
            throw new BadRequestException("Invalid " + name + ": must be an array of strings");
        }
        var values = new ArrayList<String>();
        for (var value : node) {
            if (!value.isString()) {
                throw new BadRequestException("Invalid " + name + ": must be an array of strings");
            }
            values.add(value.asString());
        }
        return List.copyOf(values);
    }

    private static List<String> nonNull(@Nullable List<String> values) {
        return values == null ? List.of() : values;
    }

    private static boolean present(JsonNode body, String name) {
        return body.has(name) && !body.get(name).isNull();
    }
}
