package org.isotherm.geo;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Coordinate;

/**
 * Reads the one polygon of a KML 2.2 document with the JDK's StAX parser (JTS 1.20 no longer ships a KML reader),
 * with DTDs and external entities off so that an upload cannot make the server fetch or expand anything.
 * Geometry elements are counted wherever they are nested (Placemark, Folder, MultiGeometry), so a file with
 * several polygons, or with points or lines beside its polygon, is refused by name rather than half read.
 */
final class KmlReader {

    private static final XMLInputFactory XML = factory();

    private KmlReader() {}

    /** A polygon read from KML: its rings in lon/lat, exterior first, and the Placemark's name if it has one. */
    record KmlPolygon(List<Coordinate[]> rings, @Nullable String name) {}

    static KmlPolygon read(byte[] kml) {
        try {
            var reader = XML.createXMLStreamReader(new ByteArrayInputStream(kml));
            try {
                return read(reader);
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            var message = e.getMessage() == null ? "unreadable XML" : e.getMessage();
            throw new AreaFileException("The KML file is not well-formed XML: " + firstLine(message));
        }
    }

    private static KmlPolygon read(XMLStreamReader reader) throws XMLStreamException {
        var polygons = new ArrayList<List<Coordinate[]>>();
        int points = 0;
        int lines = 0;
        int vertices = 0;
        boolean root = true;
        List<Coordinate[]> polygon = null;
        String boundary = null;
        boolean outerSeen = false;
        String name = null;
        int placemarkDepth = -1;
        int depth = 0;
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
                switch (reader.getLocalName()) {
                    case "Polygon" -> polygon = null;
                    case "outerBoundaryIs", "innerBoundaryIs" -> boundary = null;
                    case "Placemark" -> placemarkDepth = -1;
                    default -> {}
                }
                continue;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            depth++;
            var element = reader.getLocalName();
            if (root) {
                if (!element.equals("kml")) {
                    throw new AreaFileException(
                            "The file is XML but not KML: its root element is <" + element + ">, not <kml>");
                }
                root = false;
                continue;
            }
            switch (element) {
                case "Placemark" -> placemarkDepth = depth;
                case "name" -> {
                    if (placemarkDepth == depth - 1 && name == null) {
                        name = reader.getElementText().strip();
                        depth--;
                    }
                }
                case "Polygon" -> {
                    if (polygon != null) {
                        throw new AreaFileException("The KML nests a Polygon inside another Polygon");
                    }
                    polygon = new ArrayList<>();
                    polygons.add(polygon);
                    outerSeen = false;
                }
                case "outerBoundaryIs", "innerBoundaryIs" -> {
                    if (polygon != null) {
                        boundary = element;
                    }
                }
                case "Point" -> points++;
                case "LineString", "Track", "MultiTrack" -> lines++;
                case "LinearRing" -> {
                    if (polygon == null) {
                        lines++;
                    }
                }
                case "coordinates" -> {
                    var text = reader.getElementText();
                    depth--;
                    if (polygon != null && boundary != null) {
                        var ring = coordinates(text);
                        vertices += ring.length;
                        if (vertices > GeoJson.MAX_VERTICES) {
                            throw new InvalidGeometryException(
                                    "The polygon has more than " + GeoJson.MAX_VERTICES + " vertices");
                        }
                        if (boundary.equals("outerBoundaryIs")) {
                            if (outerSeen) {
                                throw new AreaFileException("The KML's Polygon has more than one outer boundary");
                            }
                            outerSeen = true;
                            polygon.add(0, ring);
                        } else {
                            polygon.add(ring);
                        }
                    }
                }
                default -> {}
            }
        }
        return new KmlPolygon(only(polygons, points, lines), name);
    }

    private static List<Coordinate[]> only(List<List<Coordinate[]>> polygons, int points, int lines) {
        var others = new ArrayList<String>();
        if (points > 0) {
            others.add(points + (points == 1 ? " point" : " points"));
        }
        if (lines > 0) {
            others.add(lines + (lines == 1 ? " line" : " lines"));
        }
        if (polygons.isEmpty()) {
            throw new AreaFileException(
                    "The KML holds no polygon" + (others.isEmpty() ? "" : ", only " + String.join(" and ", others))
                            + "; an area of interest must be one polygon");
        }
        if (polygons.size() > 1) {
            throw new AreaFileException(
                    "The KML holds " + polygons.size() + " polygons; exactly one polygon is needed");
        }
        if (!others.isEmpty()) {
            throw new AreaFileException("The KML holds a polygon and also " + String.join(" and ", others)
                    + "; exactly one polygon and nothing else is needed");
        }
        var rings = polygons.get(0);
        if (rings.isEmpty()) {
            throw new AreaFileException("The KML's Polygon has no outerBoundaryIs ring");
        }
        return rings;
    }

    private static Coordinate[] coordinates(String text) {
        var tuples = text.strip().split("\\s+");
        if (tuples.length == 1 && tuples[0].isEmpty()) {
            return new Coordinate[0];
        }
        var ring = new Coordinate[tuples.length];
        for (int i = 0; i < tuples.length; i++) {
            var parts = tuples[i].split(",");
            if (parts.length < 2 || parts.length > 3) {
                throw new AreaFileException(
                        "The KML's coordinates hold '" + shorten(tuples[i]) + "', which is not a lon,lat[,alt] tuple");
            }
            try {
                ring[i] = new Coordinate(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]));
            } catch (NumberFormatException e) {
                throw new AreaFileException(
                        "The KML's coordinates hold '" + shorten(tuples[i]) + "', which is not a lon,lat[,alt] tuple");
            }
        }
        return ring;
    }

    private static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }

    private static String firstLine(String message) {
        var text = message.contains("Message: ") ? message.substring(message.indexOf("Message: ") + 9) : message;
        int newline = text.indexOf('\n');
        return (newline < 0 ? text : text.substring(0, newline)).strip();
    }

    private static XMLInputFactory factory() {
        var factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }
}
