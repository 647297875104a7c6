package org.isotherm.auth;

import java.util.UUID;
import org.isotherm.web.ForbiddenException;
import org.jspecify.annotations.Nullable;

/**
 * Who is calling, resolved once per request from a bearer token or an API key. Every query below the controllers
 * is filtered by {@link #workspaceId()}.
 *
 * @param userId the user, or for an API key the user who created it
 * @param apiKeyId the API key used, null for a bearer token
 */
public record Caller(
        UUID userId,
        UUID workspaceId,
        Role role,
        String email,
        @Nullable UUID apiKeyId) {

    /**
     * A reader without credentials, where {@link AuthProperties#anonymousStacRead} allows one: a viewer of a
     * workspace that does not exist, so that it owns nothing and sees only what operators made public.
     */
    public static final Caller ANONYMOUS = new Caller(new UUID(0, 0), new UUID(0, 0), Role.VIEWER, "anonymous", null);

    /** Throws 403 unless this caller's role covers {@code required}. */
    public Caller require(Role required) {
        if (!role.allows(required)) {
            throw new ForbiddenException("Not enough permissions: this action needs the " + required.wire() + " role");
        }
        return this;
    }

    public boolean isOperator() {
        return role == Role.OPERATOR;
    }
}
