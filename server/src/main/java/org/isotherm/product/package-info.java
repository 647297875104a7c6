/** The product catalogue and each product's ordering rules, kept as data that operators change. */
@NullMarked
package org.isotherm.product;

import org.jspecify.annotations.NullMarked;
