package org.isotherm.housekeeping;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The daily purge: one db-scheduler recurring task, so one node runs it per day whatever the cluster size. Each kind
 * is purged on its own: one failing (logged, and the task marked failed) does not keep the others from running.
 */
@Configuration(proxyBeanMethods = false)
class PurgeTask {

    static final String TASK = "housekeeping-purge";

    private static final Logger log = LoggerFactory.getLogger(PurgeTask.class);

    private final List<Purge> purges;
    private final HousekeepingProperties properties;
    private final Clock clock;

    PurgeTask(List<Purge> purges, HousekeepingProperties properties, Clock clock) {
        this.purges = purges;
        this.properties = properties;
        this.clock = clock;
    }

    @Bean
    RecurringTask<Void> housekeepingPurgeTask() {
        return Tasks.recurring(TASK, Schedules.cron(properties.purgeCron(), ZoneOffset.UTC))
                .execute((instance, context) -> purge(clock.instant(), properties.purgeBatchSize()));
    }

    /**
     * Purges every kind as of {@code now}.
     *
     * @return rows deleted per kind
     */
    Map<String, Long> purge(Instant now, int batchSize) {
        var deleted = new LinkedHashMap<String, Long>();
        RuntimeException failure = null;
        for (var purge : purges) {
            try {
                deleted.put(purge.what(), purge.purge(now, batchSize));
            } catch (RuntimeException e) {
                log.error("Purge of {} failed", purge.what(), e);
                failure = e;
            }
        }
        log.info("Purged {}", deleted);
        if (failure != null) {
            throw failure;
        }
        return deleted;
    }
}
