/**
 * OGC CQL2 filters: cql2-text and cql2-json parsed into one typed AST ({@link org.isotherm.stac.cql2.Cql2Expr}),
 * rendered to parameterized SQL against a {@link org.isotherm.stac.cql2.Cql2Target} and evaluated in Java by
 * {@link org.isotherm.stac.cql2.Cql2Evaluator}.
 *
 * <p>Use: {@code Cql2Expr filter = Cql2.parseText(text)} (or {@code Cql2.parseJson(json)}), then {@code
 * SqlFragment where = Cql2SqlRenderer.render(filter, target)} with the search's {@link
 * org.isotherm.stac.cql2.Cql2Target}, and append {@code where.sql()} and {@code where.params()} to the query.
 * If {@code Cql2SqlRenderer.needsRecheck(filter, target)}, keep only the rows for which {@code
 * Cql2Evaluator.matches(filter, itemView)}. Every failure is a {@link org.isotherm.stac.cql2.Cql2Exception}
 * (400).
 *
 * @see <a href="https://docs.ogc.org/is/21-065r2/21-065r2.html">OGC CQL2 1.0 (21-065r2)</a>
 */
@NullMarked
package org.isotherm.stac.cql2;

import org.jspecify.annotations.NullMarked;
