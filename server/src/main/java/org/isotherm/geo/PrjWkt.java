package org.isotherm.geo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.Proj4jException;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * Turns the WKT 1 of a Shapefile's {@code .prj} (OGC or ESRI flavour; GDAL writes ESRI's) into a transform to
 * WGS84 lon/lat with proj4j, which reads PROJ.4 parameters and EPSG codes but no WKT. A CRS naming an EPSG
 * {@code AUTHORITY} uses proj4j's EPSG table; otherwise the datum, prime meridian, projection and parameters are
 * mapped to PROJ.4 parameters for the projections AOIs are commonly drawn in (transverse Mercator and UTM,
 * Gauss-Krüger, Mercator and web Mercator, Lambert conformal conic, Albers, Lambert azimuthal equal area, polar
 * and oblique stereographic, equirectangular). Anything else, and any datum whose shift to WGS84 is unknown, is
 * rejected with a message naming it rather than guessed.
 */
final class PrjWkt {

    private static final CRSFactory CRS = new CRSFactory();
    private static final CoordinateReferenceSystem WGS84 = CRS.createFromName("EPSG:4326");

    /**
     * Datums within about a metre of WGS84 (for AOI outlines the difference is below what matters), and a few
     * common older ones with their published 7-parameter shifts (EPSG transformations 1777, 1311/OSGB, 1133).
     */
    private static final Map<String, String> DATUMS = Map.ofEntries(
            Map.entry("wgs1984", "+towgs84=0,0,0"),
            Map.entry("wgs84", "+towgs84=0,0,0"),
            Map.entry("worldgeodeticsystem1984", "+towgs84=0,0,0"),
            Map.entry("etrs1989", "+towgs84=0,0,0"),
            Map.entry("europeanterrestrialreferencesystem1989", "+towgs84=0,0,0"),
            Map.entry("northamerican1983", "+towgs84=0,0,0"),
            Map.entry("northamericandatum1983", "+towgs84=0,0,0"),
            Map.entry("gda1994", "+towgs84=0,0,0"),
            Map.entry("geocentricdatumofaustralia1994", "+towgs84=0,0,0"),
            Map.entry("gda2020", "+towgs84=0,0,0"),
            Map.entry("geocentricdatumofaustralia2020", "+towgs84=0,0,0"),
            Map.entry("nzgd2000", "+towgs84=0,0,0"),
            Map.entry("newzealandgeodeticdatum2000", "+towgs84=0,0,0"),
            Map.entry("sirgas2000", "+towgs84=0,0,0"),
            Map.entry("deutscheshauptdreiecksnetz", "+towgs84=598.1,73.7,418.2,0.202,0.045,-2.455,6.7"),
            Map.entry("osgb1936", "+towgs84=446.448,-125.157,542.06,0.15,0.247,0.842,-20.489"),
            Map.entry("europeandatum1950", "+towgs84=-87,-98,-121"));

    private PrjWkt() {}

    /** A function from the file's coordinates (x, y) to WGS84 (lon, lat). */
    static Function<double[], double[]> toWgs84(String wkt) {
        var root = new Parser(wkt).parse();
        var source = crs(root);
        var transform = new CoordinateTransformFactory().createTransform(source, WGS84);
        return xy -> {
            var out = new ProjCoordinate();
            try {
                transform.transform(new ProjCoordinate(xy[0], xy[1]), out);
            } catch (Proj4jException e) {
                throw new AreaFileException("A coordinate (" + xy[0] + ", " + xy[1]
                        + ") cannot be converted to longitude/latitude from the .prj's coordinate reference system");
            }
            return new double[] {out.x, out.y};
        };
    }

    private static CoordinateReferenceSystem crs(Node root) {
        var epsg = epsgCode(root);
        if (epsg != null) {
            try {
                return CRS.createFromName("EPSG:" + epsg);
            } catch (RuntimeException e) {
                // an EPSG code proj4j does not know: fall back on the parameters
            }
        }
        var parameters = switch (root.keyword) {
            case "GEOGCS" -> "+proj=longlat " + geographic(root);
            case "PROJCS" -> projected(root);
            default ->
                throw new AreaFileException("The .prj describes a " + root.keyword
                        + " coordinate reference system; only GEOGCS and PROJCS (WKT 1) are supported");
        };
        try {
            return CRS.createFromParameters(root.name(), parameters + " +no_defs");
        } catch (RuntimeException e) {
            throw new AreaFileException(
                    "The .prj's coordinate reference system '" + root.name() + "' is not supported: " + e.getMessage());
        }
    }

    private static @Nullable String epsgCode(Node node) {
        var authority = node.child("AUTHORITY");
        if (authority != null
                && authority.values.size() == 2
                && "EPSG".equalsIgnoreCase(String.valueOf(authority.values.get(0)))) {
            var code = String.valueOf(authority.values.get(1));
            if (code.endsWith(".0")) {
                code = code.substring(0, code.length() - 2);
            }
            return code.matches("\\d{1,6}") ? code : null;
        }
        return null;
    }

