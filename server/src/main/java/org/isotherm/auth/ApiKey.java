package org.isotherm.auth;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A workspace API key as stored: never the secret itself, only its hash. */
public record ApiKey(
        UUID id,
        UUID workspaceId,
        UUID createdBy,
        String name,
        Role role,
        String prefix,
        byte[] secretHash,
        @Nullable Instant expiresAt,
        @Nullable Instant revokedAt,
        Instant created) {

    boolean usableAt(Instant now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }
}
