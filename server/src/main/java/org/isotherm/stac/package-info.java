/**
 * The STAC API 1.0.0 catalogue of deliveries: collections per workspace, items stored whole with the columns search
 * needs, item search with keyset paging and exact counts, and the transaction extension.
 *
 * @see <a href="https://github.com/radiantearth/stac-api-spec/tree/v1.0.0">STAC API 1.0.0</a>
 */
@NullMarked
package org.isotherm.stac;

import org.jspecify.annotations.NullMarked;
