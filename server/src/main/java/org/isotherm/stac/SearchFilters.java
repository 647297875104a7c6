package org.isotherm.stac;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.isotherm.stac.cql2.Cql2;
import org.isotherm.stac.cql2.Cql2Evaluator;
import org.isotherm.stac.cql2.Cql2Exception;
import org.isotherm.stac.cql2.Cql2Expr;
import org.isotherm.stac.cql2.Cql2SqlRenderer;
import org.isotherm.stac.cql2.Cql2Target;
import org.isotherm.stac.cql2.Cql2Type;
import org.isotherm.stac.cql2.ItemView;
import org.isotherm.stac.cql2.Queryable;
import org.isotherm.stac.cql2.SqlFragment;
import org.isotherm.stac.cql2.TemporalColumns;
import org.isotherm.web.BadRequestException;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a search's CQL2 filter into SQL over the item table, plus the exact Java check where SQL cannot decide.
 * Top-level {@code s_intersects(geometry, literal)} conjuncts are taken out of the filter and planned like the
 * {@code intersects} parameter (box prefilter in the GiST index, exact polygon test in SQL); other spatial
 * predicates get a box prefilter and a JTS recheck of the candidates. A property that is not among the
 * queryables is read from the item's stored JSON by its name, bound as a parameter ({@link Queryable#open}).
 */
@Component
class SearchFilters {

    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    /** The queryables (see {@link Queryables}) and the column each reads. */
    static final Map<String, Queryable> QUERYABLES = Map.of(
            "id", new Queryable("id", Cql2Type.STRING, "i.id"),
            "collection", new Queryable("collection", Cql2Type.STRING, "(i.content->>'collection')"),
            "datetime", new Queryable("datetime", Cql2Type.TIMESTAMP, "i.datetime"),
            "start_datetime", new Queryable("start_datetime", Cql2Type.TIMESTAMP, "i.start_datetime"),
            "end_datetime", new Queryable("end_datetime", Cql2Type.TIMESTAMP, "i.end_datetime"),
            "geometry", new Queryable("geometry", Cql2Type.GEOMETRY, "i.bbox"),
            "gsd", new Queryable("gsd", Cql2Type.NUMBER, "i.gsd"),
            "platform", new Queryable("platform", Cql2Type.STRING, "i.platform"),
            "eo:cloud_cover", new Queryable("eo:cloud_cover", Cql2Type.NUMBER, "i.cloud_cover"),
            "order:id", new Queryable("order:id", Cql2Type.STRING, "i.order_id"));

    /** Longest property name a filter may use that is not among the queryables. */
    static final int MAX_PROPERTY_NAME = 256;

    private static final Cql2Target ITEMS = new Cql2Target() {
        /**
         * A queryable's indexed column, or for any other name the item's own member of that name: STAC items are
         * open documents, so a filter may name every property they carry.
         */
        @Override
        public Queryable resolve(String propertyName) {
            var name = plainName(propertyName);
            var queryable = QUERYABLES.get(name);
            if (queryable != null) {
                return queryable;
            }
            checkName(propertyName);
            return Queryable.open(name, "i.content->'properties'");
        }

        @Override
        public SqlFragment spatial(Cql2Expr.SpatialOp op, Geometry literal) {
            var e = literal.getEnvelopeInternal();
            var box = SqlFragment.of("box(point(?,?),point(?,?))", e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY());
            // necessary conditions on the boxes; the exact answer comes from the JTS recheck
            return switch (op) {
                case S_DISJOINT -> SqlFragment.TRUE;
                case S_WITHIN -> SqlFragment.of("i.bbox <@ ").append(box);
                case S_CONTAINS -> SqlFragment.of("i.bbox @> ").append(box);
                case S_EQUALS -> SqlFragment.of("i.bbox ~= ").append(box);
                default -> SqlFragment.of("i.bbox && ").append(box);
            };
        }

        @Override
        public TemporalColumns temporal() {
            return new TemporalColumns("i.start_datetime", "i.end_datetime");
        }
    };

    private final JsonMapper json;

    SearchFilters(JsonMapper json) {
        this.json = json;
    }

    ItemSearch.Filter itemFilter(SearchRequest request, List<SpatialConstraint> spatial) {
        if (request.filter() == null) {
            return ItemSearch.Filter.NONE;
        }
        var expr = parse(request.filter(), request.filterLang());
        var rest = new ArrayList<Cql2Expr>();
        for (var conjunct : expr instanceof Cql2Expr.And and ? and.args() : List.of(expr)) {
            var geometry = intersectsLiteral(conjunct);
            if (geometry != null) {
                spatial.add(SpatialConstraint.of(geometry));
            } else {
                rest.add(conjunct);
            }
        }
        if (rest.isEmpty()) {
            return ItemSearch.Filter.NONE;
        }
        var remaining = rest.size() == 1 ? rest.get(0) : new Cql2Expr.And(rest);
        var sql = Cql2SqlRenderer.render(remaining, ITEMS).named("filter");
        boolean exact = !Cql2SqlRenderer.needsRecheck(remaining, ITEMS);
        return new ItemSearch.Filter(
                sql.sql(), sql.params(), exact, content -> Cql2Evaluator.matches(remaining, itemView(content)));
    }

