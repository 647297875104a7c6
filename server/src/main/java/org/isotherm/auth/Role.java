package org.isotherm.auth;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What a caller may do. Workspace roles nest (viewer &lt; member &lt; admin); {@code ingest} is for processing
 * chains that publish deliveries through the STAC transaction API and may otherwise only read; the platform
 * operator may do everything.
 */
public enum Role {
    VIEWER,
    MEMBER,
    ADMIN,
    INGEST,
    OPERATOR;

    /** Whether a caller holding this role may act where {@code required} is needed. */
    public boolean allows(Role required) {
        if (this == OPERATOR || this == required) {
            return true;
        }
        return switch (this) {
            case ADMIN -> required == MEMBER || required == VIEWER;
            case MEMBER, INGEST -> required == VIEWER;
            default -> false;
        };
    }

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Role fromWire(String value) {
        for (var role : values()) {
            if (role.wire().equals(value)) {
                return role;
            }
        }
        throw new IllegalArgumentException("Input should be 'viewer', 'member', 'admin', 'ingest' or 'operator'");
    }
}
