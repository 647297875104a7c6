/** Areas of interest: the polygons a workspace orders data for, their sizes, and file conversion to GeoJSON. */
@NullMarked
package org.isotherm.aoi;

import org.jspecify.annotations.NullMarked;
