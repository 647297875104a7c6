package org.isotherm.stac.cql2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SqlFragmentTest {

    @Test
    void namesThePlaceholdersInOrder() {
        var named = SqlFragment.of("(a < ?)", "x")
                .append(" AND ")
                .append(SqlFragment.of("b BETWEEN ? AND ?", 2L, 3.5))
                .append(SqlFragment.of(""))
                .named("f");

        assertThat(named.sql()).isEqualTo("(a < :f0) AND b BETWEEN :f1 AND :f2");
        assertThat(named.params()).containsExactly(Map.entry("f0", "x"), Map.entry("f1", 2L), Map.entry("f2", 3.5));
    }

    @Test
    void leavesQuestionMarksInQuotedTextAlone() {
        var named = SqlFragment.of("(properties->>'what?') = ? AND \"odd?name\" LIKE ? ESCAPE '\\'", "x", "y%")
                .named("f");

        assertThat(named.sql()).isEqualTo("(properties->>'what?') = :f0 AND \"odd?name\" LIKE :f1 ESCAPE '\\'");
        assertThat(named.params()).containsOnlyKeys("f0", "f1");
    }

    @Test
    void refusesPlaceholdersThatDoNotMatchTheParameters() {
        assertThatIllegalStateException()
                .isThrownBy(() -> SqlFragment.of("a = ? OR a = ?", 1L).named("f"));
        assertThatIllegalStateException().isThrownBy(() -> new SqlFragment("a = ?", List.of(1L, 2L)).named("f"));
    }
}
