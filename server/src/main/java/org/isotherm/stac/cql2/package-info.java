/**
 * OGC CQL2 filters: cql2-text and cql2-json parsed into one typed AST ({@link org.isotherm.stac.cql2.Cql2Expr}),
 * rendered to parameterized SQL against a {@link org.isotherm.stac.cql2.Cql2Target} and evaluated in Java by
 * {@link org.isotherm.stac.cql2.Cql2Evaluator}.
 *
 * @see <a href="https://docs.ogc.org/is/21-065r2/21-065r2.html">OGC CQL2 1.0 (21-065r2)</a>
 */
@NullMarked
package org.isotherm.stac.cql2;

import org.jspecify.annotations.NullMarked;
