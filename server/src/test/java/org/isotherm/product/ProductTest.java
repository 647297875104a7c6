package org.isotherm.product;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.isotherm.aoi.AoiSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProductTest {

    static final Product PRECISION = new Product(
            "LSTprecision",
            "LSTprecision",
            "",
            30,
            15_000.0,
            15_000.0,
            8,
            7,
            365,
            List.of(
                    Frequency.SINGLE_IMAGE,
                    Frequency.MAX_FREQUENCY,
                    Frequency.ONCE_EVERY_TWO_WEEKS,
                    Frequency.MONTHLY,
                    Frequency.WEEKLY),
            -50,
            55,
            List.of("sharpened_10m"));

    static final Product FUSION = new Product(
            "LSTfusion",
            "LSTfusion",
            "",
            30,
            null,
            null,
            null,
            null,
            null,
            List.of(Frequency.DAILY),
            -50,
            55,
            List.of());

    static final Instant CREATED = Instant.parse("2026-03-10T23:59:59Z");

    static AoiSummary aoi(double width, double height, double minLat, double maxLat) {
        return new AoiSummary(UUID.randomUUID(), UUID.randomUUID(), "a", width, height, 1, 0, minLat, 1, maxLat);
    }

    static Product.Terms terms(Instant start, Duration period, Frequency frequency) {
        return new Product.Terms(start, start.plus(period), frequency, Map.of(), CREATED);
    }

    @Test
    void countsLeadTimeInCalendarDaysFromTheCreationDate() {
        var ok = terms(Instant.parse("2026-03-18T00:00:00Z"), Duration.ofDays(7), Frequency.WEEKLY);
        var early = terms(Instant.parse("2026-03-17T23:59:59.999999Z"), Duration.ofDays(7), Frequency.WEEKLY);

        assertThat(PRECISION.violation(ok, aoi(1, 1, 0, 1))).isEmpty();
        assertThat(PRECISION.violation(early, aoi(1, 1, 0, 1)))
                .contains("LSTprecision requires the start date at least 8 days after order creation (on or after"
                        + " 2026-03-18)");
    }

    @Test
    void fusionHasNoSizeOrPeriodLimits() {
        var terms = terms(CREATED, Duration.ofDays(5000), Frequency.DAILY);
        var archive = terms(CREATED.minus(Duration.ofDays(400)), Duration.ofDays(410), Frequency.DAILY);

        assertThat(FUSION.violation(terms, aoi(1e6, 1e6, 0, 1))).isEmpty();
        assertThat(FUSION.violation(archive, aoi(1, 1, 0, 1))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void acceptsEveryOrderWithinTheLimitsAndRejectsEveryOneBeyond(long seed) {
        var random = new Random(seed);
        for (int i = 0; i < 200; i++) {
            double width = random.nextDouble() * 30_000;
            double height = random.nextDouble() * 30_000;
            long periodSeconds = (long) (random.nextDouble() * 400 * 86_400) + 1;
            int leadDays = random.nextInt(20);
            // from noon, whole days of lead time are whole calendar days
            var noon = Instant.parse("2026-03-10T12:00:00Z");
            var start = noon.plus(Duration.ofDays(leadDays));
            var terms = new Product.Terms(start, start.plusSeconds(periodSeconds), Frequency.MONTHLY, Map.of(), noon);
            boolean valid = width <= 15_000
                    && height <= 15_000
                    && leadDays >= 8
                    && periodSeconds >= 7 * 86_400
                    && periodSeconds <= 365 * 86_400;

            assertThat(PRECISION.violation(terms, aoi(width, height, 0, 1)).isEmpty())
                    .as("width %s height %s lead %s period %ss", width, height, leadDays, periodSeconds)
                    .isEqualTo(valid);
        }
    }

    @Test
    void checksTheCoverageBand() {
        assertThat(PRECISION.coverageViolation(aoi(1, 1, -50, 55))).isEmpty();
        assertThat(PRECISION.coverageViolation(aoi(1, 1, -50.5, -49.5)))
                .contains("The AOI spans latitudes -50.5 to -49.5, outside LSTprecision's warranted coverage from"
                        + " 50°S to 55°N");
    }

    @Test
    void readsCanonicalFrequenciesAndHyphenatedAliases() {
        assertThat(Frequency.parse("single-image")).contains(Frequency.SINGLE_IMAGE);
        assertThat(Frequency.parse("once-every-two-weeks")).contains(Frequency.ONCE_EVERY_TWO_WEEKS);
        assertThat(Frequency.parse("max_frequency")).contains(Frequency.MAX_FREQUENCY);
        assertThat(Frequency.parse("Daily")).isEmpty();
        assertThat(Frequency.SINGLE_IMAGE.wire()).isEqualTo("single_image");
    }
}
