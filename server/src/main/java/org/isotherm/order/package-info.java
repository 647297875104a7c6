/** Orders: batch creation against product rules, listing, the lifecycle and its history. */
@NullMarked
package org.isotherm.order;

import org.jspecify.annotations.NullMarked;
