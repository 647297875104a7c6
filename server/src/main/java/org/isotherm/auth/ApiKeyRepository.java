package org.isotherm.auth;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** API keys of all workspaces; every method but {@link #findByPrefix} is scoped to one workspace. */
@Repository
public class ApiKeyRepository {

    private static final String COLUMNS =
            "id, organization_id, created_by, name, role, prefix, secret_hash, expires_at, revoked_at, created";

    private final JdbcClient jdbc;

    public ApiKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a new key and returns it with its secret, which is never readable again. */
    public CreatedApiKey create(UUID workspaceId, UUID createdBy, String name, Role role, @Nullable Instant expiresAt) {
        var generated = ApiKeySecrets.generate();
        var key = jdbc.sql("""
                        INSERT INTO api_keys (id, organization_id, created_by, name, role, prefix, secret_hash, expires_at)
                        VALUES (:id, :workspace, :createdBy, :name, :role, :prefix, :hash, :expires)
                        RETURNING """ + " " + COLUMNS)
                .param("id", UUID.randomUUID())
                .param("workspace", workspaceId)
                .param("createdBy", createdBy)
                .param("name", name)
                .param("role", role.wire())
                .param("prefix", generated.prefix())
                .param("hash", generated.hash())
                .param("expires", expiresAt == null ? null : Timestamp.from(expiresAt))
                .query(ApiKeyRepository::map)
                .single();
        return new CreatedApiKey(key, generated.key());
    }

    public List<ApiKey> list(UUID workspaceId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_keys WHERE organization_id = :workspace ORDER BY created DESC")
                .param("workspace", workspaceId)
                .query(ApiKeyRepository::map)
                .list();
    }

    /** A page of the workspace's keys, newest first. */
    public List<ApiKey> list(UUID workspaceId, int limit, int offset) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM api_keys WHERE organization_id = :workspace
                        ORDER BY created DESC, id LIMIT :limit OFFSET :offset""")
                .param("workspace", workspaceId)
                .param("limit", limit)
                .param("offset", offset)
                .query(ApiKeyRepository::map)
                .list();
    }

    public long count(UUID workspaceId) {
        return jdbc.sql("SELECT count(*) FROM api_keys WHERE organization_id = :workspace")
                .param("workspace", workspaceId)
                .query(Long.class)
                .single();
    }

    /**
     * Revokes the keys a user created with a role their (new) role may not grant: run on a demotion. Returns the
     * prefixes revoked.
     */
    public List<String> revokeCreatedByAbove(UUID userId, Role role) {
        var grantable = java.util.Arrays.stream(Role.values())
                .filter(keyRole -> mayGrant(role, keyRole))
                .map(Role::wire)
                .toArray(String[]::new);
        return jdbc.sql("""
                        UPDATE api_keys SET revoked_at = now()
                        WHERE created_by = :user AND revoked_at IS NULL AND NOT (role = ANY(:grantable))
                        RETURNING prefix""")
                .param("user", userId)
                .param("grantable", grantable)
                .query(String.class)
                .list();
    }

    /** Whether a holder of {@code holder} may create a key with {@code keyRole}: at most their own, ingest for admins. */
    public static boolean mayGrant(Role holder, Role keyRole) {
        if (keyRole == Role.OPERATOR) {
            return false;
        }
        return holder.allows(keyRole) || (keyRole == Role.INGEST && holder.allows(Role.ADMIN));
    }

    public Optional<ApiKey> find(UUID workspaceId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_keys WHERE organization_id = :workspace AND id = :id")
                .param("workspace", workspaceId)
                .param("id", id)
                .query(ApiKeyRepository::map)
                .optional();
    }

    /** Revokes a key of the workspace; false when it does not exist there. */
    public boolean revoke(UUID workspaceId, UUID id) {
        return jdbc.sql("""
                        UPDATE api_keys SET revoked_at = coalesce(revoked_at, now())
                        WHERE organization_id = :workspace AND id = :id""").param("workspace", workspaceId).param("id", id).update() > 0;
    }

    /** Revokes every key a user created: run when they leave the workspace. Returns the prefixes revoked. */
    public List<String> revokeCreatedBy(UUID userId) {
        return jdbc.sql("""
                        UPDATE api_keys SET revoked_at = now()
                        WHERE created_by = :user AND revoked_at IS NULL
                        RETURNING prefix""").param("user", userId).query(String.class).list();
    }

    Optional<ApiKey> findByPrefix(String prefix) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_keys WHERE prefix = :prefix")
                .param("prefix", prefix)
                .query(ApiKeyRepository::map)
                .optional();
    }

    private static ApiKey map(ResultSet rs, int row) throws SQLException {
        return new ApiKey(
                rs.getObject("id", UUID.class),
                rs.getObject("organization_id", UUID.class),
                rs.getObject("created_by", UUID.class),
                rs.getString("name"),
                Role.fromWire(rs.getString("role")),
                rs.getString("prefix"),
                rs.getBytes("secret_hash"),
                instant(rs.getTimestamp("expires_at")),
                instant(rs.getTimestamp("revoked_at")),
                rs.getTimestamp("created").toInstant());
    }

    private static @Nullable Instant instant(@Nullable Timestamp value) {
        return value == null ? null : value.toInstant();
    }

    /** A key just created, with the only copy of its secret. */
    public record CreatedApiKey(ApiKey apiKey, String secret) {}
}
