package org.isotherm.housekeeping;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * When and how the purge runs; what each kind keeps is the owning feature's setting ({@code isotherm.mail.retention},
 * {@code isotherm.accounts.link-retention}; idempotency keys live 24 hours).
 *
 * @param purgeCron when the purge runs: a Spring cron expression (seconds first) in UTC, or {@code -} for never
 * @param purgeBatchSize rows deleted per statement
 */
@Validated
@ConfigurationProperties("isotherm.housekeeping")
public record HousekeepingProperties(
        @NotBlank @DefaultValue("0 30 3 * * *") String purgeCron,
        @Min(1) @DefaultValue("10000") int purgeBatchSize) {}
