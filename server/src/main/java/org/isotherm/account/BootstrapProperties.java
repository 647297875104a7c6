package org.isotherm.account;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The platform operator created on the first start of an empty database.
 *
 * @param email {@code ISOTHERM_OPERATOR_EMAIL}
 * @param password {@code ISOTHERM_OPERATOR_PASSWORD}
 */
@ConfigurationProperties("isotherm.operator")
public record BootstrapProperties(
        @Nullable String email, @Nullable String password) {

    boolean given() {
        return email != null && !email.isBlank() && password != null && !password.isBlank();
    }
}
