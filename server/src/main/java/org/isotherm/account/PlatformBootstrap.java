package org.isotherm.account;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.isotherm.PlatformProperties;
import org.isotherm.auth.Passwords;
import org.isotherm.auth.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * First start of an empty database: creates the platform operator. On the embedded database with no operator
 * configured it also invents a local operator and a demo workspace ({@code example.com}) and prints their
 * credentials once; with a production database URL it never invents credentials. The invented credentials are also
 * written to {@value #CREDENTIALS_FILE} in the data directory, readable by its owner only, so that a local user who
 * missed the log can still log in (and scripts such as the README's walk-through can read them).
 */
@Component
class PlatformBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(PlatformBootstrap.class);
    static final String DEMO_DOMAIN = "example.com";
    static final String CREDENTIALS_FILE = "first-start-credentials";

    private final JdbcClient jdbc;
    private final UserRepository users;
    private final OrganizationRepository organizations;
    private final Passwords passwords;
    private final BootstrapProperties properties;
    private final Path dataDir;
    private final boolean embedded;

    PlatformBootstrap(
            JdbcClient jdbc,
            UserRepository users,
            OrganizationRepository organizations,
            Passwords passwords,
            BootstrapProperties properties,
            PlatformProperties platform,
            Environment environment) {
        this.jdbc = jdbc;
        this.users = users;
        this.organizations = organizations;
        this.passwords = passwords;
        this.properties = properties;
        this.dataDir = platform.dataDir();
        this.embedded = !StringUtils.hasText(environment.getProperty("spring.datasource.url"));
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        // Nodes starting together must not both bootstrap.
        jdbc.sql("SELECT pg_advisory_xact_lock(7461001)").query(Object.class).single();
        if (users.anyExists()) {
            return;
        }
        if (!properties.given() && !embedded) {
            log.warn("Empty database and no ISOTHERM_OPERATOR_EMAIL/ISOTHERM_OPERATOR_PASSWORD: no operator created."
                    + " Set them and restart to create one.");
            return;
        }
        var operators = organizations.insert("Isotherm operators", List.of());
        if (properties.given()) {
            users.insert(
                    operators,
                    properties.email(),
                    "Platform operator",
                    passwords.hash(properties.password()),
                    Role.OPERATOR,
                    Instant.now());
            log.info("Created the platform operator {}", properties.email());
            return;
        }
        var operatorPassword = randomPassword();
        users.insert(
                operators,
                "operator@isotherm.local",
                "Local operator",
                passwords.hash(operatorPassword),
                Role.OPERATOR,
                Instant.now());
        var demo = organizations.insert("Demo workspace", List.of(DEMO_DOMAIN));
        var adminPassword = randomPassword();
        users.insert(
                demo, "admin@" + DEMO_DOMAIN, "Demo admin", passwords.hash(adminPassword), Role.ADMIN, Instant.now());
        log.warn("""

                ==================== LOCAL-ONLY CREDENTIALS (shown once) ====================
                 Embedded database initialised with invented accounts. Do not use in production.
                   operator: operator@isotherm.local  password: {}
                   demo workspace admin (domain {}): admin@{}  password: {}
                 Anyone with an @{} address can sign up into the demo workspace.
                ==============================================================================""", operatorPassword, DEMO_DOMAIN, DEMO_DOMAIN, adminPassword, DEMO_DOMAIN);
        writeCredentials(operatorPassword, adminPassword);
    }

    /** Shell-sourceable ({@code . data/first-start-credentials}); the passwords are base64url, so need no quoting. */
    private void writeCredentials(String operatorPassword, String adminPassword) {
        var file = dataDir.resolve(CREDENTIALS_FILE);
        try {
            Files.createDirectories(dataDir);
            // a file left from an earlier database in the same directory holds passwords that no longer work
            Files.deleteIfExists(file);
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(
                        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            Files.writeString(file, """
                    # Local-only accounts invented on the first start of this embedded database.
                    OPERATOR_EMAIL=operator@isotherm.local
                    OPERATOR_PASSWORD=%s
                    ADMIN_EMAIL=admin@%s
                    ADMIN_PASSWORD=%s
                    """.formatted(operatorPassword, DEMO_DOMAIN, adminPassword));
        } catch (IOException e) {
            // the log above still shows the credentials: not worth refusing to start over
            log.warn("Could not write {}: {}", file, e.toString());
        }
    }

    private static String randomPassword() {
        var bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
