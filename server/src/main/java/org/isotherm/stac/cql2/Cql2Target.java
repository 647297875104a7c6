package org.isotherm.stac.cql2;

import org.isotherm.stac.cql2.Cql2Expr.SpatialOp;
import org.locationtech.jts.geom.Geometry;

/**
 * What a filter is rendered against: the queryables of a catalogue and how its geometry and temporal extent are
 * stored. Implemented by the STAC item search; {@link Cql2SqlRenderer} asks it for every property a filter
 * names, so anything it does not resolve cannot reach the SQL.
 */
public interface Cql2Target {

    /**
     * The property that stands for the item's temporal extent in temporal predicates: {@code t_intersects(datetime,
     * ...)} compares the interval {@link #temporal()} rather than a single instant.
     */
    String DATETIME = "datetime";

    /**
     * The queryable named {@code propertyName}. A target over open documents answers every other name too, with
     * {@link Queryable#open}.
     *
     * @throws Cql2Exception ("Unknown queryable 'x'") for a name the target does not serve
     */
    Queryable resolve(String propertyName);

    /**
     * A predicate between the item geometry and a literal, with the item geometry as first argument (the
     * renderer swaps {@code s_within}/{@code s_contains} when the literal came first). Unless {@link
     * #spatialIsExact()}, it may be a prefilter that matches a superset of the exact answer: the renderer then
     * keeps the whole filter a superset (a spatial predicate under {@code NOT} renders as {@code FALSE}) and the
     * caller rechecks each row with {@link Cql2Evaluator} (see {@link Cql2SqlRenderer#needsRecheck}).
     */
    SqlFragment spatial(SpatialOp op, Geometry literal);

    /** Whether {@link #spatial} is exact; if not, results need a recheck in Java. */
    default boolean spatialIsExact() {
        return false;
    }

    /** The item's start and end instants, used for {@link #DATETIME} in temporal predicates. */
    TemporalColumns temporal();
}
