package org.isotherm.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FieldPathsTest {

    @Test
    void turnsBeanPathIntoLocWithIntegerIndices() {
        assertThat(FieldPaths.toJson("orders[0].startDate")).containsExactly("orders", 0, "start_date");
        assertThat(FieldPaths.toJson("tags[12]")).containsExactly("tags", 12);
        assertThat(FieldPaths.toJson("name")).containsExactly("name");
    }

    @Test
    void snakeCasesCamelCaseNames() {
        assertThat(FieldPaths.snakeCase("areaOfInterestId")).isEqualTo("area_of_interest_id");
        assertThat(FieldPaths.snakeCase("bbox")).isEqualTo("bbox");
    }
}
