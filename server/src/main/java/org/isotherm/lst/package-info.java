/**
 * Synthetic land-surface-temperature scenes and the delivery files made from them (Cloud Optimized GeoTIFFs, JPEG
 * thumbnail, metadata JSON), and a reader that checks uploaded GeoTIFFs; pure Java, no Spring, no database.
 */
@NullMarked
package org.isotherm.lst;

import org.jspecify.annotations.NullMarked;
