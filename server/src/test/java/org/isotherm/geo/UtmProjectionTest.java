package org.isotherm.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.ProjCoordinate;

/** The hand-written UTM projection against proj4j's extended transverse Mercator, on seeded random points. */
class UtmProjectionTest {

    @Test
    void agreesWithProj4jToAMicrometreAcrossZonesAndHemispheres() {
        var random = new Random(42);
        var factory = new CRSFactory();
        var out = new double[2];
        var reference = new ProjCoordinate();
        for (int trial = 0; trial < 2_000; trial++) {
            int zone = 1 + random.nextInt(60);
            boolean south = random.nextBoolean();
            // up to 5 degrees either side of the central meridian: beyond a zone, as bboxes spanning zones reach
            double lon = zone * 6 - 183 + (random.nextDouble() * 10 - 5);
            double lat = (south ? -1 : 1) * random.nextDouble() * 84;
            var proj4j = factory.createFromParameters(
                            null, "+proj=utm +zone=" + zone + (south ? " +south" : "") + " +datum=WGS84 +units=m")
                    .getProjection();

            new UtmProjection(zone, south).project(lon, lat, out);
            proj4j.project(new ProjCoordinate(lon, lat), reference);

            assertThat(out[0])
                    .as("easting of %s, %s in zone %d", lon, lat, zone)
                    .isCloseTo(reference.x, within(1e-6));
            assertThat(out[1])
                    .as("northing of %s, %s in zone %d", lon, lat, zone)
                    .isCloseTo(reference.y, within(1e-6));
        }
    }

    @Test
    void wrapsLongitudesAcrossTheAntimeridian() {
        var out = new double[2];
        var wrapped = new double[2];

        new UtmProjection(60, false).project(180, 65, out);
        new UtmProjection(60, false).project(-180, 65, wrapped);

        assertThat(wrapped[0]).isCloseTo(out[0], within(1e-6));
        assertThat(wrapped[1]).isCloseTo(out[1], within(1e-6));
    }
}
