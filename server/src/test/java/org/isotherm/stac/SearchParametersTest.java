package org.isotherm.stac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.isotherm.web.BadRequestException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SearchParametersTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            nullValues = "null",
            value = {
                "2025-08-18T11:00:00Z|2025-08-18T11:00:00Z|2025-08-18T11:00:00Z",
                "2025-08-18t11:00:00z|2025-08-18T11:00:00Z|2025-08-18T11:00:00Z",
                "2025-08-18T13:00:00.5+02:00|2025-08-18T11:00:00.500Z|2025-08-18T11:00:00.500Z",
                "2025-01-01T00:00:00Z/2025-02-01T00:00:00Z|2025-01-01T00:00:00Z|2025-02-01T00:00:00Z",
                "2025-01-01T00:00:00Z/..|2025-01-01T00:00:00Z|null",
                "../2025-01-01T00:00:00Z|null|2025-01-01T00:00:00Z",
                "2025-01-01T00:00:00Z/|2025-01-01T00:00:00Z|null",
                "/2025-01-01T00:00:00Z|null|2025-01-01T00:00:00Z"
            })
    void acceptsRfc3339InstantsAndIntervals(String value, String start, String end) {
        var interval = SearchParameters.datetime(value);
        assertThat(interval.start()).isEqualTo(start == null ? null : Instant.parse(start));
        assertThat(interval.end()).isEqualTo(end == null ? null : Instant.parse(end));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2025-08-18",
                "2025-08-18T11:00Z",
                "2025-08-18T11:00:00",
                "yesterday",
                "../..",
                "/",
                "2025-02-01T00:00:00Z/2025-01-01T00:00:00Z",
                "2025-01-01T00:00:00Z/2025-02-01T00:00:00Z/2025-03-01T00:00:00Z",
                "2025-13-01T00:00:00Z"
            })
    void rejectsEverythingElse(String value) {
        assertThatThrownBy(() -> SearchParameters.datetime(value))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("datetime");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1,2,3", "1,2,3,4,5", "0,10,5,5", "-190,0,0,1", "0,0,1,91"})
    void rejectsMalformedBoxes(String csv) {
        var values = java.util.Arrays.stream(csv.split(","))
                .mapToDouble(Double::parseDouble)
                .toArray();
        assertThatThrownBy(() -> SearchParameters.bbox(values))
                .isInstanceOf(BadRequestException.class)
                .hasMessageStartingWith("Invalid bbox");
    }

    @ParameterizedTest
    @ValueSource(strings = {"170,-10,-170,10", "0,0,0,1,1,100"})
    void acceptsAntimeridianAndThreeDimensionalBoxes(String csv) {
        var values = java.util.Arrays.stream(csv.split(","))
                .mapToDouble(Double::parseDouble)
                .toArray();
        assertThat(SearchParameters.bbox(values)).containsExactly(values);
    }

    @ParameterizedTest
    @CsvSource({
        "'-datetime,+id',datetime,true,id,false",
        "'properties.eo:cloud_cover,-gsd',eo:cloud_cover,false,gsd,true"
    })
    void parsesGetSortby(String value, String first, boolean firstDescending, String second, boolean secondDescending) {
        var orders = SearchParameters.sortbyText(value);
        assertThat(orders).hasSize(2);
        assertThat(orders.get(0).key().name()).isEqualTo(first);
        assertThat(orders.get(0).descending()).isEqualTo(firstDescending);
        assertThat(orders.get(1).key().name()).isEqualTo(second);
        assertThat(orders.get(1).descending()).isEqualTo(secondDescending);
    }
}
