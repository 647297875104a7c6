package org.isotherm.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.isotherm.auth.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Users, looked up by id or by e-mail (case-insensitive). */
@Repository
public class UserRepository {

    private static final String COLUMNS = """
            id, organization_id, email, name, password_hash, role, confirmed_at, password_reset_required,
            token_version, disabled_at, created""";

    private final JdbcClient jdbc;

    public UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<UserAccount> findById(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE id = :id")
                .param("id", id)
                .query(UserRepository::map)
                .optional();
    }

    public Optional<UserAccount> findByEmail(String email) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE lower(email) = lower(:email)")
                .param("email", email)
                .query(UserRepository::map)
                .optional();
    }

    public UserAccount insert(
            UUID organizationId,
            String email,
            String name,
            @Nullable String passwordHash,
            Role role,
            @Nullable Instant confirmedAt) {
        return jdbc.sql("""
                        INSERT INTO users (id, organization_id, email, name, password_hash, role, confirmed_at)
                        VALUES (:id, :organization, :email, :name, :hash, :role, :confirmed)
                        RETURNING """ + " " + COLUMNS)
                .param("id", UUID.randomUUID())
                .param("organization", organizationId)
                .param("email", email.toLowerCase(java.util.Locale.ROOT))
                .param("name", name)
                .param("hash", passwordHash)
                .param("role", role.wire())
                .param("confirmed", confirmedAt == null ? null : java.sql.Timestamp.from(confirmedAt))
                .query(UserRepository::map)
                .single();
    }

    public boolean anyExists() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM users)")
                .query(Boolean.class)
                .single();
    }

    static UserAccount map(ResultSet rs, int row) throws SQLException {
        return new UserAccount(
                rs.getObject("id", UUID.class),
                rs.getObject("organization_id", UUID.class),
                rs.getString("email"),
                rs.getString("name"),
                rs.getString("password_hash"),
                Role.fromWire(rs.getString("role")),
                instant(rs, "confirmed_at"),
                rs.getBoolean("password_reset_required"),
                rs.getInt("token_version"),
                instant(rs, "disabled_at"),
                instant(rs, "created"));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
