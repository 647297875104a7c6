package org.isotherm.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import org.isotherm.fulfilment.AcquisitionPlanner.Opportunity;
import org.isotherm.fulfilment.AcquisitionPlanner.Terms;
import org.isotherm.product.Frequency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AcquisitionPlannerTest {

    private static final Instant START = Instant.parse("2026-07-01T00:00:00Z");

    private static Terms terms(String product, Frequency frequency, int days, String illumination, Integer most) {
        return new Terms(product, START, START.plus(Duration.ofDays(days)), frequency, illumination, most, 11.5, 51.4);
    }

    /** The local solar time of an opportunity at a longitude, to the minute. */
    private static LocalTime solarTime(Opportunity o, double longitude) {
        return o.time()
                .plusSeconds(Math.round(longitude / 15 * 3600))
                .atOffset(ZoneOffset.UTC)
                .toLocalTime()
                .withSecond(0)
                .withNano(0);
    }

    @Test
    void plansLstFusionDailyForElevenLocalSolarTime() {
        var plan = AcquisitionPlanner.plan(terms("LSTfusion", Frequency.DAILY, 7, null, null));

        assertThat(plan).hasSize(7);
        assertThat(plan).allSatisfy(w -> {
            assertThat(w.candidates()).singleElement();
            assertThat(solarTime(w.candidates().get(0), 11.5)).isEqualTo(LocalTime.of(11, 0));
        });
    }

    @ParameterizedTest
    @CsvSource({"0, 3.0, 4.0", "40, 2.0, 3.0", "-40, 2.0, 3.0", "70, 1.0, 2.0"})
    void revisitsAsOftenAsTheProductSheetSaysAtEachLatitude(double latitude, double fewest, double most) {
        var terms = new Terms(
                "LSTprecision",
                START,
                START.plus(Duration.ofDays(365)),
                Frequency.MAX_FREQUENCY,
                null,
                null,
                20,
                latitude);

        var passes = AcquisitionPlanner.opportunities(terms);

        double meanGap = 365.0 / passes.size();
        assertThat(meanGap).isBetween(fewest, most);
        for (int i = 1; i < passes.size(); i++) {
            assertThat(passes.get(i).time()).isAfter(passes.get(i - 1).time());
        }
    }

    @Test
    void passesAtTheFourLocalSolarTimesAndKeepsDayOrNightWhenAsked() {
        var all = AcquisitionPlanner.opportunities(terms("LSTprecision", Frequency.MAX_FREQUENCY, 120, null, null));
        var day = AcquisitionPlanner.opportunities(terms("LSTprecision", Frequency.MAX_FREQUENCY, 120, "day", null));
        var night =
                AcquisitionPlanner.opportunities(terms("LSTprecision", Frequency.MAX_FREQUENCY, 120, "night", null));

        assertThat(all.stream().map(o -> solarTime(o, 11.5)).distinct())
                .containsExactlyInAnyOrder(
                        LocalTime.of(1, 30), LocalTime.of(10, 30), LocalTime.of(13, 30), LocalTime.of(22, 30));
        assertThat(day).allMatch(Opportunity::day).isNotEmpty();
        assertThat(day.stream().map(o -> solarTime(o, 11.5)).distinct())
                .containsExactlyInAnyOrder(LocalTime.of(10, 30), LocalTime.of(13, 30));
        assertThat(night).noneMatch(Opportunity::day).isNotEmpty();
        assertThat(day.size() + night.size()).isEqualTo(all.size());
        assertThat(all.stream().map(Opportunity::satellite).distinct()).hasSize(4);
    }

    @Test
    void seesAPlaceOnTheSamePassesWhateverTheOrder() {
        var early = new Terms(
                "LSTprecision",
                START,
                START.plus(Duration.ofDays(60)),
                Frequency.MAX_FREQUENCY,
                null,
                null,
                11.5,
                51.4);
        var late = new Terms(
                "LSTprecision",
                START.plus(Duration.ofDays(20)),
                START.plus(Duration.ofDays(90)),
                Frequency.MAX_FREQUENCY,
                null,
                null,
                11.5,
                51.4);

        var overlap = AcquisitionPlanner.opportunities(early).stream()
                .filter(o -> !o.time().isBefore(late.start()))
                .toList();

        assertThat(AcquisitionPlanner.opportunities(late).subList(0, overlap.size()))
                .isEqualTo(overlap);
        assertThat(AcquisitionPlanner.opportunities(late)).isNotEqualTo(AcquisitionPlanner.opportunities(early));
    }

    @ParameterizedTest
    @ValueSource(strings = {"weekly", "once_every_two_weeks", "monthly"})
    void cutsThePeriodIntoWindowsWithTheirPassesAsCandidates(String wire) {
        var frequency = Frequency.parse(wire).orElseThrow();
        var terms = terms("LSTprecision", frequency, 100, null, null);

        var plan = AcquisitionPlanner.plan(terms);

        int expected = switch (frequency) {
            case WEEKLY -> 15;
            case ONCE_EVERY_TWO_WEEKS -> 8;
            default -> 4;
        };
        assertThat(plan).hasSize(expected);
        assertThat(plan.get(0).start()).isEqualTo(START);
        assertThat(plan.get(plan.size() - 1).end()).isEqualTo(terms.end());
        for (int i = 0; i < plan.size(); i++) {
            var window = plan.get(i);
            if (i > 0) {
                assertThat(window.start()).isEqualTo(plan.get(i - 1).end());
            }
            assertThat(window.candidates())
                    .isNotEmpty()
                    .allMatch(
                            o -> !o.time().isBefore(window.start()) && o.time().isBefore(window.end()));
        }
        assertThat(plan.stream().mapToInt(w -> w.candidates().size()).sum())
                .isEqualTo(AcquisitionPlanner.opportunities(terms).size());
    }

    @Test
    void plansASingleImageAsOneWindowWithEveryLaterPassAsFallBack() {
        var terms = terms("LSTprecision", Frequency.SINGLE_IMAGE, 30, "day", 1);

        var plan = AcquisitionPlanner.plan(terms);

        assertThat(plan).singleElement();
        assertThat(plan.get(0).candidates()).isEqualTo(AcquisitionPlanner.opportunities(terms));
    }

    @Test
    void stopsAtTheMaximumNumberOfImages() {
        assertThat(AcquisitionPlanner.plan(terms("LSTprecision", Frequency.MAX_FREQUENCY, 60, null, 5)))
                .hasSize(5);
        assertThat(AcquisitionPlanner.plan(terms("LSTfusion", Frequency.DAILY, 30, null, 3)))
                .hasSize(3);
    }

    @Test
    void keepsEveryOpportunityInsideThePeriodForAnyPlace() {
        var random = new Random(11);
        for (int i = 0; i < 200; i++) {
            var start = START.plus(Duration.ofMinutes(random.nextInt(500_000)));
            var end = start.plus(Duration.ofMinutes(1 + random.nextInt(200_000)));
            for (var product : List.of("LSTprecision", "LSTzoom", "LSTfusion")) {
                var terms = new Terms(
                        product,
                        start,
                        end,
                        product.equals("LSTfusion") ? Frequency.DAILY : Frequency.MAX_FREQUENCY,
                        null,
                        null,
                        random.nextDouble() * 360 - 180,
                        random.nextDouble() * 100 - 50);

                assertThat(AcquisitionPlanner.opportunities(terms))
                        .as("%s", terms)
                        .allMatch(o -> !o.time().isBefore(start) && o.time().isBefore(end));
            }
        }
    }

    @Test
    void revisitsLstZoomWithinOneAndAHalfToThreeDays() {
        assertThat(AcquisitionPlanner.revisitDays("LSTzoom", 0)).isEqualTo(3.0);
        assertThat(AcquisitionPlanner.revisitDays("LSTzoom", 75)).isEqualTo(1.5);
    }
}
