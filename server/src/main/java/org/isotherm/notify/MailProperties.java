package org.isotherm.notify;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How e-mails leave the platform. SMTP itself is Spring Boot's {@code spring.mail.*} ({@code SPRING_MAIL_HOST},
 * ...): without a host, e-mails are only kept in the outbox.
 *
 * @param from sender address of every e-mail
 */
@Validated
@ConfigurationProperties("isotherm.mail")
public record MailProperties(
        @NotBlank @DefaultValue("Isotherm <no-reply@isotherm.local>")
        String from) {}
