/** Pure geometry functions: GeoJSON parsing and validation, UTM sizes and areas, geohashes. */
@NullMarked
package org.isotherm.geo;

import org.jspecify.annotations.NullMarked;