    /** The geometry of {@code s_intersects(geometry, literal)} (either order), or null for anything else. */
    private static @Nullable Geometry intersectsLiteral(Cql2Expr expr) {
        if (expr instanceof Cql2Expr.SpatialPredicate predicate && predicate.op() == Cql2Expr.SpatialOp.S_INTERSECTS) {
            if (isGeometry(predicate.left()) && predicate.right() instanceof Cql2Expr.GeometryLiteral literal) {
                return literal.geometry();
            }
            if (isGeometry(predicate.right()) && predicate.left() instanceof Cql2Expr.GeometryLiteral literal) {
                return literal.geometry();
            }
        }
        return null;
    }

    private static boolean isGeometry(Cql2Expr.Operand operand) {
        return operand instanceof Cql2Expr.PropertyRef ref
                && (ref.name().equals("geometry") || ref.name().equals("properties.geometry"));
    }

    private ItemView itemView(String content) {
        var item = (ObjectNode) json.readTree(content);
        var properties =
                item.get("properties") instanceof ObjectNode given ? given.deepCopy() : json.createObjectNode();
        properties.set("id", item.get("id"));
        properties.set("collection", item.get("collection"));
        Geometry geometry = item.get("geometry") == null || item.get("geometry").isNull()
                ? null
                : StacItemReader.geometry(null, item.get("geometry"));
        var datetime = instant(properties.get("datetime"));
        var start = instant(properties.get("start_datetime"));
        var end = instant(properties.get("end_datetime"));
        return new ItemView(properties, geometry, start != null ? start : datetime, end != null ? end : datetime);
    }

    private static @Nullable Instant instant(@Nullable JsonNode node) {
        if (node == null || !node.isString()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(node.asString()).toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * Comparison operator names that clients in the wild send in CQL2-JSON (the vendor's own examples use {@code
     * eq}; pgstac and pygeofilter accept them), mapped to the standard symbols.
     */
    private static final Map<String, String> OPERATOR_ALIASES = Map.of(
            "eq", "=", "neq", "<>", "ne", "<>", "lt", "<", "lte", "<=", "le", "<=", "gt", ">", "gte", ">=", "ge", ">=");

    static JsonNode standardOperators(JsonNode node) {
        if (node instanceof ObjectNode object) {
            var copy = object.deepCopy();
            var op = copy.get("op");
            if (op != null && op.isString() && OPERATOR_ALIASES.containsKey(op.asString())) {
                copy.put("op", OPERATOR_ALIASES.get(op.asString()));
            }
            if (copy.get("args") instanceof tools.jackson.databind.node.ArrayNode args) {
                for (int i = 0; i < args.size(); i++) {
                    args.set(i, standardOperators(args.get(i)));
                }
            }
            return copy;
        }
        return node;
    }

    /**
     * Parses an item filter with property names as the queryables and the Java recheck know them: clients may write
     * {@code properties.gsd} for {@code gsd}.
     */
    private static Cql2Expr parse(JsonNode filter, @Nullable String lang) {
        var expr = "cql2-json".equals(lang)
                ? Cql2.parseJson(standardOperators(filter))
                : Cql2.parseText(filter.asString());
        return Cql2.mapProperties(expr, SearchFilters::plainName);
    }

    /** The name travels as a bind parameter; PostgreSQL text cannot hold NUL, and a huge one is no property. */
    private static void checkName(String name) {
        if (name.length() > MAX_PROPERTY_NAME) {
            throw new Cql2Exception("Invalid filter: a property name is at most " + MAX_PROPERTY_NAME
                    + " characters long, not " + name.length());
        }
        if (name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new Cql2Exception(
                    "Invalid filter: the property name '" + printable(name) + "' contains control characters");
        }
    }

    private static String printable(String name) {
        var out = new StringBuilder();
        name.chars().forEach(c -> out.append(c < 0x20 || c == 0x7f ? "\\u%04x".formatted(c) : (char) c));
        return out.toString();
    }

    private static String plainName(String property) {
        return property.startsWith("properties.") ? property.substring("properties.".length()) : property;
    }

    /** Collection search's filter: evaluated in memory over the collection's fields and extent. */
    Predicate<ObjectNode> collectionFilter(@Nullable String filter, @Nullable String lang) {
        if (filter == null) {
            return node -> true;
        }
        Cql2Expr expr;
        if (lang == null || lang.equals("cql2-text")) {
            expr = Cql2.parseText(filter);
        } else if (lang.equals("cql2-json")) {
            try {
                expr = Cql2.parseJson(standardOperators(json.readTree(filter)));
            } catch (JacksonException e) {
                throw new BadRequestException("Invalid filter: not valid JSON for filter-lang cql2-json");
            }
        } else {
            throw new BadRequestException("Invalid filter-lang " + lang + ": use cql2-text or cql2-json");
        }
        return node -> {
            var bbox = node.at("/extent/spatial/bbox/0");
            Geometry geometry = bbox.size() == 4
                    ? GEOMETRY.toGeometry(new Envelope(
                            bbox.get(0).asDouble(),
                            bbox.get(2).asDouble(),
                            bbox.get(1).asDouble(),
                            bbox.get(3).asDouble()))
                    : null;
            var interval = node.at("/extent/temporal/interval/0");
            return Cql2Evaluator.matches(
                    expr, new ItemView(node, geometry, instant(interval.get(0)), instant(interval.get(1))));
        };
    }
}
