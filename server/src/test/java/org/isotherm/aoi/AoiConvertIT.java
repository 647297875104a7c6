package org.isotherm.aoi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.isotherm.auth.Role;
import org.isotherm.support.Http;
import org.isotherm.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/** Uploads the ogr2ogr-made files of {@code src/test/resources/aoi/} (see {@code make-fixtures.sh} there). */
class AoiConvertIT extends IntegrationTest {

    private static final String BOUNDARY = "----isotherm-test-boundary";

    @Test
    void convertsKmlToAFeatureThatCreatesAnAoi() {
        var ws = fixtures.workspace();

        var response = upload(ws.http(), "field.kml", fixture("field.kml"));

        assertThat(response.status()).isEqualTo(200);
        var feature = response.json();
        assertThat(feature.get("type").asString()).isEqualTo("Feature");
        assertThat(feature.get("properties").get("name").asString()).isEqualTo("Test AOI");
        assertThat(feature.get("geometry").get("type").asString()).isEqualTo("Polygon");
        assertThat(ws.http().get("/areas-of-interest").json().get("count").asLong())
                .isZero();
        var created = ws.http().post("/areas-of-interest", "{\"name\":\"From KML\",\"geojson\":" + feature + "}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("bbox_width").doubleValue()).isEqualTo(1008.6);
    }

    @Test
    void convertsAZippedShapefileInUtm() {
        var response = upload(fixtures.workspace().http(), "field.zip", fixture("field-utm32n.zip"));

        assertThat(response.status()).isEqualTo(200);
        var first = response.json().get("geometry").get("coordinates").get(0).get(0);
        assertThat(first.get(0).doubleValue()).isCloseTo(8.68483, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(first.get(1).doubleValue()).isCloseTo(49.885416, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void rejectsBadFilesWith400NamingTheProblem() {
        var http = fixtures.workspace().http();

        assertBadRequest(http, "two-fields.kml", "The KML holds 2 polygons; exactly one polygon is needed");
        assertBadRequest(http, "line-wgs84.zip", "The Shapefile holds lines; an area of interest must be a polygon");
        assertBadRequest(
                http,
                "field-mollweide.zip",
                "The .prj's projection 'Mollweide' is not supported; reproject the file to EPSG:4326 first (e.g."
                        + " ogr2ogr -t_srs EPSG:4326)");
        assertBadRequest(
                http, "corrupt.zip", "The zip file is corrupt: it is cut short (no central directory at its end)");
    }

    @Test
    void rejectsKmlCoordinatesOutOfRangeOfNumbersWith400() {
        var kml = "<kml xmlns=\"http://www.opengis.net/kml/2.2\"><Placemark><Polygon><outerBoundaryIs><LinearRing>"
                + "<coordinates>1e400,1 2,1 2,2 1e400,1</coordinates></LinearRing></outerBoundaryIs></Polygon>"
                + "</Placemark></kml>";

        var response = upload(fixtures.workspace().http(), "huge.kml", kml.getBytes(StandardCharsets.UTF_8));

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
    }

    @Test
    void rejectsFilesAboveTenMegabytesWith413() {
        var big = new byte[10 * 1024 * 1024 + 1];

        var response = upload(fixtures.workspace().http(), "big.kml", big);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.body()).isEqualTo("{\"detail\":\"Request body too large\"}");
    }

    @Test
    void takesAFileOfExactlyTenMegabytes() {
        var kml = new String(fixture("field.kml"), StandardCharsets.UTF_8);
        var padding = " ".repeat(10 * 1024 * 1024 - kml.getBytes(StandardCharsets.UTF_8).length);
        var file = (kml.replace("</kml>", padding + "</kml>")).getBytes(StandardCharsets.UTF_8);

        var response = upload(fixtures.workspace().http(), "padded.kml", file);

        assertThat(file).hasSize(10 * 1024 * 1024);
        assertThat(response.status()).isEqualTo(200);
    }

    @Test
    void requiresTheFilePart() {
        var response = fixtures.workspace()
                .http()
                .send(
                        "POST",
                        "/areas-of-interest/convert",
                        "multipart/form-data; boundary=" + BOUNDARY,
                        ("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.body())
                .isEqualTo(
                        "{\"detail\":[{\"loc\":[\"body\",\"file\"],\"msg\":\"Field required\",\"type\":\"missing\"}]}");
    }

    @Test
    void letsViewersConvertButNotAnonymousCallers() {
        var ws = fixtures.workspace();

        assertThat(upload(ws.as(ws.user(Role.VIEWER)), "field.kml", fixture("field.kml"))
                        .status())
                .isEqualTo(200);
        assertThat(upload(http(), "field.kml", fixture("field.kml")).status()).isEqualTo(401);
    }

    private static void assertBadRequest(Http http, String file, String detail) {
        var response = upload(http, file, fixture(file));
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().get("detail").asString()).isEqualTo(detail);
    }

    static Http.Response upload(Http http, String filename, byte[] content) {
        var body = new ByteArrayOutputStream();
        var head = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
        body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(
                "POST", "/areas-of-interest/convert", "multipart/form-data; boundary=" + BOUNDARY, body.toByteArray());
    }

    static byte[] fixture(String name) {
        try (var in = AoiConvertIT.class.getResourceAsStream("/aoi/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
