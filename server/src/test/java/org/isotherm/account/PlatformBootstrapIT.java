package org.isotherm.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Properties;
import org.isotherm.PlatformProperties;
import org.isotherm.auth.Role;
import org.isotherm.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The test run starts on an empty embedded database with no operator configured: the local default. */
class PlatformBootstrapIT extends IntegrationTest {

    @Autowired
    UserRepository users;

    @Autowired
    OrganizationRepository organizations;

    @Autowired
    PlatformProperties platform;

    @Test
    void inventsALocalOperatorAndADemoWorkspaceOnAnEmptyEmbeddedDatabase() {
        var operator = users.findByEmail("operator@isotherm.local").orElseThrow();
        var admin = users.findByEmail("admin@example.com").orElseThrow();

        assertThat(operator.role()).isEqualTo(Role.OPERATOR);
        assertThat(operator.confirmed()).isTrue();
        assertThat(admin.role()).isEqualTo(Role.ADMIN);
        assertThat(organizations.findByDomain(PlatformBootstrap.DEMO_DOMAIN)).contains(admin.organizationId());
    }

    @Test
    void keepsTheInventedCredentialsInAFileOnlyItsOwnerCanRead() throws IOException {
        var file = platform.dataDir().resolve(PlatformBootstrap.CREDENTIALS_FILE);
        var credentials = new Properties();
        try (var reader = Files.newBufferedReader(file)) {
            credentials.load(reader);
        }

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        for (var role : new String[] {"OPERATOR", "ADMIN"}) {
            var login = http().postForm(
                            "/token",
                            Map.of(
                                    "username", credentials.getProperty(role + "_EMAIL"),
                                    "password", credentials.getProperty(role + "_PASSWORD")));
            assertThat(login.status()).as(role).isEqualTo(200);
        }
    }
}
