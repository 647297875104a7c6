package org.isotherm.lst;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Geometry;

/**
 * The files of one delivery and what a STAC item says about them.
 *
 * @param epsg UTM zone of the AOI centre, 326xx north, 327xx south
 * @param width of lst.tiff, pixels
 * @param height of lst.tiff, pixels
 * @param transform STAC {@code proj:transform}: pixel size, 0, origin x, 0, -pixel size, origin y
 * @param projBbox minx, miny, maxx, maxy of lst.tiff in the UTM CRS
 * @param footprint WGS84 outline of the data: the AOI, clipped to the swath
 * @param statistics of lst.tiff's valid pixels, kelvin
 * @param cloudRatio cloud and cloud-shadow fraction of the AOI, 0..1
 * @param nodataRatio nodata fraction of the AOI (cloud, outside the swath), 0..1
 * @param sunElevation degrees at the AOI centre at acquisition
 */
public record Bundle(
        List<BundleFile> files,
        int epsg,
        int width,
        int height,
        double[] transform,
        double[] projBbox,
        Geometry footprint,
        Statistics statistics,
        double cloudRatio,
        double nodataRatio,
        double sunElevation) {

    public Bundle {
        files = List.copyOf(files);
    }

    /** The same bundle with one more file. */
    public Bundle with(BundleFile file) {
        var more = new ArrayList<>(files);
        more.add(file);
        return new Bundle(
                more,
                epsg,
                width,
                height,
                transform,
                projBbox,
                footprint,
                statistics,
                cloudRatio,
                nodataRatio,
                sunElevation);
    }

    /** The file with {@code role}, if the bundle has one (sharpened is optional). */
    public Optional<BundleFile> file(String role) {
        return files.stream().filter(f -> f.role().equals(role)).findFirst();
    }
}
