package org.isotherm.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RoleTest {

    @Test
    void nestsWorkspaceRoles() {
        assertThat(Role.ADMIN.allows(Role.MEMBER)).isTrue();
        assertThat(Role.ADMIN.allows(Role.VIEWER)).isTrue();
        assertThat(Role.MEMBER.allows(Role.VIEWER)).isTrue();
        assertThat(Role.MEMBER.allows(Role.ADMIN)).isFalse();
        assertThat(Role.VIEWER.allows(Role.MEMBER)).isFalse();
    }

    @Test
    void letsIngestReadAndIngestOnly() {
        assertThat(Role.INGEST.allows(Role.VIEWER)).isTrue();
        assertThat(Role.INGEST.allows(Role.INGEST)).isTrue();
        assertThat(Role.INGEST.allows(Role.MEMBER)).isFalse();
        assertThat(Role.ADMIN.allows(Role.INGEST)).isFalse();
    }

    @Test
    void letsOperatorDoEverything() {
        for (var role : Role.values()) {
            assertThat(Role.OPERATOR.allows(role)).isTrue();
        }
    }

    @Test
    void readsOnlyLowerCaseWireNames() {
        assertThat(Role.fromWire("member")).isEqualTo(Role.MEMBER);
        assertThatThrownBy(() -> Role.fromWire("MEMBER")).isInstanceOf(IllegalArgumentException.class);
    }
}
