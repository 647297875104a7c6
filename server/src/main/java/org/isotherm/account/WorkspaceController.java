package org.isotherm.account;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.isotherm.auth.Caller;
import org.isotherm.auth.Role;
import org.isotherm.web.ListQuery;
import org.isotherm.web.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The caller's workspace and its members. Anyone in the workspace reads; only admins change. */
@Tag(name = "Workspace")
@RestController
class WorkspaceController {

    private static final List<Role> MEMBER_ROLES = List.of(Role.VIEWER, Role.MEMBER, Role.ADMIN);

    private final OrganizationRepository organizations;
    private final UserRepository users;
    private final AccountService accounts;

    WorkspaceController(OrganizationRepository organizations, UserRepository users, AccountService accounts) {
        this.organizations = organizations;
        this.users = users;
        this.accounts = accounts;
    }

    @Operation(summary = "The caller's workspace and the caller's role in it")
    @ApiResponse(responseCode = "200", description = "The workspace")
    @GetMapping("/workspace")
    Workspace workspace(@AuthenticationPrincipal Caller caller) {
        var workspace = organizations
                .find(caller.workspaceId())
                .orElseThrow(() -> new NotFoundException("Workspace not found"));
        return new Workspace(workspace.id(), workspace.name(), workspace.domains(), caller.role());
    }

    @Operation(summary = "Members of the caller's workspace, newest first (invited and unconfirmed ones included)")
    @ApiResponse(responseCode = "200", description = "A page of members; `count` is the total")
    @GetMapping("/workspace/members")
    MemberPage members(
            @AuthenticationPrincipal Caller caller,
            @RequestParam(defaultValue = "10") int limit,
            @RequestParam(defaultValue = "0") int offset) {
        ListQuery.checkPaging(limit, offset);
        var items = users.listMembers(caller.workspaceId(), limit, offset).stream()
                .map(Member::of)
                .toList();
        return new MemberPage(users.countMembers(caller.workspaceId()), items);
    }

    @Operation(summary = "Change a member's role (admin)", description = "The last admin cannot be demoted.")
    @ApiResponse(responseCode = "200", description = "The member with the new role")
    @ApiResponse(responseCode = "404", description = "No such member in the caller's workspace")
    @ApiResponse(responseCode = "409", description = "The member is the workspace's last admin")
    @PatchMapping("/workspace/members/{id}")
    Member changeRole(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, @RequestBody RoleChange body) {
        caller.require(Role.ADMIN);
        var inputs = new AccountInputs();
        var role = inputs.role(body.role(), null, MEMBER_ROLES, "role");
        inputs.check();
        return Member.of(accounts.changeRole(caller, id, role));
    }

    @Operation(
            summary = "Remove a member (admin)",
            description = "Disables the account at once: its tokens stop working and every API key it created is"
                    + " revoked. The last admin cannot be removed.")
    @ApiResponse(responseCode = "204", description = "Removed")
    @ApiResponse(responseCode = "404", description = "No such member in the caller's workspace")
    @ApiResponse(responseCode = "409", description = "The member is the workspace's last admin")
    @DeleteMapping("/workspace/members/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        accounts.removeMember(caller, id);
    }

    @Operation(
            summary = "Invite someone into the workspace (admin)",
            description = "An address of the workspace's own domains or of a domain no workspace registered may be"
                    + " invited (the admin vouches for it); one of a domain another workspace registered only by the"
                    + " platform operator. The invitee chooses a password through the e-mailed link"
                    + " (POST /auth/invitations/accept). Role defaults to member.")
    @ApiResponse(responseCode = "201", description = "Invitation sent")
    @ApiResponse(
            responseCode = "409",
            description = "The address already has an account, or its domain belongs to another workspace")
    @PostMapping("/workspace/invitations")
    @ResponseStatus(HttpStatus.CREATED)
    AccountService.Invitation invite(@AuthenticationPrincipal Caller caller, @RequestBody InvitationRequest body) {
        caller.require(Role.ADMIN);
        var inputs = new AccountInputs();
        var email = inputs.email(body.email(), "email");
        var role = inputs.role(body.role(), Role.MEMBER, MEMBER_ROLES, "role");
        inputs.check();
        return accounts.invite(caller, email, role);
    }

    record Workspace(UUID id, String name, List<String> domains, Role role) {}

    record MemberPage(long count, List<Member> items) {}

    /** A member as the API shows it: no password hash, no token version. */
    record Member(
            UUID id,
            String email,
            String name,
            Role role,
            boolean confirmed,
            @Nullable Instant confirmedAt,
            Instant created) {

        static Member of(UserAccount user) {
            return new Member(
                    user.id(),
                    user.email(),
                    user.name(),
                    user.role(),
                    user.confirmed(),
                    user.confirmedAt(),
                    user.created());
        }
    }

    record RoleChange(@Nullable String role) {}

    record InvitationRequest(
            @Nullable String email, @Nullable String role) {}
}
