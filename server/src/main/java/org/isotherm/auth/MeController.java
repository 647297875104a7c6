package org.isotherm.auth;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who the credentials sent belong to; answered from the credentials alone, so clients can check them cheaply. */
@Tag(name = "Authentication")
@RestController
class MeController {

    @Operation(summary = "The caller behind the credentials sent")
    @GetMapping("/me")
    Me me(@AuthenticationPrincipal Caller caller) {
        return new Me(caller.userId(), caller.email(), caller.workspaceId(), caller.role(), caller.apiKeyId());
    }

    record Me(UUID userId, String email, UUID workspaceId, Role role, UUID apiKeyId) {}
}
