package org.isotherm.account;

import java.util.UUID;
import org.isotherm.web.NotFoundException;
import org.springframework.stereotype.Service;

/** What other features may ask about workspaces (organizations), whose table this feature owns. */
@Service
public class Workspaces {

    private final OrganizationRepository organizations;

    Workspaces(OrganizationRepository organizations) {
        this.organizations = organizations;
    }

    public boolean exists(UUID workspaceId) {
        return organizations.exists(workspaceId);
    }

    /** For operator endpoints under {@code /admin/organizations/{id}}: 404 when there is no such workspace. */
    public void requireExisting(UUID workspaceId) {
        if (!exists(workspaceId)) {
            throw new NotFoundException("Organization not found");
        }
    }
}
