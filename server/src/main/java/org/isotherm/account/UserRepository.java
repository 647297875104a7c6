package org.isotherm.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
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
        return inserting(organizationId, email, name, passwordHash, role, confirmedAt, "")
                .single();
    }

    /**
     * Like {@link #insert}, but an e-mail that already has an account (a concurrent sign-up) yields empty instead of
     * failing the transaction.
     */
    Optional<UserAccount> insertIfAbsent(
            UUID organizationId, String email, String name, @Nullable String passwordHash, Role role) {
        return inserting(organizationId, email, name, passwordHash, role, null, "ON CONFLICT DO NOTHING")
                .optional();
    }

    private JdbcClient.MappedQuerySpec<UserAccount> inserting(
            UUID organizationId,
            String email,
            String name,
            @Nullable String passwordHash,
            Role role,
            @Nullable Instant confirmedAt,
            String onConflict) {
        return jdbc.sql("""
                        INSERT INTO users (id, organization_id, email, name, password_hash, role, confirmed_at)
                        VALUES (:id, :organization, :email, :name, :hash, :role, :confirmed)
                        %s
                        RETURNING %s""".formatted(onConflict, COLUMNS))
                .param("id", UUID.randomUUID())
                .param("organization", organizationId)
                .param("email", email.toLowerCase(java.util.Locale.ROOT))
                .param("name", name)
                .param("hash", passwordHash)
                .param("role", role.wire())
                .param("confirmed", confirmedAt == null ? null : java.sql.Timestamp.from(confirmedAt))
                .query(UserRepository::map);
    }

    /** Active users of a workspace (invited and unconfirmed ones included), newest first. */
    List<UserAccount> listMembers(UUID organizationId, int limit, int offset) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM users WHERE organization_id = :organization AND disabled_at IS NULL
                        ORDER BY created DESC, id LIMIT :limit OFFSET :offset""")
                .param("organization", organizationId)
                .param("limit", limit)
                .param("offset", offset)
                .query(UserRepository::map)
                .list();
    }

    long countMembers(UUID organizationId) {
        return jdbc.sql("SELECT count(*) FROM users WHERE organization_id = :organization AND disabled_at IS NULL")
                .param("organization", organizationId)
                .query(Long.class)
                .single();
    }

    /** An active user of this workspace; another workspace's user is as absent as a missing one. */
    Optional<UserAccount> findMember(UUID organizationId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM users WHERE organization_id = :organization AND id = :id AND disabled_at IS NULL")
                .param("organization", organizationId)
                .param("id", id)
                .query(UserRepository::map)
                .optional();
    }

    long countAdmins(UUID organizationId) {
        return jdbc.sql("""
                        SELECT count(*) FROM users
                        WHERE organization_id = :organization AND role = 'admin' AND disabled_at IS NULL""")
                .param("organization", organizationId)
                .query(Long.class)
                .single();
    }

    void updateRole(UUID id, Role role) {
        jdbc.sql("UPDATE users SET role = :role WHERE id = :id")
                .param("id", id)
                .param("role", role.wire())
                .update();
    }

    /** Removes a user from use: earlier tokens stop working and the e-mail can no longer log in. */
    void disable(UUID id) {
        jdbc.sql("UPDATE users SET disabled_at = now(), token_version = token_version + 1 WHERE id = :id")
                .param("id", id)
                .update();
    }

    /**
     * Sets a new password: earlier tokens stop working, a required reset is done, and the address counts as
     * confirmed (the link that allowed this went to it).
     */
    void changePassword(UUID id, String passwordHash) {
        jdbc.sql("""
                        UPDATE users SET password_hash = :hash, token_version = token_version + 1,
                            password_reset_required = false, confirmed_at = coalesce(confirmed_at, now())
                        WHERE id = :id""").param("id", id).param("hash", passwordHash).update();
    }

    void confirm(UUID id) {
        jdbc.sql("UPDATE users SET confirmed_at = coalesce(confirmed_at, now()) WHERE id = :id")
                .param("id", id)
                .update();
    }

    /** The invitee's own password and name; the invitation link proved the address. */
    void acceptInvitation(UUID id, String passwordHash, String name) {
        jdbc.sql("""
                        UPDATE users SET password_hash = :hash, name = :name, token_version = token_version + 1,
                            password_reset_required = false, confirmed_at = coalesce(confirmed_at, now())
                        WHERE id = :id""")
                .param("id", id)
                .param("hash", passwordHash)
                .param("name", name)
                .update();
    }

    /** Turns a removed or pending user of the workspace back into a fresh invitee with {@code role}. */
    void resetToInvitee(UUID id, Role role) {
        jdbc.sql("""
                        UPDATE users SET role = :role, password_hash = NULL, confirmed_at = NULL, disabled_at = NULL,
                            password_reset_required = false, token_version = token_version + 1
                        WHERE id = :id""").param("id", id).param("role", role.wire()).update();
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
