package org.isotherm.notify;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The recurring task that retries e-mails left pending ({@link Mailer#retryDue()}). db-scheduler runs one execution
 * at a time for the whole cluster; the claims in the outbox would keep two runs from sending one e-mail anyway.
 */
@Configuration(proxyBeanMethods = false)
class MailRetry {

    static final String TASK = "mail-retry";

    @Bean
    RecurringTask<Void> mailRetryTask(Mailer mailer, MailProperties properties) {
        return Tasks.recurring(TASK, Schedules.fixedDelay(properties.retry().interval()))
                .execute((instance, context) -> mailer.retryDue());
    }
}
