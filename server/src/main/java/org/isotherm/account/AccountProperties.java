package org.isotherm.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Account e-mails and their links.
 *
 * @param publicBaseUrl where users reach the platform; links in e-mails start with it ({@code /ui/confirm?token=...})
 * @param linkTtl how long a confirmation, password-reset or invitation link stays valid
 * @param linkRetention how long a used or expired link is kept before the daily purge deletes it
 */
@Validated
@ConfigurationProperties("isotherm.accounts")
public record AccountProperties(
        @NotBlank @DefaultValue("http://localhost:8080") String publicBaseUrl,
        @NotNull @DefaultValue("24h") Duration linkTtl,
        @NotNull @DefaultValue("7d") Duration linkRetention) {

    String link(String path, String token) {
        var base = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
        return base + path + "?token=" + token;
    }
}
