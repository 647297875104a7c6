package org.isotherm.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ListQueryTest {

    @ParameterizedTest
    @CsvSource({"-created, true", "created, false", "+created, false", "' created', false"})
    void readsEverySpellingOfTheSort(String sort, boolean newestFirst) {
        var errors = new ArrayList<ValidationError>();

        var query = ListQuery.of(10, 0, sort, errors);

        assertThat(errors).isEmpty();
        assertThat(query.newestFirst()).isEqualTo(newestFirst);
    }

    @ParameterizedTest
    @CsvSource({
        "0, 0, -created, limit, greater_than_equal",
        "1001, 0, -created, limit, less_than_equal",
        "10, -1, -created, offset, greater_than_equal",
        "10, 0, name, sort, literal_error"
    })
    void reportsEachBadParameterWithItsLocation(int limit, long offset, String sort, String name, String type) {
        var errors = new ArrayList<ValidationError>();

        ListQuery.of(limit, offset, sort, errors);

        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.loc()).containsExactly("query", name);
            assertThat(error.type()).isEqualTo(type);
        });
    }

    @ParameterizedTest
    @CsvSource({"1, 0", "1000, 10000"})
    void acceptsTheBoundaries(int limit, long offset) {
        var errors = new ArrayList<ValidationError>();

        var query = ListQuery.of(limit, offset, null, errors);

        assertThat(errors).isEmpty();
        assertThat(query.limit()).isEqualTo(limit);
        assertThat(query.newestFirst()).isTrue();
    }
}
