package org.isotherm.housekeeping;

import java.time.Instant;
import java.util.function.IntSupplier;

/**
 * Rows of one kind that a feature keeps only for a while. The feature owns the table and its retention; the daily
 * purge task ({@link PurgeTask}) calls every {@code Purge} bean.
 */
public interface Purge {

    /** What is purged, for the log ("mail outbox rows"). */
    String what();

    /**
     * Deletes the rows past retention at {@code now}, at most {@code batchSize} per statement, each statement in its
     * own short transaction, so that a large backlog never holds many locks for long.
     *
     * @return the number of rows deleted
     */
    long purge(Instant now, int batchSize);

    /**
     * Runs {@code deleteBatch} (one statement deleting at most {@code batchSize} rows, returning how many) until a
     * batch comes back short.
     */
    static long inBatches(int batchSize, IntSupplier deleteBatch) {
        long total = 0;
        int deleted;
        do {
            deleted = deleteBatch.getAsInt();
            total += deleted;
        } while (deleted >= batchSize);
        return total;
    }
}
