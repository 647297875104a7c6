package org.isotherm.stac.cql2;

import java.util.LinkedHashMap;
import java.util.Map;
import org.isotherm.stac.cql2.Cql2Expr.SpatialOp;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;

/**
 * A {@link Cql2Target} over a fixed map of queryables, with a placeholder spatial function; optionally open to
 * every other name (read from a jsonb document, as the STAC item search does).
 */
class MapTarget implements Cql2Target {

    private final Map<String, Queryable> queryables = new LinkedHashMap<>();
    private final TemporalColumns temporal;
    private @Nullable String document;

    MapTarget(TemporalColumns temporal) {
        this.temporal = temporal;
    }

    MapTarget with(String name, Cql2Type type, String sql) {
        queryables.put(name, new Queryable(name, type, sql));
        return this;
    }

    /** Resolves names that are not queryables to {@link Queryable#open} members of {@code document}. */
    MapTarget openTo(String document) {
        this.document = document;
        return this;
    }

    @Override
    public Queryable resolve(String propertyName) {
        Queryable queryable = queryables.get(propertyName);
        if (queryable == null && document != null) {
            return Queryable.open(propertyName, document);
        }
        if (queryable == null) {
            throw Cql2Exception.unknownQueryable(propertyName);
        }
        return queryable;
    }

    @Override
    public SqlFragment spatial(SpatialOp op, Geometry literal) {
        return SqlFragment.of(op.cql2Name() + "(geom, ?)", literal.toText());
    }

    @Override
    public TemporalColumns temporal() {
        return temporal;
    }

    /** The queryables of the renderer tests, shaped like STAC item columns. */
    static MapTarget items() {
        return new MapTarget(new TemporalColumns("start_at", "end_at"))
                .with("id", Cql2Type.STRING, "id")
                .with("platform", Cql2Type.STRING, "properties->>'platform'")
                .with("constellation", Cql2Type.STRING, "properties->>'constellation'")
                .with("eo:cloud_cover", Cql2Type.NUMBER, "(properties->>'eo:cloud_cover')::float8")
                .with("gsd", Cql2Type.INTEGER, "(properties->>'gsd')::bigint")
                .with("flag", Cql2Type.BOOLEAN, "(properties->>'flag')::boolean")
                .with("datetime", Cql2Type.TIMESTAMP, "start_at")
                .with("created", Cql2Type.TIMESTAMP, "created")
                .with("geometry", Cql2Type.GEOMETRY, "geom")
                .with("instruments", Cql2Type.STRING_ARRAY, "properties->'instruments'")
                .with("bands", Cql2Type.NUMBER_ARRAY, "properties->'bands'");
    }
}
