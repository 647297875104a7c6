package org.isotherm.geo;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;

/**
 * Reads the one polygon of an ESRI Shapefile (the 1998 ESRI technical description): the {@code .shp} geometry,
 * the {@code .dbf} only for its record count, the {@code .prj} for the coordinate reference system. No maintained
 * Shapefile reader is available without GeoTools, which is not served to this build; polygons are the only shape
 * needed, and their format is small and fixed, so every length and index below is checked against the bytes
 * present before it is used.
 */
final class ShapefileReader {

    private static final int FILE_CODE = 9994;
    private static final int HEADER = 100;

    private ShapefileReader() {}

    /** The polygon's rings in WGS84 lon/lat, exterior first. */
    static List<Coordinate[]> read(byte[] shp, byte[] dbf, String prj) {
        var toWgs84 = PrjWkt.toWgs84(prj);
        var rings = polygonRings(shp);
        int dbfRecords = dbfRecordCount(dbf);
        if (dbfRecords != 1) {
            throw new AreaFileException("The .dbf holds " + dbfRecords + " records but the .shp holds one shape");
        }
        return reproject(rings, toWgs84);
    }

    private static List<Coordinate[]> polygonRings(byte[] shp) {
        var buffer = ByteBuffer.wrap(shp);
        try {
            if (shp.length < HEADER || buffer.order(ByteOrder.BIG_ENDIAN).getInt(0) != FILE_CODE) {
                throw new AreaFileException("The .shp file is not a Shapefile (bad header)");
            }
            int shapeType = buffer.order(ByteOrder.LITTLE_ENDIAN).getInt(32);
            requirePolygons(shapeType);
            long declared = 2L * (buffer.order(ByteOrder.BIG_ENDIAN).getInt(24) & 0xffffffffL);
            if (declared > shp.length) {
                throw new AreaFileException(
                        "The .shp file is cut short: its header declares " + declared + " bytes, it has " + shp.length);
            }
            int end = (int) declared;
            int position = HEADER;
            List<Coordinate[]> found = null;
            int records = 0;
            while (position < end) {
                if (position + 8 > end) {
                    throw new AreaFileException("The .shp file is corrupt: a record header is cut short");
                }
                int contentBytes = 2 * buffer.order(ByteOrder.BIG_ENDIAN).getInt(position + 4);
                int content = position + 8;
                if (contentBytes < 4 || content + (long) contentBytes > end) {
                    throw new AreaFileException(
                            "The .shp file is corrupt: record " + (records + 1) + " does not fit in the file");
                }
                records++;
                if (records > 1) {
                    throw new AreaFileException("The Shapefile holds several features; exactly one polygon is needed");
                }
                found = record(buffer.order(ByteOrder.LITTLE_ENDIAN), content, contentBytes);
                position = content + contentBytes;
            }
            if (found == null) {
                throw new AreaFileException("The Shapefile holds no features; exactly one polygon is needed");
            }
            return found;
        } catch (IndexOutOfBoundsException | BufferUnderflowException e) {
            throw new AreaFileException("The .shp file is corrupt: it ends inside a record");
        }
    }

