package org.isotherm.lst;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import tools.jackson.databind.json.JsonMapper;

class DeliveryWriterTest {

    private static final GeometryFactory GEOMETRY = new GeometryFactory();
    /** A clear summer day pass over the Hessisches Ried (sun high, 13:30 solar time). */
    private static final Instant SUMMER_DAY = Instant.parse("2026-07-08T12:55:00Z");

    private static final Map<String, @Nullable Object> VENDOR = Map.of("area_of_interest_name", "test field");

    @TempDir
    Path dir;

    /** A triangle-ish field about {@code km} across, so that part of its bbox lies outside the polygon. */
    static Geometry field(double lon, double lat, double km) {
        double dx = km / 111.32 / Math.cos(Math.toRadians(lat));
        double dy = km / 110.57;
        return GEOMETRY.createPolygon(new Coordinate[] {
            new Coordinate(lon, lat),
            new Coordinate(lon + dx, lat),
            new Coordinate(lon + dx, lat + dy),
            new Coordinate(lon + dx * 0.3, lat + dy * 0.6),
            new Coordinate(lon, lat)
        });
    }

    private Bundle write(String product, double pixel, boolean sharpened, Geometry area, Instant when, Path into)
            throws IOException {
        Files.createDirectories(into);
        var request = new SceneRequest(
                product, product.equals("LSTfusion") ? "FUSION" : "SBA01", when, area, pixel, sharpened, VENDOR);
        return DeliveryWriter.write(request, into);
    }

    @Test
    void writesEveryFileOfTheBundleWithItsSizeAndChecksum() throws IOException {
        var bundle = write("LSTprecision", 30, false, field(8.45, 49.80, 3), SUMMER_DAY, dir);

        assertThat(bundle.files())
                .extracting(BundleFile::role)
                .containsExactly("lst", "quicklook", "scl", "thumbnail", "metadata");
        for (var file : bundle.files()) {
            assertThat(file.path()).exists().hasParent(dir);
            assertThat(file.size()).isEqualTo(Files.size(file.path()));
            assertThat(file.sha256Hex()).hasSize(64);
        }
        try (var listing = Files.list(dir)) {
            assertThat(listing).as("no spill files left").hasSize(5);
        }
    }

    @Test
    void writesTheLstAsUint16CogInTheAoisUtmZoneWithNodataOutsideThePolygon() throws IOException {
        var bundle = write("LSTprecision", 30, false, field(8.45, 49.80, 3), SUMMER_DAY, dir);

        var info = CogInspector.inspect(bundle.file("lst").orElseThrow().path());
        assertThat(info.epsg()).isEqualTo(32632);
        assertThat(info.bitsPerSample()).containsExactly(16);
        assertThat(info.nodata()).isEqualTo("65535");
        assertThat(info.compression()).isEqualTo(8);
        assertThat(info.tileWidth()).isEqualTo(512);
        assertThat(info.cloudOptimized()).isTrue();
        assertThat(info.width()).isEqualTo(bundle.width());
        assertThat(info.transform()).containsExactly(bundle.transform());
        // the polygon covers a bit over half its bbox: the rest of the raster is nodata
        assertThat(bundle.statistics().validPercent()).isBetween(40.0, 75.0);
        assertThat(bundle.epsg()).isEqualTo(32632);
        assertThat(bundle.projBbox()[2] - bundle.projBbox()[0]).isEqualTo(30.0 * bundle.width());
    }

    @Test
    void givesPlausibleSummerDayAndNightTemperaturesWithADayNightContrast() throws IOException {
        var area = field(8.45, 49.80, 3);
        var day = write("LSTprecision", 30, false, area, SUMMER_DAY, dir.resolve("day"));
        var night = write("LSTprecision", 30, false, area, Instant.parse("2026-07-08T23:40:00Z"), dir.resolve("night"));

        assertThat(day.statistics().mean()).isBetween(295.0, 325.0);
        assertThat(night.statistics().mean()).isBetween(275.0, 300.0);
        assertThat(day.statistics().mean() - night.statistics().mean()).isGreaterThan(8);
        assertThat(day.statistics().minimum()).isGreaterThanOrEqualTo(SyntheticLst.MIN_KELVIN);
        assertThat(day.statistics().maximum()).isLessThanOrEqualTo(SyntheticLst.MAX_KELVIN);
        assertThat(day.sunElevation()).isGreaterThan(50);
        assertThat(night.sunElevation()).isNegative();
    }

    @Test
    void isDeterministicForAPlaceAndTime() throws IOException {
        var area = field(8.45, 49.80, 3);
        var first = write("LSTprecision", 30, false, area, SUMMER_DAY, dir.resolve("a"));
        var second = write("LSTprecision", 30, false, area, SUMMER_DAY, dir.resolve("b"));

        for (var role : new String[] {"lst", "quicklook", "scl", "thumbnail"}) {
            assertThat(second.file(role).orElseThrow().sha256Hex())
                    .as(role)
                    .isEqualTo(first.file(role).orElseThrow().sha256Hex());
        }
    }

