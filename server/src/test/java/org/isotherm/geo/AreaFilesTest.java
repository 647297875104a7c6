package org.isotherm.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import tools.jackson.databind.JsonNode;

/** Converts the files of {@code src/test/resources/aoi/}, made by {@code make-fixtures.sh} with GDAL's ogr2ogr. */
class AreaFilesTest {

    /**
     * The guide's AOI, which every "field" fixture holds in some format and coordinate reference system; its source
     * ring is clockwise, so the converter, which orients shells counter-clockwise (RFC 7946), gives it reversed.
     */
    private static final double[][] FIELD = {
        {8.68483, 49.885416}, {8.67091, 49.885378}, {8.670971, 49.876383}, {8.684889, 49.876422}, {8.68483, 49.885416}
    };

    @Test
    void readsKmlWrittenByOgr2ogr() {
        var feature = AreaFiles.toFeature(fixture("field.kml"));

        assertThat(feature.get("type").asString()).isEqualTo("Feature");
        assertThat(feature.get("properties").get("name").asString()).isEqualTo("Test AOI");
        assertField(feature.get("geometry"), 1e-12);
    }

    @Test
    void readsKmlHoles() {
        var geometry = AreaFiles.toFeature(fixture("holed.kml")).get("geometry");

        assertThat(geometry.get("coordinates").size()).isEqualTo(2);
        assertThat(ring(geometry, 1)[0]).isEqualTo(new Coordinate(8.675, 49.88));
        assertThat(Orientation.isCCW(ring(geometry, 0))).isTrue();
        assertThat(Orientation.isCCW(ring(geometry, 1))).isFalse();
    }

