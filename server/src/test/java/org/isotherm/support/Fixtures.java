package org.isotherm.support;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.isotherm.account.OrganizationRepository;
import org.isotherm.account.UserAccount;
import org.isotherm.account.UserRepository;
import org.isotherm.auth.ApiKeyRepository;
import org.isotherm.auth.Passwords;
import org.isotherm.auth.Role;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Builds fresh, isolated data for a test: a workspace with its own domain, users of any role with real tokens from
 * {@code POST /token}, API keys.
 */
@Component
@Lazy
public class Fixtures {

    public static final String PASSWORD = "correct horse battery staple";

    private final OrganizationRepository organizations;
    private final UserRepository users;
    private final ApiKeyRepository apiKeys;
    private final Passwords passwords;
    private final int port;
    private String passwordHash;

    Fixtures(
            OrganizationRepository organizations,
            UserRepository users,
            ApiKeyRepository apiKeys,
            Passwords passwords,
            @LocalServerPort int port) {
        this.organizations = organizations;
        this.users = users;
        this.apiKeys = apiKeys;
        this.passwords = passwords;
        this.port = port;
    }

    /** A new workspace with a unique domain and an admin. */
    public TestWorkspace workspace() {
        var domain = "ws-" + UUID.randomUUID().toString().substring(0, 12) + ".test";
        var id = organizations.insert("Workspace " + domain, List.of(domain));
        var workspace = new TestWorkspace(id, domain, this);
        workspace.admin = workspace.user(Role.ADMIN);
        return workspace;
    }

    public TestUser operator() {
        var operators = organizations.insert("Operators " + UUID.randomUUID(), List.of());
        return user(operators, "op-" + UUID.randomUUID() + "@operators.test", Role.OPERATOR);
    }

    TestUser user(UUID workspaceId, String email, Role role) {
        var account = users.insert(workspaceId, email, "Test " + role.wire(), hash(), role, Instant.now());
        return new TestUser(account, token(email));
    }

    public String token(String email) {
        var response = http().postForm("/token", Map.of("username", email, "password", PASSWORD));
        if (response.status() != 200) {
            throw new IllegalStateException("Could not log in " + email + ": " + response);
        }
        return response.json().get("access_token").asString();
    }

    public String apiKey(TestUser creator, Role role) {
        return apiKeys.create(
                        creator.account().organizationId(), creator.account().id(), "test key", role, null)
                .secret();
    }

    public Http http() {
        return new Http("http://localhost:" + port);
    }

    private synchronized String hash() {
        if (passwordHash == null) {
            passwordHash = passwords.hash(PASSWORD);
        }
        return passwordHash;
    }

    /** A user with a valid bearer token. */
    public record TestUser(UserAccount account, String token) {

        public Http http(int port) {
            return new Http("http://localhost:" + port).bearer(token);
        }

        public String email() {
            return account.email();
        }
    }

    /** A workspace of the test's own; {@link #user(Role)} adds members. */
    public static final class TestWorkspace {
        public final UUID id;
        public final String domain;
        private final Fixtures fixtures;
        public TestUser admin;

        TestWorkspace(UUID id, String domain, Fixtures fixtures) {
            this.id = id;
            this.domain = domain;
            this.fixtures = fixtures;
        }

        public TestUser user(Role role) {
            return fixtures.user(id, role.wire() + "-" + UUID.randomUUID() + "@" + domain, role);
        }

        /** A client authenticated as this workspace's admin. */
        public Http http() {
            return fixtures.http().bearer(admin.token());
        }

        public Http as(TestUser user) {
            return fixtures.http().bearer(user.token());
        }
    }
}
