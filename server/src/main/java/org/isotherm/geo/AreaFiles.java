package org.isotherm.geo;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipInputStream;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns an uploaded area file into a GeoJSON Feature holding its one polygon in WGS84: KML, KMZ (zipped KML) or a
 * zipped Shapefile with its {@code .prj}. The format is told by the content, not the file name. The result passes
 * the same checks as a polygon sent to {@code POST /areas-of-interest}, so it can be sent there as is.
 */
public final class AreaFiles {

    /** Most bytes a zip may expand to: far above any single-polygon Shapefile, far below a zip bomb's harm. */
    static final long MAX_UNZIPPED = 64L * 1024 * 1024;

    private static final int MAX_ZIP_ENTRIES = 1000;

    private AreaFiles() {}

    /** The Feature ({@code properties.name} from the KML Placemark or the Shapefile's name, when there is one). */
    public static ObjectNode toFeature(byte[] file) {
        if (file.length == 0) {
            throw new AreaFileException("The uploaded file is empty");
        }
        if (startsWith(file, 'P', 'K', 5, 6)) {
            throw new AreaFileException("The zip file is empty");
        }
        if (startsWith(file, 'P', 'K', 3, 4)) {
            return fromZip(unzip(file));
        }
        if (startsWith(file, 0, 0, 0x27, 0x0a)) {
            throw new AreaFileException(
                    "Upload a Shapefile as a .zip holding its .shp, .shx, .dbf and .prj files, not the .shp alone");
        }
        if (looksLikeXml(file)) {
            var kml = KmlReader.read(file);
            return feature(kml.rings(), kml.name());
        }
        throw new AreaFileException("The file is neither KML nor a zipped Shapefile");
    }

    private static ObjectNode fromZip(Map<String, byte[]> entries) {
        var shps = names(entries, ".shp");
        if (shps.isEmpty()) {
            var kmls = names(entries, ".kml");
            if (kmls.size() == 1) {
                var kml = KmlReader.read(entries.get(kmls.get(0)));
                return feature(kml.rings(), kml.name());
            }
            throw new AreaFileException("The zip holds no .shp file (it holds " + listing(entries) + ")");
        }
        if (shps.size() > 1) {
            throw new AreaFileException(
                    "The zip holds several Shapefiles (" + String.join(", ", shps) + "); upload one per file");
        }
        var base = shps.get(0).substring(0, shps.get(0).length() - 4);
        var dbf = part(entries, base, ".dbf");
        var prj = part(entries, base, ".prj");
        var rings = ShapefileReader.read(entries.get(shps.get(0)), dbf, ShapefileReader.text(prj));
        int slash = base.lastIndexOf('/');
        return feature(rings, base.substring(slash + 1));
    }

    private static byte[] part(Map<String, byte[]> entries, String base, String extension) {
        for (var entry : entries.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(base + extension)) {
                return entry.getValue();
            }
        }
        var what = extension.equals(".prj") ? "its coordinate reference system" : "its attribute table";
        throw new AreaFileException("The zip lacks " + base + extension + " (" + what + "); a Shapefile needs"
                + " its .shp, .dbf and .prj files (the zip holds " + listing(entries) + ")");
    }

    private static Map<String, byte[]> unzip(byte[] file) {
        if (!hasEndOfCentralDirectory(file)) {
            throw new AreaFileException("The zip file is corrupt: it is cut short (no central directory at its end)");
        }
        var entries = new LinkedHashMap<String, byte[]>();
        long total = 0;
        try (var zip = new ZipInputStream(new ByteArrayInputStream(file))) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entries.size() >= MAX_ZIP_ENTRIES) {
                    throw new AreaFileException("The zip holds more than " + MAX_ZIP_ENTRIES + " files");
                }
                var name = entry.getName();
                if (entry.isDirectory() || name.startsWith("__MACOSX/") || name.contains("/._")) {
                    continue;
                }
                var out = new ByteArrayOutputStream();
                var buffer = new byte[8192];
                for (int n = zip.read(buffer); n > 0; n = zip.read(buffer)) {
                    total += n;
                    if (total > MAX_UNZIPPED) {
                        throw new AreaFileException(
                                "The zip expands to more than " + MAX_UNZIPPED / (1024 * 1024) + " MB");
                    }
                    out.write(buffer, 0, n);
                }
                entries.put(name, out.toByteArray());
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new AreaFileException("The zip file is corrupt: " + e.getMessage());
        }
        if (entries.isEmpty()) {
            throw new AreaFileException("The zip file is corrupt or empty: it holds no files");
        }
        return entries;
    }

    private static List<String> names(Map<String, byte[]> entries, String extension) {
        var out = new ArrayList<String>();
        for (var name : entries.keySet()) {
            if (name.toLowerCase(Locale.ROOT).endsWith(extension)) {
                out.add(name);
            }
        }
        return out;
    }

    private static String listing(Map<String, byte[]> entries) {
        var names = new ArrayList<>(entries.keySet());
        return names.size() <= 10 ? String.join(", ", names) : String.join(", ", names.subList(0, 10)) + ", ...";
    }

    /** A Feature of the polygon, oriented as RFC 7946 asks, checked like any AOI. */
    private static ObjectNode feature(List<Coordinate[]> rings, @Nullable String name) {
        var nodes = JsonNodeFactory.instance;
        var coordinates = nodes.arrayNode();
        for (int r = 0; r < rings.size(); r++) {
            var ring = rings.get(r).clone();
            if (ring.length >= 4 && ring[0].equals2D(ring[ring.length - 1]) && Orientation.isCCW(ring) != (r == 0)) {
                java.util.Collections.reverse(java.util.Arrays.asList(ring));
            }
            var array = coordinates.addArray();
            for (var c : ring) {
                array.addArray().add(c.x).add(c.y);
            }
        }
        var geometry = nodes.objectNode();
        geometry.put("type", "Polygon");
        geometry.set("coordinates", coordinates);
        GeoJson.parse(geometry);
        var feature = nodes.objectNode();
        feature.put("type", "Feature");
        var properties = feature.putObject("properties");
        if (name != null && !name.isBlank()) {
            properties.put("name", name);
        }
        feature.set("geometry", geometry);
        return feature;
    }

    /** A zip ends with its central directory, whose end record sits in the last 64 KiB (+22 bytes). */
    private static boolean hasEndOfCentralDirectory(byte[] file) {
        int stop = Math.max(0, file.length - 65_557);
        for (int i = file.length - 22; i >= stop; i--) {
            if (file[i] == 'P' && file[i + 1] == 'K' && file[i + 2] == 5 && file[i + 3] == 6) {
                return true;
            }
        }
        return false;
    }

    private static boolean looksLikeXml(byte[] file) {
        for (int i = 0; i < Math.min(file.length, 1024); i++) {
            int b = file[i] & 0xff;
            if (b == '<') {
                return true;
            }
            // a UTF-8 byte order mark or whitespace may come first
            if (!(b == 0xef || b == 0xbb || b == 0xbf || Character.isWhitespace(b))) {
                return false;
            }
        }
        return false;
    }

    private static boolean startsWith(byte[] file, int... prefix) {
        if (file.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((file[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
