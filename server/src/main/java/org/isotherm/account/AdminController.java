package org.isotherm.account;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.isotherm.auth.Caller;
import org.isotherm.auth.Role;
import org.isotherm.web.ListQuery;
import org.isotherm.web.ValidationError;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The operator's side of accounts: workspaces, their e-mail domains, and users created directly. */
@Tag(name = "Operator")
@RestController
class AdminController {

    private static final int MAX_DOMAINS = 50;

    private final OrganizationRepository organizations;
    private final AccountService accounts;

    AdminController(OrganizationRepository organizations, AccountService accounts) {
        this.organizations = organizations;
        this.accounts = accounts;
    }

    @Operation(summary = "All organizations (workspaces), newest first")
    @ApiResponse(responseCode = "200", description = "A page of organizations; `count` is the total")
    @GetMapping("/admin/organizations")
    OrganizationPage list(@RequestParam(defaultValue = "10") int limit, @RequestParam(defaultValue = "0") int offset) {
        ListQuery.checkPaging(limit, offset);
        return new OrganizationPage(organizations.count(), organizations.list(limit, offset));
    }

    @Operation(
            summary = "Register an organization and the e-mail domains that sign up into it",
            description = "Domains are lower-cased; each belongs to one organization.")
    @ApiResponse(responseCode = "201", description = "Created")
    @ApiResponse(responseCode = "409", description = "The name or a domain is taken")
    @PostMapping("/admin/organizations")
    @ResponseStatus(HttpStatus.CREATED)
    OrganizationRepository.Organization create(
            @AuthenticationPrincipal Caller caller, @RequestBody OrganizationRequest body) {
        caller.require(Role.OPERATOR);
        var inputs = new AccountInputs();
        var name = inputs.text(body.name(), 200, "name");
        var domains = new ArrayList<String>();
        if (body.domains() == null) {
            inputs.add(ValidationError.body("Field required", "missing", "domains"));
        } else if (body.domains().size() > MAX_DOMAINS) {
            inputs.add(
                    ValidationError.body("List should have at most " + MAX_DOMAINS + " items", "too_long", "domains"));
        } else {
            var seen = new HashSet<String>();
            for (int i = 0; i < body.domains().size(); i++) {
                var raw = body.domains().get(i);
                var domain = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
                if (!AccountInputs.validDomain(domain)) {
                    inputs.add(ValidationError.body(
                            "Input should be a domain name such as example.com", "value_error", "domains", i));
                } else if (!seen.add(domain)) {
                    inputs.add(ValidationError.body("Duplicate domain", "value_error", "domains", i));
                } else {
                    domains.add(domain);
                }
            }
        }
        inputs.check();
        return accounts.createOrganization(name, domains);
    }

    @Operation(
            summary = "Create a confirmed user in an organization",
            description = "The e-mail need not be of the organization's domains. Role defaults to member.")
    @ApiResponse(responseCode = "201", description = "Created")
    @ApiResponse(responseCode = "404", description = "No such organization")
    @ApiResponse(responseCode = "409", description = "The e-mail already has an account")
    @PostMapping("/admin/organizations/{id}/users")
    @ResponseStatus(HttpStatus.CREATED)
    WorkspaceController.Member createUser(
            @AuthenticationPrincipal Caller caller, @PathVariable UUID id, @RequestBody NewUserRequest body) {
        caller.require(Role.OPERATOR);
        var inputs = new AccountInputs();
        var email = inputs.email(body.email(), "email");
        var password = inputs.password(body.password(), "password");
        var role = inputs.role(
                body.role(), Role.MEMBER, List.of(Role.VIEWER, Role.MEMBER, Role.ADMIN, Role.OPERATOR), "role");
        inputs.check();
        return WorkspaceController.Member.of(accounts.createUser(id, email, password, role));
    }

    record OrganizationPage(long count, List<OrganizationRepository.Organization> items) {}

    record OrganizationRequest(
            @Nullable String name, @Nullable List<String> domains) {}

    record NewUserRequest(
            @Nullable String email,
            @Nullable String password,
            @Nullable String role) {}
}
