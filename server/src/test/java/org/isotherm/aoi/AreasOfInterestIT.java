package org.isotherm.aoi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.isotherm.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** The lookups other features order against: workspace-scoped, deleted AOIs absent. */
class AreasOfInterestIT extends IntegrationTest {

    @Autowired
    AreasOfInterest areas;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void findsOwnLiveAoisWithTheirSizesAndBounds() {
        var ws = fixtures.workspace();
        var other = fixtures.workspace();
        var id = UUID.fromString(AoiIT.create(ws, "Mine"));
        var deleted = UUID.fromString(AoiIT.create(ws, "Gone"));
        var theirs = UUID.fromString(AoiIT.create(other, "Theirs"));
        ws.http().delete("/areas-of-interest/" + deleted);

        var found = areas.find(ws.id, id).orElseThrow();

        assertThat(found)
                .isEqualTo(new AoiSummary(
                        id, ws.id, "Mine", 1008.6, 1008.6, 1000056.7, 8.67091, 49.876383, 8.684889, 49.885416));
        assertThat(areas.find(ws.id, deleted)).isEmpty();
        assertThat(areas.find(ws.id, theirs)).isEmpty();
        assertThat(areas.findAll(ws.id, List.of(id, deleted, theirs)))
                .extracting(AoiSummary::id)
                .containsExactly(id);
        List<AoiSummary> locked = transactions.execute(status -> areas.findAllLocked(ws.id, List.of(id, theirs)));
        assertThat(locked).extracting(AoiSummary::id).containsExactly(id);
        assertThat(areas.findAll(ws.id, List.of())).isEmpty();
    }
}
