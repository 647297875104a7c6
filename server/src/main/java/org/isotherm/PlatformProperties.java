package org.isotherm;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the platform keeps its local state.
 *
 * @param dataDir embedded PostgreSQL cluster, local object store and other files of a single-node deployment
 */
@Validated
@ConfigurationProperties("isotherm")
public record PlatformProperties(
        @NotNull @DefaultValue("./data") Path dataDir) {}
