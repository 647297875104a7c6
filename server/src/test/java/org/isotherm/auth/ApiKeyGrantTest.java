package org.isotherm.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApiKeyGrantTest {

    @ParameterizedTest
    @CsvSource({
        "ADMIN, ADMIN, true",
        "ADMIN, MEMBER, true",
        "ADMIN, VIEWER, true",
        "ADMIN, INGEST, true",
        "ADMIN, OPERATOR, false",
        "MEMBER, MEMBER, true",
        "MEMBER, VIEWER, true",
        "MEMBER, ADMIN, false",
        "MEMBER, INGEST, false",
        "VIEWER, VIEWER, true",
        "VIEWER, MEMBER, false",
        "OPERATOR, ADMIN, true",
        "OPERATOR, INGEST, true",
        "OPERATOR, OPERATOR, false"
    })
    void grantsAtMostTheHoldersRoleAndIngestOnlyToAdmins(Role holder, Role keyRole, boolean granted) {
        assertThat(ApiKeyRepository.mayGrant(holder, keyRole)).isEqualTo(granted);
    }
}
