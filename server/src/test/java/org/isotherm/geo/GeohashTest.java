package org.isotherm.geo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GeohashTest {

    @Test
    void encodesKnownPoints() {
        // Reference values from the geohash algorithm's original description and common test vectors.
        assertThat(Geohash.encode(57.64911, 10.40744, 11)).isEqualTo("u4pruydqqvj");
        assertThat(Geohash.encode(42.6, -5.6, 5)).isEqualTo("ezs42");
        assertThat(Geohash.encode(-25.382708, -49.265506, 8)).isEqualTo("6gkzwgjz");
    }
}
