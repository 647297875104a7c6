package org.isotherm.account;

import static org.assertj.core.api.Assertions.assertThat;

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

    @Test
    void inventsALocalOperatorAndADemoWorkspaceOnAnEmptyEmbeddedDatabase() {
        var operator = users.findByEmail("operator@isotherm.local").orElseThrow();
        var admin = users.findByEmail("admin@example.com").orElseThrow();

        assertThat(operator.role()).isEqualTo(Role.OPERATOR);
        assertThat(operator.confirmed()).isTrue();
        assertThat(admin.role()).isEqualTo(Role.ADMIN);
        assertThat(organizations.findByDomain(PlatformBootstrap.DEMO_DOMAIN)).contains(admin.organizationId());
    }
}