    private static String geographic(Node geogcs) {
        var datum = require(geogcs, "DATUM");
        var spheroid = require(datum, "SPHEROID");
        double a = spheroid.number(1);
        double inverseFlattening = spheroid.number(2);
        var out = new StringBuilder();
        out.append("+a=").append(a);
        // the semi-minor axis, because proj4j 1.4 mishandles +rf and +f
        out.append(" +b=").append(inverseFlattening == 0 ? a : a * (1 - 1 / inverseFlattening));
        var towgs84 = datum.child("TOWGS84");
        if (towgs84 != null) {
            var shift = new ArrayList<String>();
            for (int i = 0; i < towgs84.values.size(); i++) {
                shift.add(String.valueOf(towgs84.number(i)));
            }
            out.append(" +towgs84=").append(String.join(",", shift));
        } else {
            var name = normalise(datum.name());
            if (name.startsWith("d") && !DATUMS.containsKey(name) && DATUMS.containsKey(name.substring(1))) {
                name = name.substring(1);
            }
            var known = DATUMS.get(name);
            if (known == null) {
                throw new AreaFileException("The .prj's datum '" + datum.name()
                        + "' is unknown and has no TOWGS84 shift, so it cannot be converted to WGS84;"
                        + " reproject the file to EPSG:4326 first (e.g. ogr2ogr -t_srs EPSG:4326)");
            }
            out.append(' ').append(known);
        }
        var primem = geogcs.child("PRIMEM");
        if (primem != null && primem.number(1) != 0) {
            out.append(" +pm=").append(primem.number(1));
        }
        var unit = geogcs.child("UNIT");
        if (unit != null && Math.abs(unit.number(1) - Math.PI / 180) > 1e-12) {
            throw new AreaFileException(
                    "The .prj's angular unit '" + unit.name() + "' is not supported; only degrees are");
        }
        return out.toString();
    }

    private static String projected(Node projcs) {
        var geographic = geographic(require(projcs, "GEOGCS"));
        var projection = require(projcs, "PROJECTION").name();
        var unit = projcs.child("UNIT");
        double toMetre = unit == null ? 1 : unit.number(1);
        var p = new HashMap<String, Double>();
        for (var child : projcs.children("PARAMETER")) {
            p.put(normalise(child.name()), child.number(1));
        }
        double x0 = p.getOrDefault("falseeasting", 0.0) * toMetre;
        double y0 = p.getOrDefault("falsenorthing", 0.0) * toMetre;
        double lon0 = first(p, "centralmeridian", "longitudeofcenter", "longitudeoforigin", "longitudeofcentre");
        double lat0 = first(p, "latitudeoforigin", "latitudeofcenter", "latitudeofcentre");
        double k0 = p.containsKey("scalefactor") ? p.get("scalefactor") : 1.0;
        double lat1 = first(p, "standardparallel1");
        double lat2 = p.containsKey("standardparallel2") ? p.get("standardparallel2") : lat1;
        var proj = switch (normalise(projection)) {
            case "transversemercator", "gausskruger" ->
                "+proj=tmerc +lat_0=" + lat0 + " +lon_0=" + lon0 + " +k_0=" + k0 + " " + geographic;
            case "mercator", "mercator1sp" -> "+proj=merc +lon_0=" + lon0 + " +k_0=" + k0 + " " + geographic;
            case "mercator2sp" -> "+proj=merc +lon_0=" + lon0 + " +lat_ts=" + lat1 + " " + geographic;
            case "mercatorauxiliarysphere", "popularvisualisationpseudomercator" ->
                "+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=" + lon0 + " +k=1 +nadgrids=@null";
            case "lambertconformalconic", "lambertconformalconic2sp" ->
                "+proj=lcc +lat_1=" + lat1 + " +lat_2=" + lat2 + " +lat_0=" + lat0 + " +lon_0=" + lon0 + " +k_0=" + k0
                        + " " + geographic;
            case "lambertconformalconic1sp" ->
                "+proj=lcc +lat_1=" + lat0 + " +lat_0=" + lat0 + " +lon_0=" + lon0 + " +k_0=" + k0 + " " + geographic;
            case "albers", "albersconicequalarea" ->
                "+proj=aea +lat_1=" + lat1 + " +lat_2=" + lat2 + " +lat_0=" + lat0 + " +lon_0=" + lon0 + " "
                        + geographic;
            case "lambertazimuthalequalarea" -> "+proj=laea +lat_0=" + lat0 + " +lon_0=" + lon0 + " " + geographic;
            case "obliquestereographic", "doublestereographic" ->
                "+proj=sterea +lat_0=" + lat0 + " +lon_0=" + lon0 + " +k_0=" + k0 + " " + geographic;
            case "polarstereographic", "stereographicnorthpole", "stereographicsouthpole" -> {
                double ts = p.containsKey("standardparallel1") ? lat1 : lat0;
                double pole = ts < 0 || normalise(projection).endsWith("southpole") ? -90 : 90;
                double lon = p.containsKey("straightverticallongitudefrompole")
                        ? p.get("straightverticallongitudefrompole")
                        : lon0;
                yield "+proj=stere +lat_0=" + pole + " +lat_ts=" + ts + " +lon_0=" + lon + " +k_0=" + k0 + " "
                        + geographic;
            }
            case "equirectangular", "platecarree", "equidistantcylindrical" ->
                "+proj=eqc +lat_ts=" + lat1 + " +lon_0=" + lon0 + " " + geographic;
            default ->
                throw new AreaFileException("The .prj's projection '" + projection + "' is not supported;"
                        + " reproject the file to EPSG:4326 first (e.g. ogr2ogr -t_srs EPSG:4326)");
        };
        return proj + " +x_0=" + x0 + " +y_0=" + y0 + " +units=m";
    }

