package org.isotherm.lst;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What {@link CogInspector} read from a GeoTIFF's header, enough to check an uploaded delivery without decoding a
 * pixel.
 *
 * @param epsg from the GeoKeys: ProjectedCSTypeGeoKey, else GeographicTypeGeoKey
 * @param pixelScaleX size of a pixel along x in CRS units (transform's a)
 * @param pixelScaleY size of a pixel along y, positive for north-up images (minus the transform's e)
 * @param transform the STAC {@code proj:transform} order: a, b, c (origin x), d, e, f (origin y), PixelIsArea
 * @param bounds minx, miny, maxx, maxy of the image in the CRS
 * @param tileWidth 0 when the image is in strips
 * @param overviews reduced-resolution IFDs (masks not counted)
 * @param sampleFormat TIFF SampleFormat of the first sample: 1 unsigned integer, 2 signed, 3 floating point
 * @param compression TIFF Compression: 1 none, 5 LZW, 7 JPEG, 8 deflate, 50000 ZSTD...
 * @param nodata the GDAL_NODATA tag, if any
 * @param layoutProblems why the file is not a Cloud Optimized GeoTIFF (empty when it is)
 */
public record GeoTiffInfo(
        int width,
        int height,
        int epsg,
        double pixelScaleX,
        double pixelScaleY,
        double[] transform,
        double[] bounds,
        boolean tiled,
        int tileWidth,
        int tileHeight,
        int overviews,
        int samplesPerPixel,
        int[] bitsPerSample,
        int sampleFormat,
        int compression,
        boolean bigTiff,
        @Nullable String nodata,
        List<String> layoutProblems) {

    /** Whether the layout satisfies GDAL's COG rules (IFDs first, smallest overview's data first, tiled). */
    public boolean cloudOptimized() {
        return layoutProblems.isEmpty();
    }
}
