package org.isotherm.lst;

import java.util.Arrays;
import org.isotherm.geo.UtmMeasures;
import org.locationtech.jts.densify.Densifier;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * The pixel grid of a scene: the UTM zone of the AOI's centre, pixels aligned to multiples of the pixel size and
 * covering the AOI's projected extent, the AOI's edges in UTM for scanline rasterisation, and the world coordinates
 * the model's textures are seeded with. Those are sinusoidal metres ({@code x = R lon cos lat}, {@code y = R lat}),
 * one grid for the whole globe whatever the UTM zone, so two AOIs on the same field see the same texture. They are
 * projected exactly at nodes every {@link #NODE} pixels and interpolated between, which is exact to millimetres and
 * keeps the inverse projection's trigonometry off the per-pixel path.
 */
final class SceneGrid {

    static final int NODE = 64;
    static final double EARTH_RADIUS = 6_371_008.8;
    /** The longest edge, in degrees, before it is projected: edges straight in lon/lat bend in UTM. */
    private static final double DENSIFY_DEGREES = 0.01;

    private static final CRSFactory CRS = new CRSFactory();
    private static final CoordinateTransformFactory TRANSFORMS = new CoordinateTransformFactory();

    final int zone;
    final boolean south;
    final int epsg;
    final double pixelSize;
    final double originX;
    final double originY;
    final int width;
    final int height;
    final double centreLon;
    final double centreLat;
    /** AOI edges in UTM: x1, y1, x2, y2 for each edge of every ring. */
    private final double[] edges;

    private final int nodesAcross;
    private final int nodesDown;
    private final double[] nodeX;
    private final double[] nodeY;
    private final CoordinateTransform toUtm;
    private final CoordinateTransform toLonLat;

    /** The grid at {@code pixelSize} over {@code area}, projected to the UTM zone of the AOI's bbox centre. */
    static SceneGrid of(Geometry area, double pixelSize) {
        var box = area.getEnvelopeInternal();
        double lon = (box.getMinX() + box.getMaxX()) / 2;
        double lat = (box.getMinY() + box.getMaxY()) / 2;
        return new SceneGrid(area, pixelSize, UtmMeasures.zone(lon), lat < 0, lon, lat);
    }

    /** The grid at another pixel size, in the same zone (the 30 m SCL of a 10 m product). */
    SceneGrid withPixelSize(Geometry area, double size) {
        return new SceneGrid(area, size, zone, south, centreLon, centreLat);
    }

    private SceneGrid(Geometry area, double pixelSize, int zone, boolean south, double lon, double lat) {
        if (!(pixelSize > 0) || area.isEmpty()) {
            throw new IllegalArgumentException("a scene needs a non-empty area and a positive pixel size");
        }
        this.zone = zone;
        this.south = south;
        this.epsg = (south ? 32700 : 32600) + zone;
        this.pixelSize = pixelSize;
        this.centreLon = lon;
        this.centreLat = lat;
        var utm = CRS.createFromParameters(
                "EPSG:" + epsg,
                "+proj=utm +zone=" + zone + (south ? " +south" : "") + " +datum=WGS84 +units=m +no_defs");
        var wgs84 = CRS.createFromName("EPSG:4326");
        this.toUtm = TRANSFORMS.createTransform(wgs84, utm);
        this.toLonLat = TRANSFORMS.createTransform(utm, wgs84);

        var dense = Densifier.densify(area, DENSIFY_DEGREES);
        var list = new double[1024];
        int n = 0;
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        var in = new ProjCoordinate();
        var out = new ProjCoordinate();
        for (int g = 0; g < dense.getNumGeometries(); g++) {
            if (!(dense.getGeometryN(g) instanceof Polygon polygon)) {
                throw new IllegalArgumentException("a scene's area must be a polygon or multipolygon");
            }
            for (int r = -1; r < polygon.getNumInteriorRing(); r++) {
                LineString ring = r < 0 ? polygon.getExteriorRing() : polygon.getInteriorRingN(r);
                Coordinate[] coordinates = ring.getCoordinates();
                double px = 0;
                double py = 0;
                for (int i = 0; i < coordinates.length; i++) {
                    in.setValue(coordinates[i].x, coordinates[i].y);
                    toUtm.transform(in, out);
                    minX = Math.min(minX, out.x);
                    maxX = Math.max(maxX, out.x);
                    minY = Math.min(minY, out.y);
                    maxY = Math.max(maxY, out.y);
                    if (i > 0) {
                        if (n + 4 > list.length) {
                            list = Arrays.copyOf(list, list.length * 2);
                        }
                        list[n++] = px;
                        list[n++] = py;
                        list[n++] = out.x;
                        list[n++] = out.y;
                    }
                    px = out.x;
                    py = out.y;
                }
            }
        }
        this.edges = Arrays.copyOf(list, n);
        this.originX = Math.floor(minX / pixelSize) * pixelSize;
        this.originY = Math.ceil(maxY / pixelSize) * pixelSize;
        this.width = Math.max(1, (int) Math.ceil((maxX - originX) / pixelSize - 1e-9));
        this.height = Math.max(1, (int) Math.ceil((originY - minY) / pixelSize - 1e-9));
        if ((long) width * height > 40_000L * 40_000L) {
            throw new IllegalArgumentException(
                    "the scene would be " + width + " x " + height + " pixels, more than this writer makes");
        }

        this.nodesAcross = width / NODE + 2;
        this.nodesDown = height / NODE + 2;
        this.nodeX = new double[nodesAcross * nodesDown];
        this.nodeY = new double[nodesAcross * nodesDown];
        for (int j = 0; j < nodesDown; j++) {
            for (int i = 0; i < nodesAcross; i++) {
                in.setValue(originX + (i * NODE + 0.5) * pixelSize, originY - (j * NODE + 0.5) * pixelSize);
                toLonLat.transform(in, out);
                double phi = Math.toRadians(out.y);
                nodeX[j * nodesAcross + i] = EARTH_RADIUS * Math.toRadians(out.x) * Math.cos(phi);
                nodeY[j * nodesAcross + i] = EARTH_RADIUS * phi;
            }
        }
    }

    /** UTM northing of the centre of pixel row {@code row}. */
    double rowY(int row) {
        return originY - (row + 0.5) * pixelSize;
    }

    /** UTM easting of the centre of pixel column {@code col}. */
    double colX(int col) {
        return originX + (col + 0.5) * pixelSize;
    }

    /** Lon/lat of a UTM point, into {@code out[0]}, {@code out[1]}. */
    void lonLat(double x, double y, double[] out) {
        var p = new ProjCoordinate();
        toLonLat.transform(new ProjCoordinate(x, y), p);
        out[0] = p.x;
        out[1] = p.y;
    }

    /** World (sinusoidal) coordinates of the pixel centres of {@code row}, columns {@code 0..width-1}. */
    void world(int row, double[] wx, double[] wy) {
        int j = row / NODE;
        double fy = (row % NODE) / (double) NODE;
        int top = j * nodesAcross;
        int bottom = top + nodesAcross;
        for (int i = 0; i * NODE < width; i++) {
            double x0 = nodeX[top + i] + (nodeX[bottom + i] - nodeX[top + i]) * fy;
            double y0 = nodeY[top + i] + (nodeY[bottom + i] - nodeY[top + i]) * fy;
            double x1 = nodeX[top + i + 1] + (nodeX[bottom + i + 1] - nodeX[top + i + 1]) * fy;
            double y1 = nodeY[top + i + 1] + (nodeY[bottom + i + 1] - nodeY[top + i + 1]) * fy;
            double dx = (x1 - x0) / NODE;
            double dy = (y1 - y0) / NODE;
            int end = Math.min(width, (i + 1) * NODE);
            for (int c = i * NODE, k = 0; c < end; c++, k++) {
                wx[c] = x0 + dx * k;
                wy[c] = y0 + dy * k;
            }
        }
    }

    /** The edges that cross rows {@code first..first+rows-1}, to rasterise one band without looking at all. */
    double[] edgesOf(int first, int rows) {
        double top = originY - first * pixelSize;
        double bottom = originY - (first + rows) * pixelSize;
        var kept = new double[edges.length];
        int n = 0;
        for (int e = 0; e < edges.length; e += 4) {
            double lo = Math.min(edges[e + 1], edges[e + 3]);
            double hi = Math.max(edges[e + 1], edges[e + 3]);
            if (hi >= bottom && lo <= top) {
                System.arraycopy(edges, e, kept, n, 4);
                n += 4;
            }
        }
        return Arrays.copyOf(kept, n);
    }

    /**
     * Marks with 1 the pixels of {@code row} whose centre is inside the AOI (even-odd rule over all rings, so holes
     * and multipolygons come out right), 0 the others; {@code bandEdges} from {@link #edgesOf}.
     */
    void inside(int row, double[] bandEdges, byte[] mask, double[] scratch) {
        Arrays.fill(mask, 0, width, (byte) 0);
        double y = rowY(row);
        int n = 0;
        for (int e = 0; e < bandEdges.length; e += 4) {
            double y1 = bandEdges[e + 1];
            double y2 = bandEdges[e + 3];
            if ((y1 > y) != (y2 > y)) {
                double x1 = bandEdges[e];
                scratch[n++] = x1 + (y - y1) * (bandEdges[e + 2] - x1) / (y2 - y1);
            }
        }
        Arrays.sort(scratch, 0, n);
        for (int k = 0; k + 1 < n; k += 2) {
            int from = (int) Math.max(0, Math.ceil((scratch[k] - originX) / pixelSize - 0.5));
            int to = (int) Math.min(width - 1, Math.floor((scratch[k + 1] - originX) / pixelSize - 0.5));
            if (from <= to) {
                Arrays.fill(mask, from, to + 1, (byte) 1);
            }
        }
    }

    /** Room {@link #inside} needs for its crossings. */
    int maxCrossings() {
        return edges.length / 4 + 1;
    }
}