    private static double first(Map<String, Double> parameters, String... names) {
        for (var name : names) {
            var value = parameters.get(name);
            if (value != null) {
                return value;
            }
        }
        return 0;
    }

    private static Node require(Node node, String keyword) {
        var child = node.child(keyword);
        if (child == null) {
            throw new AreaFileException("The .prj's " + node.keyword + " has no " + keyword);
        }
        return child;
    }

    private static String normalise(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /** One {@code KEYWORD[value, ...]} of WKT; values are strings, numbers or nested nodes. */
    private record Node(String keyword, List<Object> values) {

        String name() {
            return values.isEmpty() ? "" : String.valueOf(values.get(0));
        }

        double number(int index) {
            if (index >= values.size() || !(values.get(index) instanceof Double d)) {
                throw new AreaFileException(
                        "The .prj's " + keyword + "[" + name() + "] lacks a number at position " + (index + 1));
            }
            return d;
        }

        @Nullable
        Node child(String keyword) {
            for (var value : values) {
                if (value instanceof Node node && node.keyword.equals(keyword)) {
                    return node;
                }
            }
            return null;
        }

        List<Node> children(String keyword) {
            var out = new ArrayList<Node>();
            for (var value : values) {
                if (value instanceof Node node && node.keyword.equals(keyword)) {
                    out.add(node);
                }
            }
            return out;
        }
    }

    /** A recursive-descent reader of WKT 1 ({@code [ ]} or {@code ( )} brackets). */
    private static final class Parser {
        private static final int MAX_DEPTH = 20;
        private final String text;
        private int at;

        Parser(String text) {
            this.text = text.strip();
        }

        Node parse() {
            if (text.isEmpty()) {
                throw new AreaFileException("The .prj file is empty");
            }
            var node = node(0);
            skipSpace();
            if (at != text.length()) {
                throw invalid("unexpected text after the end");
            }
            return node;
        }

        private Node node(int depth) {
            if (depth > MAX_DEPTH) {
                throw invalid("nested too deeply");
            }
            var keyword = word();
            skipSpace();
            if (at >= text.length() || (text.charAt(at) != '[' && text.charAt(at) != '(')) {
                throw invalid("expected '[' after " + keyword);
            }
            at++;
            var values = new ArrayList<Object>();
            while (true) {
                skipSpace();
                if (at >= text.length()) {
                    throw invalid("missing closing bracket of " + keyword);
                }
                char c = text.charAt(at);
                if (c == '"') {
                    int end = text.indexOf('"', at + 1);
                    if (end < 0) {
                        throw invalid("unterminated string");
                    }
                    values.add(text.substring(at + 1, end));
                    at = end + 1;
                } else if (c == '-' || c == '+' || c == '.' || Character.isDigit(c)) {
                    int start = at;
                    while (at < text.length() && "+-.eE0123456789".indexOf(text.charAt(at)) >= 0) {
                        at++;
                    }
                    try {
                        values.add(Double.parseDouble(text.substring(start, at)));
                    } catch (NumberFormatException e) {
                        throw invalid("bad number '" + text.substring(start, at) + "'");
                    }
                } else if (Character.isLetter(c)) {
                    int save = at;
                    var word = word();
                    skipSpace();
                    if (at < text.length() && (text.charAt(at) == '[' || text.charAt(at) == '(')) {
                        at = save;
                        values.add(node(depth + 1));
                    } else {
                        values.add(word);
                    }
                } else {
                    throw invalid("unexpected '" + c + "'");
                }
                skipSpace();
                if (at >= text.length()) {
                    throw invalid("missing closing bracket of " + keyword);
                }
                char next = text.charAt(at++);
                if (next == ']' || next == ')') {
                    return new Node(keyword.toUpperCase(Locale.ROOT), values);
                }
                if (next != ',') {
                    throw invalid("expected ',' or a closing bracket in " + keyword);
                }
            }
        }

        private String word() {
            int start = at;
            while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_')) {
                at++;
            }
            if (start == at) {
                throw invalid("expected a keyword");
            }
            return text.substring(start, at);
        }

        private void skipSpace() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        private AreaFileException invalid(String problem) {
            return new AreaFileException("The .prj file is not valid WKT: " + problem + " at character " + at);
        }
    }
}
