package org.isotherm.fulfilment;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.isotherm.product.Frequency;
import org.jspecify.annotations.Nullable;

/**
 * When a product sees a place over an order's period, from the vendor's product facts (README, "Orders",
 * acquisition planning). Pure and deterministic: the passes over a place are fixed by the place alone, so two
 * orders on one field see the same passes, and a plan can be recomputed to the same result.
 *
 * <p>The thermal constellation (LSTprecision, LSTzoom) passes over a place every {@link #revisitDays} days, at one
 * of four local solar times in turn (10:30 and 13:30 by day, 22:30 and 01:30 by night), each pass by the next of
 * its four satellites. LSTfusion is one acquisition a day for 11:00 local solar time.
 */
final class AcquisitionPlanner {

    /** The constellation's local solar times of a pass, in the order successive passes take them. */
    private static final Duration[] PASS_TIMES = {
        Duration.ofMinutes(10 * 60 + 30), Duration.ofMinutes(22 * 60 + 30),
        Duration.ofMinutes(13 * 60 + 30), Duration.ofMinutes(60 + 30)
    };

    private static final String[] SATELLITES = {"SBA01", "SBA02", "SBA03", "SBA04"};
    private static final Duration FUSION_TIME = Duration.ofHours(11);
    /** Passes are counted from here, so that they do not depend on when an order starts. */
    private static final Instant EPOCH = Instant.parse("2020-01-01T00:00:00Z");

    /** A moment the product can acquire the place. */
    record Opportunity(Instant time, String satellite, boolean day) {}

    /**
     * One acquisition to deliver: the first of its candidates that is clear enough over the area, the others being
     * the fall-backs when it is not (for a single image, every later pass of the period).
     */
    record Window(Instant start, Instant end, List<Opportunity> candidates) {}

    /** What a plan depends on: the order's terms and where its area lies. */
    record Terms(
            String product,
            Instant start,
            Instant end,
            Frequency frequency,
            @Nullable String illumination,
            @Nullable Integer maximumImages,
            double longitude,
            double latitude) {}

    private AcquisitionPlanner() {}

    static List<Window> plan(Terms terms) {
        var opportunities = opportunities(terms);
        var windows = new ArrayList<Window>();
        switch (terms.frequency()) {
            case DAILY, MAX_FREQUENCY ->
                opportunities.forEach(o -> windows.add(new Window(o.time(), o.time(), List.of(o))));
            case SINGLE_IMAGE -> windows.add(new Window(terms.start(), terms.end(), opportunities));
            case WEEKLY, ONCE_EVERY_TWO_WEEKS, MONTHLY -> {
                var from = terms.start();
                for (int i = 1; from.isBefore(terms.end()); i++) {
                    var to = min(windowEnd(terms, i), terms.end());
                    var inside = within(opportunities, from, to);
                    if (!inside.isEmpty()) {
                        windows.add(new Window(from, to, inside));
                    }
                    from = to;
                }
            }
        }
        windows.removeIf(w -> w.candidates().isEmpty());
        int most = terms.maximumImages() == null ? Integer.MAX_VALUE : terms.maximumImages();
        return List.copyOf(windows.subList(0, Math.min(most, windows.size())));
    }

    /** Every opportunity in [start, end) that the illumination constraint allows, in time order. */
    static List<Opportunity> opportunities(Terms terms) {
        var found = new ArrayList<Opportunity>();
        if (terms.product().toLowerCase(Locale.ROOT).equals("lstfusion")) {
            if (!"night".equals(terms.illumination())) {
                var day = LocalDate.ofInstant(terms.start(), ZoneOffset.UTC).minusDays(1);
                for (; !solar(day, FUSION_TIME, terms.longitude()).isAfter(terms.end()); day = day.plusDays(1)) {
                    add(found, terms, new Opportunity(solar(day, FUSION_TIME, terms.longitude()), "FUSION", true));
                }
            }
            return found;
        }
        double revisit = revisitDays(terms.product(), terms.latitude());
        double phase = phase(terms.longitude(), terms.latitude()) * revisit;
        double sinceEpoch = Duration.between(EPOCH, terms.start()).toSeconds() / 86_400.0;
        long first = Math.max(0, (long) Math.floor((sinceEpoch - phase) / revisit) - 1);
        for (long pass = first; ; pass++) {
            var day = LocalDate.ofInstant(EPOCH, ZoneOffset.UTC).plusDays((long) Math.floor(phase + pass * revisit));
            int slot = (int) Math.floorMod(pass, 4L);
            var time = solar(day, PASS_TIMES[slot], terms.longitude());
            if (!time.isBefore(terms.end().plus(Duration.ofDays(1)))) {
                return found;
            }
            boolean byDay = slot % 2 == 0;
            var wanted = terms.illumination() == null || terms.illumination().equals(byDay ? "day" : "night");
            if (wanted) {
                add(found, terms, new Opportunity(time, SATELLITES[slot], byDay));
            }
        }
    }

    /**
     * Days between passes over a latitude: under 4 at the equator, under 3 at 40 degrees, under 2 from 60 degrees
     * (product sheet), linear between; LSTzoom, super-resolved from the same passes, 1.5 to 3 days.
     */
    static double revisitDays(String product, double latitude) {
        double lat = Math.min(90, Math.abs(latitude));
        double days = lat <= 40 ? 3.5 - lat / 40 : lat <= 60 ? 2.5 - (lat - 40) / 20 : 1.5;
        return product.toLowerCase(Locale.ROOT).equals("lstzoom") ? Math.min(3, days) : days;
    }

    /** Where in the revisit cycle a place lies, in [0, 1): fixed by the place, to about a kilometre. */
    private static double phase(double longitude, double latitude) {
        long x = Math.round(longitude * 100);
        long y = Math.round(latitude * 100);
        long h = x * 0x9E3779B97F4A7C15L ^ y * 0xC2B2AE3D27D4EB4FL;
        h ^= h >>> 31;
        h *= 0xBF58476D1CE4E5B9L;
        h ^= h >>> 29;
        return (h >>> 11) / (double) (1L << 53);
    }

    /** The UTC instant of a local solar time on a day at a longitude (15 degrees an hour). */
    private static Instant solar(LocalDate day, Duration localTime, double longitude) {
        long offsetSeconds = Math.round(longitude / 15 * 3600);
        return ZonedDateTime.of(day.atStartOfDay(), ZoneOffset.UTC)
                .toInstant()
                .plus(localTime)
                .minusSeconds(offsetSeconds);
    }

    private static void add(List<Opportunity> found, Terms terms, Opportunity opportunity) {
        if (!opportunity.time().isBefore(terms.start()) && opportunity.time().isBefore(terms.end())) {
            found.add(opportunity);
        }
    }

    private static Instant windowEnd(Terms terms, int index) {
        var start = ZonedDateTime.ofInstant(terms.start(), ZoneOffset.UTC);
        return switch (terms.frequency()) {
            case WEEKLY -> start.plusWeeks(index).toInstant();
            case ONCE_EVERY_TWO_WEEKS -> start.plusWeeks(2L * index).toInstant();
            default -> start.plusMonths(index).toInstant();
        };
    }

    private static List<Opportunity> within(List<Opportunity> opportunities, Instant from, Instant to) {
        return opportunities.stream()
                .filter(o -> !o.time().isBefore(from) && o.time().isBefore(to))
                .toList();
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
