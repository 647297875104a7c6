package org.isotherm.account;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.isotherm.account.AccountTokens.Purpose;
import org.isotherm.auth.Caller;
import org.isotherm.auth.Credentials;
import org.isotherm.auth.Passwords;
import org.isotherm.auth.Role;
import org.isotherm.notify.Mailer;
import org.isotherm.web.BadRequestException;
import org.isotherm.web.ConflictException;
import org.isotherm.web.ForbiddenException;
import org.isotherm.web.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The account use cases: sign-up and confirmation, password reset, invitations, and a workspace admin's changes to
 * members. Each spans users, one-time links, e-mails and API keys in one transaction, and tells {@link Credentials}
 * about every user or key it changes so that the change applies to the next request.
 */
@Service
class AccountService {

    static final String INVALID_LINK = "Invalid or expired link: request a new one";
    static final String DOMAIN_NOT_REGISTERED = "E-mail domain not registered: ask your organization's admin";
    static final String DOMAIN_OF_ANOTHER_WORKSPACE = "E-mail domain registered to another workspace: its people"
            + " sign up there, and only the platform operator can invite them into this one";

    private final UserRepository users;
    private final OrganizationRepository organizations;
    private final AccountTokens tokens;
    private final Passwords passwords;
    private final Mailer mailer;
    private final Credentials credentials;
    private final AccountProperties properties;
    private final Clock clock;
    private final SchedulerClient scheduler;
    private final OneTimeTask<String> passwordResetMailTask;

    AccountService(
            UserRepository users,
            OrganizationRepository organizations,
            AccountTokens tokens,
            Passwords passwords,
            Mailer mailer,
            Credentials credentials,
            AccountProperties properties,
            Clock clock,
            SchedulerClient scheduler,
            OneTimeTask<String> passwordResetMailTask) {
        this.users = users;
        this.organizations = organizations;
        this.tokens = tokens;
        this.passwords = passwords;
        this.mailer = mailer;
        this.credentials = credentials;
        this.properties = properties;
        this.clock = clock;
        this.scheduler = scheduler;
        this.passwordResetMailTask = passwordResetMailTask;
    }

    /**
     * Signs a person up into the workspace of their e-mail domain. An address that already has an account gets an
     * e-mail saying so (with a reset link) and the caller the same answer as for a new one, so the endpoint does not
     * tell which addresses exist; the password is hashed either way so timing does not tell either.
     */
    @Transactional
    void signUp(String email, String password, String name) {
        var workspace = organizations
                .findByDomain(AccountInputs.domainOf(email))
                .orElseThrow(() -> new BadRequestException(DOMAIN_NOT_REGISTERED));
        var hash = passwords.hash(password);
        var existing = users.findByEmail(email);
        if (existing.isPresent()) {
            var user = existing.get();
            if (user.active()) {
                mailResetLink(
                        user,
                        "You already have an Isotherm account",
                        """
                        Someone (probably you) tried to sign up to Isotherm with this address, but it already has an
                        account. Log in with your password, or choose a new one here:""",
                        "If you did not try to sign up, ignore this e-mail.");
            }
            return;
        }
        // Empty when a concurrent sign-up of the same address won; answering as usual keeps the endpoint silent.
        var inserted = users.insertIfAbsent(workspace, email, name, hash, Role.MEMBER);
        if (inserted.isEmpty()) {
            return;
        }
        var user = inserted.get();
        var expires = expiry();
        var token = tokens.issue(user.id(), Purpose.CONFIRM, expires);
        mailer.send(user.email(), "Confirm your Isotherm account", """
                Welcome to Isotherm. Confirm your e-mail address to activate your account:

                %s

                Through the API: POST /auth/confirm {"token": "%s"}
                The link is valid until %s. If you did not sign up, ignore this e-mail.
                """.formatted(
                        properties.link("/ui/confirm", token), token, expires));
    }

    @Transactional
    String confirm(String token) {
        var user = use(token, Purpose.CONFIRM);
        users.confirm(user.id());
        credentials.forgetUser(user.id());
        return user.email();
    }

