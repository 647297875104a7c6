package org.isotherm.account;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The db-scheduler task that mails a password-reset link once the request has been answered ({@link
 * AccountService#requestPasswordReset}); its data is the address asked for. Run right after it is scheduled, by any
 * node, and again after a crash.
 */
@Configuration(proxyBeanMethods = false)
class PasswordResetMail {

    static final String TASK = "password-reset-mail";

    @Bean
    OneTimeTask<String> passwordResetMailTask(ObjectProvider<AccountService> accounts) {
        return Tasks.oneTime(TASK, String.class)
                .execute((instance, context) -> accounts.getObject().mailPasswordReset(instance.getData()));
    }
}
