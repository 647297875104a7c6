package org.isotherm.product;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.isotherm.aoi.AoiSummary;
import org.jspecify.annotations.Nullable;

/**
 * A product and the rules an order for it must satisfy. Every limit is a value from the {@code products} table;
 * a null limit means "none", so the same checks serve every product and operators change rules without a
 * release.
 *
 * @param maxBboxWidthM largest AOI bounding-box width in metres, as {@code UtmMeasures} computes it
 * @param minLeadDays whole UTC calendar days from the order's creation date to its start date; null when the start
 *     may lie in the past (an archive order)
 * @param coverageMinLat southern edge of the warranted coverage band, degrees
 * @param options the boolean product options an order may set in {@code product_options}
 */
public record Product(
        String name,
        String title,
        String description,
        double resolutionM,
        @Nullable Double maxBboxWidthM,
        @Nullable Double maxBboxHeightM,
        @Nullable Integer minLeadDays,
        @Nullable Integer minPeriodDays,
        @Nullable Integer maxPeriodDays,
        List<Frequency> frequencies,
        double coverageMinLat,
        double coverageMaxLat,
        List<String> options) {

    /** The terms of one order that the product's rules judge. */
    public record Terms(
            Instant startDate,
            Instant endDate,
            Frequency frequency,
            Map<String, Boolean> productOptions,
            Instant created) {}

    /**
     * The first rule that {@code terms} for {@code aoi} break, as a sentence naming the product and the rule, or
     * empty when the order may be placed.
     */
    public Optional<String> violation(Terms terms, AoiSummary aoi) {
        if (!frequencies.contains(terms.frequency())) {
            return Optional.of(name + " allows the frequencies " + frequencyList() + ", not "
                    + terms.frequency().wire());
        }
        for (var option : terms.productOptions().keySet()) {
            if (!options.contains(option)) {
                return Optional.of(name + " offers "
                        + (options.isEmpty()
                                ? "no product options"
                                : "the product options " + String.join(", ", options))
                        + ", not " + option);
            }
        }
        if (maxBboxWidthM != null && aoi.bboxWidth() > maxBboxWidthM) {
            return Optional.of(name + " requires an AOI bounding box at most " + metres(maxBboxWidthM)
                    + " m wide; the AOI is " + metres(aoi.bboxWidth()) + " m wide");
        }
        if (maxBboxHeightM != null && aoi.bboxHeight() > maxBboxHeightM) {
            return Optional.of(name + " requires an AOI bounding box at most " + metres(maxBboxHeightM)
                    + " m high; the AOI is " + metres(aoi.bboxHeight()) + " m high");
        }
        if (minLeadDays != null) {
            var earliest = LocalDate.ofInstant(terms.created(), ZoneOffset.UTC).plusDays(minLeadDays);
            if (LocalDate.ofInstant(terms.startDate(), ZoneOffset.UTC).isBefore(earliest)) {
                return Optional.of(name + " requires the start date at least " + minLeadDays
                        + " days after order creation (on or after " + earliest + ")");
            }
        }
        var period = Duration.between(terms.startDate(), terms.endDate());
        if (minPeriodDays != null && period.compareTo(Duration.ofDays(minPeriodDays)) < 0) {
            return Optional.of(
                    name + " requires an order period of at least " + minPeriodDays + " days; it is " + days(period));
        }
        if (maxPeriodDays != null && period.compareTo(Duration.ofDays(maxPeriodDays)) > 0) {
            return Optional.of(
                    name + " allows an order period of at most " + maxPeriodDays + " days; it is " + days(period));
        }
        return Optional.empty();
    }

    /** Why automatic validation rejects an order for {@code aoi}, or empty when it lies in the coverage band. */
    public Optional<String> coverageViolation(AoiSummary aoi) {
        if (aoi.minLat() < coverageMinLat || aoi.maxLat() > coverageMaxLat) {
            return Optional.of("The AOI spans latitudes " + aoi.minLat() + " to " + aoi.maxLat() + ", outside "
                    + name + "'s warranted coverage from " + latitude(coverageMinLat) + " to "
                    + latitude(coverageMaxLat));
        }
        return Optional.empty();
    }

    private String frequencyList() {
        return frequencies.stream().map(Frequency::wire).collect(Collectors.joining(", "));
    }

    private static String metres(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    private static String days(Duration period) {
        long seconds = period.toSeconds();
        return seconds % 86_400 == 0
                ? seconds / 86_400 + " days"
                : String.format(java.util.Locale.ROOT, "%.2f days", seconds / 86_400.0);
    }

    private static String latitude(double value) {
        return metres(Math.abs(value)) + "°" + (value < 0 ? "S" : "N");
    }
}
