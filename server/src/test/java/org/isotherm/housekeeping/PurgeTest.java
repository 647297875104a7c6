package org.isotherm.housekeeping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PurgeTest {

    @ParameterizedTest
    @CsvSource({"25, 10, 10;10;5", "20, 10, 10;10;0", "0, 10, 0", "9, 10, 9", "10, 1, 1;1;1;1;1;1;1;1;1;1;0"})
    void deletesBatchAfterBatchUntilOneComesBackShort(int rows, int batchSize, String expectedBatches) {
        var left = new int[] {rows};
        var batches = new ArrayList<String>();

        long total = Purge.inBatches(batchSize, () -> {
            int deleted = Math.min(left[0], batchSize);
            left[0] -= deleted;
            batches.add(String.valueOf(deleted));
            return deleted;
        });

        assertThat(total).isEqualTo(rows);
        assertThat(String.join(";", batches)).isEqualTo(expectedBatches);
    }
}