    /**
     * Asks for a reset link for the address, to be mailed by {@link PasswordResetMail} after the answer. The request
     * itself only schedules that task, one row whatever the address, so its time tells nothing about who has an
     * account: looking the address up and writing a link and an e-mail in the request made a known address answer
     * measurably slower than an unknown one. (Sign-up's two answers cost the same by doing the same work, a password
     * hash and an e-mail, but an unknown address here has no e-mail to be sent.)
     */
    void requestPasswordReset(String email) {
        scheduler.schedule(passwordResetMailTask.instance(UUID.randomUUID().toString(), email), clock.instant());
    }

    /** E-mails a reset link to an active account; an unknown address gets nothing. */
    @Transactional
    void mailPasswordReset(String email) {
        users.findByEmail(email)
                .filter(UserAccount::active)
                .ifPresent(user -> mailResetLink(
                        user,
                        "Reset your Isotherm password",
                        "Choose a new Isotherm password here:",
                        "If you did not ask for this, ignore this e-mail: your password stays."));
    }

    /** Sets the password: earlier tokens stop working and the other reset links of the account are void. */
    @Transactional
    String resetPassword(String token, String password) {
        var user = use(token, Purpose.RESET);
        users.changePassword(user.id(), passwords.hash(password));
        tokens.revokeAll(user.id(), Purpose.RESET, clock.instant());
        credentials.forgetUser(user.id());
        return user.email();
    }

    /**
     * Invites an address into the caller's workspace: one of its own domains or of a domain no workspace registered
     * (the admin vouches for it). An address of a domain another workspace registered is a 409, since its people
     * belong there, unless the platform operator invites it. A pending invitee or a removed member of the same
     * workspace is invited afresh; anyone else with an account is a 409.
     */
    @Transactional
    Invitation invite(Caller caller, String email, Role role) {
        caller.require(Role.ADMIN);
        var domainOwner = organizations.findByDomain(AccountInputs.domainOf(email));
        if (domainOwner.isPresent() && !domainOwner.get().equals(caller.workspaceId()) && !caller.isOperator()) {
            throw new ConflictException(DOMAIN_OF_ANOTHER_WORKSPACE);
        }
        organizations.lock(caller.workspaceId());
        var existing = users.findByEmail(email);
        UUID userId;
        if (existing.isEmpty()) {
            try {
                userId = users.insert(caller.workspaceId(), email, "", null, role, null)
                        .id();
            } catch (DuplicateKeyException e) {
                throw new ConflictException("A user with this e-mail already exists");
            }
        } else if (existing.get().organizationId().equals(caller.workspaceId()) && invitable(existing.get())) {
            userId = existing.get().id();
            users.resetToInvitee(userId, role);
            credentials.forgetUser(userId);
        } else {
            throw new ConflictException("A user with this e-mail already exists");
        }
        var expires = expiry();
        var token = tokens.issue(userId, Purpose.INVITE, expires);
        var workspace = organizations.findName(caller.workspaceId()).orElse("an Isotherm workspace");
        mailer.send(email, "You are invited to " + workspace + " on Isotherm", """
                %s invited you to the workspace "%s" on Isotherm as %s.
                Choose your password to join:

                %s

                Through the API: POST /auth/invitations/accept {"token": "%s", "password": "...", "name": "..."}
                The link is valid until %s.
                """.formatted(
                        caller.email(),
                        workspace,
                        role.wire(),
                        properties.link("/ui/accept-invitation", token),
                        token,
                        expires));
        return new Invitation(userId, email.toLowerCase(java.util.Locale.ROOT), role, expires);
    }

    @Transactional
    String acceptInvitation(String token, String password, String name) {
        var user = use(token, Purpose.INVITE);
        users.acceptInvitation(user.id(), passwords.hash(password), name.isEmpty() ? user.name() : name);
        tokens.revokeAll(user.id(), Purpose.INVITE, clock.instant());
        credentials.forgetUser(user.id());
        return user.email();
    }

