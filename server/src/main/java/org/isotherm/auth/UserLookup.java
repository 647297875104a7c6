package org.isotherm.auth;

import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The people that authentication checks, as far as it needs to know them. {@code account} owns users and implements
 * this, so that {@code auth} depends on no feature.
 */
public interface UserLookup {

    Optional<KnownUser> findById(UUID id);

    /** Case-insensitive. */
    Optional<KnownUser> findByEmail(String email);

    /** What a login or a token check reads about a user. */
    record KnownUser(
            UUID id,
            UUID workspaceId,
            String email,
            @Nullable String passwordHash,
            Role role,
            boolean confirmed,
            boolean passwordResetRequired,
            int tokenVersion,
            boolean active) {}
}