    /** Each CRS as GDAL writes it to a .prj (ESRI WKT); proj4j must bring the outline back within 10 cm. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "field-wgs84.zip",
                "field-utm32n.zip",
                "field-etrs89-utm32n.zip",
                "field-webmercator.zip",
            })
    void readsZippedShapefilesInCommonCrs(String file) {
        var feature = AreaFiles.toFeature(fixture(file));

        assertThat(feature.get("properties").get("name").asString()).isEqualTo(file.replace(".zip", ""));
        assertField(feature.get("geometry"), 1e-6);
    }

    @Test
    void appliesTheDatumShiftOfOlderDatums() {
        // DHDN / Gauss-Krüger zone 3: GDAL shifts with its own choice of transformation, proj4j with the
        // 7-parameter one of EPSG:1777, so the two agree to about a metre.
        assertField(AreaFiles.toFeature(fixture("field-dhdn-gk3.zip")).get("geometry"), 2e-5);
    }

    @Test
    void readsShapefileHolesAndOrientsRingsAsRfc7946() {
        var geometry = AreaFiles.toFeature(fixture("holed-utm32n.zip")).get("geometry");

        assertThat(geometry.get("coordinates").size()).isEqualTo(2);
        assertThat(Orientation.isCCW(ring(geometry, 0))).isTrue();
        assertThat(Orientation.isCCW(ring(geometry, 1))).isFalse();
        assertThat(ring(geometry, 1)[0].x).isCloseTo(8.675, within(1e-6));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "two-fields.kml | The KML holds 2 polygons; exactly one polygon is needed",
                "line.kml | The KML holds no polygon, only 1 line; an area of interest must be one polygon",
                "points.kml | The KML holds no polygon, only 1 point; an area of interest must be one polygon",
                "corrupt.kml | The KML file is not well-formed XML: ",
                "field-mollweide.zip | The .prj's projection 'Mollweide' is not supported; reproject the file to"
                        + " EPSG:4326 first (e.g. ogr2ogr -t_srs EPSG:4326)",
                "field-unknown-datum.zip | The .prj's datum 'D_unknown' is unknown and has no TOWGS84 shift",
                "two-fields-utm32n.zip | The Shapefile holds several features; exactly one polygon is needed",
                "empty-utm32n.zip | The Shapefile holds no features; exactly one polygon is needed",
                "multi-utm32n.zip | The Shapefile's feature holds several separate polygons; exactly one polygon is"
                        + " needed",
                "line-wgs84.zip | The Shapefile holds lines; an area of interest must be a polygon",
                "points-wgs84.zip | The Shapefile holds points; an area of interest must be a polygon",
                "field-no-prj.zip | The zip lacks field-utm32n.prj (its coordinate reference system); a Shapefile"
                        + " needs its .shp, .dbf and .prj files",
                "field-no-dbf.zip | The zip lacks field-utm32n.dbf (its attribute table)",
                "field-no-shp.zip | The zip holds no .shp file (it holds ",
                "corrupt.zip | The zip file is corrupt",
                "field-cut-shp.zip | The .shp file is cut short: its header declares 236 bytes, it has 150",
            })
    void rejectsBadFilesNamingTheProblem(String file, String message) {
        assertThatThrownBy(() -> AreaFiles.toFeature(fixture(file)))
                .isInstanceOf(AreaFileException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void readsKmzAndRefusesZipsOfSeveralShapefiles() throws IOException {
        var kmz = zip(java.util.Map.of("doc.kml", fixture("field.kml")));
        var shp = fixture("field-utm32n.zip");
        var twoShapefiles = zip(java.util.Map.of("a.shp", shp, "b.shp", shp));

        assertField(AreaFiles.toFeature(kmz).get("geometry"), 1e-12);
        assertThatThrownBy(() -> AreaFiles.toFeature(twoShapefiles))
                .isInstanceOf(AreaFileException.class)
                .hasMessageStartingWith("The zip holds several Shapefiles (");
    }

    @Test
    void rejectsWhatIsNeitherKmlNorAZip() {
        assertThatThrownBy(() -> AreaFiles.toFeature(new byte[0])).hasMessage("The uploaded file is empty");
        assertThatThrownBy(() -> AreaFiles.toFeature("hello".getBytes(StandardCharsets.UTF_8)))
                .hasMessage("The file is neither KML nor a zipped Shapefile");
        assertThatThrownBy(() -> AreaFiles.toFeature("<gpx></gpx>".getBytes(StandardCharsets.UTF_8)))
                .hasMessage("The file is XML but not KML: its root element is <gpx>, not <kml>");
        assertThatThrownBy(() -> AreaFiles.toFeature(new byte[] {0, 0, 0x27, 0x0a, 0, 0}))
                .hasMessageStartingWith("Upload a Shapefile as a .zip");
    }

    @Test
    void refusesExternalEntities() {
        var kml = """
                <?xml version="1.0"?>
                <!DOCTYPE kml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <kml><Placemark><name>&xxe;</name></Placemark></kml>""";

        assertThatThrownBy(() -> AreaFiles.toFeature(kml.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(AreaFileException.class)
                .hasMessageStartingWith("The KML file is not well-formed XML");
    }

    @Test
    void checksKmlPolygonsLikeAnyArea() {
        var kml = """
                <kml><Placemark><Polygon><outerBoundaryIs><LinearRing><coordinates>
                0,0 2,2 2,0 0,2 0,0
                </coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark></kml>""";

        assertThatThrownBy(() -> AreaFiles.toFeature(kml.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidGeometryException.class)
                .hasMessage("Invalid polygon: Self-intersection at or near (1.0, 1.0)");
    }

    private static void assertField(JsonNode geometry, double tolerance) {
        assertThat(geometry.get("type").asString()).isEqualTo("Polygon");
        var ring = ring(geometry, 0);
        assertThat(ring).hasSize(FIELD.length);
        for (int i = 0; i < FIELD.length; i++) {
            assertThat(ring[i].x).as("lon " + i).isCloseTo(FIELD[i][0], within(tolerance));
            assertThat(ring[i].y).as("lat " + i).isCloseTo(FIELD[i][1], within(tolerance));
        }
    }

    private static Coordinate[] ring(JsonNode geometry, int index) {
        var positions = geometry.get("coordinates").get(index);
        var ring = new Coordinate[positions.size()];
        for (int i = 0; i < ring.length; i++) {
            ring[i] = new Coordinate(
                    positions.get(i).get(0).doubleValue(),
                    positions.get(i).get(1).doubleValue());
        }
        return ring;
    }

    private static byte[] zip(java.util.Map<String, byte[]> files) throws IOException {
        var bytes = new java.io.ByteArrayOutputStream();
        try (var zip = new java.util.zip.ZipOutputStream(bytes)) {
            for (var file : new java.util.TreeMap<>(files).entrySet()) {
                zip.putNextEntry(new java.util.zip.ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    static byte[] fixture(String name) {
        try (var in = AreaFilesTest.class.getResourceAsStream("/aoi/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