    private static List<Coordinate[]> record(ByteBuffer le, int content, int length) {
        int type = le.getInt(content);
        if (type == 0) {
            throw new AreaFileException("The Shapefile's feature has no geometry (a null shape)");
        }
        requirePolygons(type);
        if (length < 44) {
            throw new AreaFileException("The .shp file is corrupt: the polygon record is too short");
        }
        int parts = le.getInt(content + 36);
        int points = le.getInt(content + 40);
        if (parts < 1 || points < 0 || points > GeoJson.MAX_VERTICES) {
            if (points > GeoJson.MAX_VERTICES) {
                throw new InvalidGeometryException("The polygon has more than " + GeoJson.MAX_VERTICES + " vertices");
            }
            throw new AreaFileException(
                    "The .shp file is corrupt: the polygon has " + parts + " parts and " + points + " points");
        }
        long needed = 44L + 4L * parts + 16L * points;
        if (needed > length) {
            throw new AreaFileException("The .shp file is corrupt: the polygon's points do not fit in its record");
        }
        int pointsAt = content + 44 + 4 * parts;
        var rings = new ArrayList<Coordinate[]>(parts);
        for (int part = 0; part < parts; part++) {
            int from = le.getInt(content + 44 + 4 * part);
            int to = part + 1 < parts ? le.getInt(content + 44 + 4 * (part + 1)) : points;
            if (from < 0 || to > points || from >= to) {
                throw new AreaFileException("The .shp file is corrupt: ring " + part + " has bad point indices");
            }
            var ring = new Coordinate[to - from];
            for (int i = from; i < to; i++) {
                int at = pointsAt + 16 * i;
                ring[i - from] = new Coordinate(le.getDouble(at), le.getDouble(at + 8));
            }
            rings.add(ring);
        }
        return shellFirst(rings);
    }

    /**
     * Shapefile rings carry their role in their orientation: outer rings clockwise, holes counter-clockwise. An
     * AOI needs exactly one outer ring.
     */
    private static List<Coordinate[]> shellFirst(List<Coordinate[]> rings) {
        Coordinate[] shell = null;
        var holes = new ArrayList<Coordinate[]>();
        for (var ring : rings) {
            if (ring.length < 4) {
                throw new InvalidGeometryException("A ring of the Shapefile's polygon has " + ring.length
                        + " positions; a ring needs at least 4 (the last repeating the first)");
            }
            if (Orientation.isCCW(ring)) {
                holes.add(ring);
            } else if (shell == null) {
                shell = ring;
            } else {
                throw new AreaFileException(
                        "The Shapefile's feature holds several separate polygons; exactly one polygon is needed");
            }
        }
        if (shell == null) {
            throw new AreaFileException("The Shapefile's polygon has no outer (clockwise) ring");
        }
        var ordered = new ArrayList<Coordinate[]>();
        ordered.add(shell);
        ordered.addAll(holes);
        return ordered;
    }

    private static List<Coordinate[]> reproject(List<Coordinate[]> rings, Function<double[], double[]> toWgs84) {
        var out = new ArrayList<Coordinate[]>(rings.size());
        for (int r = 0; r < rings.size(); r++) {
            var ring = rings.get(r);
            var projected = new Coordinate[ring.length];
            for (int i = 0; i < ring.length; i++) {
                var lonLat = toWgs84.apply(new double[] {ring[i].x, ring[i].y});
                projected[i] = new Coordinate(lonLat[0], lonLat[1]);
            }
            out.add(projected);
        }
        return out;
    }

    private static void requirePolygons(int shapeType) {
        var kind = switch (shapeType) {
            case 5, 15, 25 -> null;
            case 1, 11, 21 -> "points";
            case 8, 18, 28 -> "multipoints";
            case 3, 13, 23 -> "lines";
            case 31 -> "multipatches";
            case 0 -> "null shapes";
            default -> "shapes of unknown type " + shapeType;
        };
        if (kind != null) {
            throw new AreaFileException("The Shapefile holds " + kind + "; an area of interest must be a polygon");
        }
    }

    private static int dbfRecordCount(byte[] dbf) {
        if (dbf.length < 32) {
            throw new AreaFileException("The .dbf file is corrupt: it is shorter than its header");
        }
        var header = ByteBuffer.wrap(dbf).order(ByteOrder.LITTLE_ENDIAN);
        int version = dbf[0] & 0x07;
        if (version != 3 && version != 4) {
            throw new AreaFileException("The .dbf file is not a dBASE table");
        }
        return header.getInt(4);
    }

    /** The text of a {@code .prj}, which GDAL and ArcGIS write in ASCII (or UTF-8). */
    static String text(byte[] prj) {
        return new String(prj, StandardCharsets.UTF_8);
    }
}
