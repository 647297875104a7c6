package org.isotherm.account;

import java.time.Instant;
import java.util.UUID;
import org.isotherm.auth.Role;
import org.jspecify.annotations.Nullable;

/** A person's account: belongs to exactly one workspace. */
public record UserAccount(
        UUID id,
        UUID organizationId,
        String email,
        String name,
        @Nullable String passwordHash,
        Role role,
        @Nullable Instant confirmedAt,
        boolean passwordResetRequired,
        int tokenVersion,
        @Nullable Instant disabledAt,
        Instant created) {

    public boolean confirmed() {
        return confirmedAt != null;
    }

    public boolean active() {
        return disabledAt == null;
    }
}