    /**
     * Changes a member's role; the last admin cannot step down. API keys the member made with a role above the new
     * one are revoked, so a demotion cannot be sidestepped with a key made earlier.
     */
    @Transactional
    UserAccount changeRole(Caller caller, UUID memberId, Role role) {
        caller.require(Role.ADMIN);
        organizations.lock(caller.workspaceId());
        var member = member(caller, memberId);
        if (member.role() == Role.OPERATOR) {
            throw new ForbiddenException("The operator's role is not managed here");
        }
        if (member.role() == Role.ADMIN && role != Role.ADMIN && users.countAdmins(caller.workspaceId()) <= 1) {
            throw new ConflictException("Cannot demote the last admin of the workspace");
        }
        users.updateRole(memberId, role);
        credentials.revokeApiKeysAbove(memberId, role);
        credentials.forgetUser(memberId);
        return users.findById(memberId).orElseThrow();
    }

    /** Removes a member: the account is disabled, its tokens stop working and every API key it created is revoked. */
    @Transactional
    void removeMember(Caller caller, UUID memberId) {
        caller.require(Role.ADMIN);
        organizations.lock(caller.workspaceId());
        var member = member(caller, memberId);
        if (member.role() == Role.OPERATOR) {
            throw new ForbiddenException("The operator is not managed here");
        }
        if (member.role() == Role.ADMIN && users.countAdmins(caller.workspaceId()) <= 1) {
            throw new ConflictException("Cannot remove the last admin of the workspace");
        }
        users.disable(memberId);
        credentials.revokeApiKeysOf(memberId);
        credentials.forgetUser(memberId);
    }

    /** Operator: a workspace with its e-mail domains; 409 when the name or a domain is taken. */
    @Transactional
    OrganizationRepository.Organization createOrganization(String name, List<String> domains) {
        if (organizations.nameTaken(name)) {
            throw new ConflictException("An organization with this name already exists");
        }
        var taken = organizations.takenDomains(domains);
        if (!taken.isEmpty()) {
            throw new ConflictException("Domain already registered: " + String.join(", ", taken));
        }
        try {
            var id = organizations.insert(name, domains);
            return organizations.find(id).orElseThrow();
        } catch (DuplicateKeyException e) {
            throw new ConflictException("An organization with this name or domain already exists");
        }
    }

    /** Operator: a confirmed user in any workspace, whatever the e-mail's domain. */
    @Transactional
    UserAccount createUser(UUID organizationId, String email, String password, Role role) {
        if (organizations.find(organizationId).isEmpty()) {
            throw new NotFoundException("Organization not found");
        }
        if (users.findByEmail(email).isPresent()) {
            throw new ConflictException("A user with this e-mail already exists");
        }
        try {
            return users.insert(organizationId, email, "", passwords.hash(password), role, clock.instant());
        } catch (DuplicateKeyException e) {
            throw new ConflictException("A user with this e-mail already exists");
        }
    }

    /** Mails the user a new reset link: {@code opening} leads to it, {@code closing} ends the e-mail. */
    private void mailResetLink(UserAccount user, String subject, String opening, String closing) {
        var expires = expiry();
        var token = tokens.issue(user.id(), Purpose.RESET, expires);
        mailer.send(user.email(), subject, """
                %s

                %s

                Through the API: POST /auth/password-reset/confirm {"token": "%s", "password": "..."}
                The link is valid until %s. %s
                """.formatted(
                        opening, properties.link("/ui/reset-password", token), token, expires, closing));
    }

    private UserAccount member(Caller caller, UUID memberId) {
        return users.findMember(caller.workspaceId(), memberId)
                .orElseThrow(() -> new NotFoundException("Member not found"));
    }

    private UserAccount use(String token, Purpose purpose) {
        Optional<UserAccount> user = tokens.consume(token, purpose, clock.instant())
                .flatMap(users::findById)
                .filter(UserAccount::active);
        return user.orElseThrow(() -> new BadRequestException(INVALID_LINK));
    }

    private static boolean invitable(UserAccount user) {
        return !user.active() || (user.passwordHash() == null && !user.confirmed());
    }

    private Instant expiry() {
        return clock.instant().plus(properties.linkTtl()).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    /** An invitation just sent. */
    record Invitation(UUID userId, String email, Role role, Instant expiresAt) {}
}
