package org.isotherm.auth;

import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.isotherm.db.ReadCaches;
import org.springframework.stereotype.Component;

/**
 * Turns a bearer token or an API key into a {@link Caller}. What it reads about users and keys is kept for
 * {@link AuthProperties#credentialCacheTtl()}, so that a request costs an HMAC or a SHA-256, not a query; every
 * change to a user or key on this node must call {@link #forgetUser} or {@link #forgetApiKey}.
 */
@Component
public class Credentials {

    private final JwtTokens tokens;
    private final Clock clock;
    private final LoadingCache<UUID, Optional<UserLookup.KnownUser>> users;
    private final LoadingCache<String, Optional<ApiKey>> apiKeys;
    private final ApiKeyRepository apiKeyRepository;

    Credentials(
            JwtTokens tokens,
            UserLookup userLookup,
            ApiKeyRepository apiKeyRepository,
            AuthProperties properties,
            Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
        this.apiKeyRepository = apiKeyRepository;
        this.users =
                ReadCaches.refreshing(properties.credentialCacheTtl(), 100_000).build(userLookup::findById);
        this.apiKeys =
                ReadCaches.refreshing(properties.credentialCacheTtl(), 100_000).build(apiKeyRepository::findByPrefix);
    }

    Caller fromBearerToken(String token) {
        var claims = tokens.verify(token);
        var user = users.get(claims.userId())
                .filter(UserLookup.KnownUser::active)
                .filter(u -> u.tokenVersion() == claims.tokenVersion())
                .filter(u -> u.workspaceId().equals(claims.workspaceId()))
                .orElseThrow(() -> new BadCredentialsException(
                        "Token no longer valid (password changed or account removed): request a new token"));
        return new Caller(user.id(), user.workspaceId(), user.role(), user.email(), null);
    }

    Caller fromApiKey(String key) {
        var parsed = ApiKeySecrets.parse(key);
        if (parsed == null) {
            throw new BadCredentialsException("Invalid API key");
        }
        var apiKey = apiKeys.get(parsed.prefix())
                .filter(k -> ApiKeySecrets.matches(parsed.secret(), k.secretHash()))
                .orElseThrow(() -> new BadCredentialsException("Invalid API key"));
        if (!apiKey.usableAt(clock.instant())) {
            throw new BadCredentialsException(apiKey.revokedAt() != null ? "API key revoked" : "API key expired");
        }
        var creator = users.get(apiKey.createdBy())
                .filter(UserLookup.KnownUser::active)
                .orElseThrow(() -> new BadCredentialsException("API key revoked"));
        return new Caller(creator.id(), apiKey.workspaceId(), apiKey.role(), creator.email(), apiKey.id());
    }

    /** Issues a bearer token for a user who just proved who they are. */
    JwtTokens.IssuedToken issueToken(UserLookup.KnownUser user) {
        return tokens.issue(user.id(), user.workspaceId(), user.tokenVersion());
    }

    public void forgetUser(UUID userId) {
        users.invalidate(userId);
    }

    public void forgetApiKey(String prefix) {
        apiKeys.invalidate(prefix);
    }

    /** Revokes every API key the user created (they left the workspace), at once on this node. */
    public void revokeApiKeysOf(UUID userId) {
        apiKeyRepository.revokeCreatedBy(userId).forEach(this::forgetApiKey);
    }

    /** Revokes the user's API keys whose role they may no longer grant (after a demotion to {@code role}). */
    public void revokeApiKeysAbove(UUID userId, Role role) {
        apiKeyRepository.revokeCreatedByAbove(userId, role).forEach(this::forgetApiKey);
    }
}
