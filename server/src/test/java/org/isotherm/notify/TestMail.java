package org.isotherm.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;

/** Settings, clocks and SMTP senders for tests that build their own {@link Mailer} (another node, another server). */
final class TestMail {

    static final String FROM = "Isotherm <no-reply@isotherm.local>";

    private TestMail() {}

    /** The defaults of {@code isotherm.mail.*}. */
    static MailProperties properties() {
        return properties(new MailProperties.Retry(
                Duration.ofMinutes(1), Duration.ofMinutes(1), 8, Duration.ofMinutes(1), Duration.ofHours(1)));
    }

    static MailProperties properties(MailProperties.Retry retry) {
        return new MailProperties(FROM, Duration.ofDays(30), retry);
    }

    static ObjectProvider<JavaMailSender> smtp(JavaMailSender sender) {
        return new StaticListableBeanFactory(Map.of("smtp", sender)).getBeanProvider(JavaMailSender.class);
    }

    static ObjectProvider<JavaMailSender> noSmtp() {
        return new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class);
    }

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {

        private Instant now;

        ManualClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