    @Test
    void makesTheSclAt30mForA10mProductAndTheSharpenedLstWhenOrdered() throws IOException {
        var zoom = write("LSTzoom", 10, false, field(8.45, 49.80, 2), SUMMER_DAY, dir.resolve("zoom"));
        var precision = write("LSTprecision", 30, true, field(8.45, 49.80, 2), SUMMER_DAY, dir.resolve("sharp"));

        var lst10 = CogInspector.inspect(zoom.file("lst").orElseThrow().path());
        var scl = CogInspector.inspect(zoom.file("scl").orElseThrow().path());
        assertThat(lst10.pixelScaleX()).isEqualTo(10);
        assertThat(scl.pixelScaleX()).isEqualTo(30);
        assertThat(scl.width()).isCloseTo((lst10.width() + 2) / 3, within(1));
        assertThat(zoom.file("sharpened")).isEmpty();

        var sharpened =
                CogInspector.inspect(precision.file("sharpened").orElseThrow().path());
        assertThat(sharpened.pixelScaleX()).isEqualTo(10);
        assertThat(sharpened.epsg()).isEqualTo(32632);
        assertThat(sharpened.cloudOptimized()).isTrue();
    }

    @Test
    void writesAThumbnailOf256PixelsOnItsLongerSide() throws IOException {
        var bundle = write("LSTprecision", 30, false, field(8.45, 49.80, 5), SUMMER_DAY, dir);

        var image = ImageIO.read(bundle.file("thumbnail").orElseThrow().path().toFile());
        assertThat(Math.max(image.getWidth(), image.getHeight())).isEqualTo(256);
    }

    @Test
    void writesTheVendorMetadataWithWhatTheSceneComputed() throws IOException {
        var bundle = write("LSTprecision", 30, false, field(8.45, 49.80, 3), SUMMER_DAY, dir);

        var metadata = JsonMapper.builder()
                .build()
                .readTree(bundle.file("metadata").orElseThrow().path());
        assertThat(metadata.get("area_of_interest_name").asString()).isEqualTo("test field");
        assertThat(metadata.get("scene_datetime").asString()).isEqualTo("2026-07-08T12:55:00Z");
        assertThat(metadata.get("proj:epsg").asInt()).isEqualTo(32632);
        assertThat(metadata.get("median_lst").asDouble())
                .isCloseTo(bundle.statistics().median(), within(0.01));
        assertThat(metadata.get("cloud_ratio_aoi").asDouble()).isBetween(0.0, 1.0);
        assertThat(metadata.get("bbox")).hasSize(4);
        assertThat(metadata.get("geometry").get("type").asString()).isEqualTo("Polygon");
        assertThat(metadata.get("proj:shape").get(1).asInt()).isEqualTo(bundle.width());
    }

    @Test
    void agreesWithGdalOnStatisticsGeoreferencingAndCogLayout() throws IOException {
        Gdal.assumeInstalled();
        // 20 km: over 512 px, so the files have overviews
        var bundle = write("LSTprecision", 30, false, field(8.45, 49.80, 20), SUMMER_DAY, dir);
        var lst = bundle.file("lst").orElseThrow().path();

        for (var role : new String[] {"lst", "quicklook", "scl"}) {
            Gdal.validate(bundle.file(role).orElseThrow().path());
        }
        var info = Gdal.info(lst);
        assertThat(info.at("/coordinateSystem/wkt").asString()).contains("UTM zone 32N");
        var band = info.get("bands").get(0);
        assertThat(band.get("type").asString()).isEqualTo("UInt16");
        assertThat(band.get("noDataValue").asDouble()).isEqualTo(65535);
        assertThat(band.get("scale").asDouble()).isEqualTo(0.01);
        assertThat(band.get("unit").asString()).isEqualTo("K");
        assertThat(band.get("overviews")).isNotEmpty();
        var s = bundle.statistics();
        assertThat(band.get("minimum").asDouble() * 0.01).isCloseTo(s.minimum(), within(0.005));
        assertThat(band.get("maximum").asDouble() * 0.01).isCloseTo(s.maximum(), within(0.005));
        assertThat(band.get("mean").asDouble() * 0.01).isCloseTo(s.mean(), within(0.01));
        assertThat(band.get("stdDev").asDouble() * 0.01).isCloseTo(s.stddev(), within(0.01));
        assertThat(info.at("/geoTransform/0").asDouble()).isEqualTo(bundle.transform()[2]);
        assertThat(info.at("/geoTransform/3").asDouble()).isEqualTo(bundle.transform()[5]);
    }
}
