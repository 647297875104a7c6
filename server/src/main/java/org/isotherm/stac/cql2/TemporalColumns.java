package org.isotherm.stac.cql2;

/**
 * SQL expressions ({@code timestamptz}) of an item's temporal extent: its start and end instant. For an item
 * with a single {@code datetime} both are that instant.
 */
public record TemporalColumns(String start, String end) {}
