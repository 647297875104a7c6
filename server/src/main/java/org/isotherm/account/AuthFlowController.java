package org.isotherm.account;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.isotherm.auth.LoginRateLimiter;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public account flows under {@code /auth}: sign-up, e-mail confirmation, password reset and accepting an
 * invitation. All are rate limited per client address, and those naming an account per account too.
 */
@Tag(name = "Accounts")
@RestController
class AuthFlowController {

    private final AccountService accounts;
    private final LoginRateLimiter rateLimiter;

    AuthFlowController(AccountService accounts, LoginRateLimiter rateLimiter) {
        this.accounts = accounts;
        this.rateLimiter = rateLimiter;
    }

    @Operation(
            summary = "Sign up with an e-mail of a registered domain",
            description = "Sends a confirmation e-mail with a one-time link. An address that already has an account"
                    + " gets the same answer (and an e-mail saying so), so the answer tells nothing about who exists.")
    @ApiResponse(responseCode = "202", description = "Confirmation e-mail on its way")
    @ApiResponse(responseCode = "400", description = "E-mail domain not registered")
    @ApiResponse(responseCode = "429", description = "Too many attempts")
    @PostMapping("/auth/signup")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Accepted signUp(@RequestBody SignUpRequest body, HttpServletRequest request) {
        rateLimiter.check(request, body.email());
        var inputs = new AccountInputs();
        var email = inputs.email(body.email(), "email");
        var password = inputs.password(body.password(), "password");
        var name = inputs.name(body.name(), "name");
        inputs.check();
        accounts.signUp(email, password, name);
        return new Accepted("If the address can sign up, a confirmation e-mail is on its way: follow its link");
    }

    @Operation(summary = "Confirm an e-mail address with the token of the confirmation e-mail")
    @ApiResponse(responseCode = "200", description = "Confirmed: log in with POST /token")
    @ApiResponse(responseCode = "400", description = "Invalid, used or expired token")
    @ApiResponse(responseCode = "429", description = "Too many attempts")
    @PostMapping("/auth/confirm")
    AccountDone confirm(@RequestBody TokenRequest body, HttpServletRequest request) {
        rateLimiter.check(request, null);
        var inputs = new AccountInputs();
        var token = inputs.token(body.token(), "token");
        inputs.check();
        return new AccountDone(accounts.confirm(token));
    }

    @Operation(
            summary = "Ask for a password-reset e-mail",
            description =
                    "Always 202, given before the address is looked up, so an unknown address gets the same answer"
                            + " in the same time (and no e-mail); the e-mail follows moments later.")
    @ApiResponse(responseCode = "202", description = "Reset e-mail on its way if the account exists")
    @ApiResponse(responseCode = "429", description = "Too many attempts")
    @PostMapping("/auth/password-reset")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Accepted requestPasswordReset(@RequestBody PasswordResetRequest body, HttpServletRequest request) {
        rateLimiter.check(request, body.email());
        var inputs = new AccountInputs();
        var email = inputs.email(body.email(), "email");
        inputs.check();
        accounts.requestPasswordReset(email);
        return new Accepted("If the address has an account, a password-reset e-mail is on its way");
    }

    @Operation(
            summary = "Set a new password with the token of the reset e-mail",
            description = "Tokens issued before stop working; the address counts as confirmed.")
    @ApiResponse(responseCode = "200", description = "Password set: log in with POST /token")
    @ApiResponse(responseCode = "400", description = "Invalid, used or expired token")
    @ApiResponse(responseCode = "429", description = "Too many attempts")
    @PostMapping("/auth/password-reset/confirm")
    AccountDone resetPassword(@RequestBody NewPasswordRequest body, HttpServletRequest request) {
        rateLimiter.check(request, null);
        var inputs = new AccountInputs();
        var token = inputs.token(body.token(), "token");
        var password = inputs.password(body.password(), "password");
        inputs.check();
        return new AccountDone(accounts.resetPassword(token, password));
    }

    @Operation(summary = "Accept an invitation: choose a password (and a name) with the token of the invitation")
    @ApiResponse(responseCode = "200", description = "Joined and confirmed: log in with POST /token")
    @ApiResponse(responseCode = "400", description = "Invalid, used or expired token")
    @ApiResponse(responseCode = "429", description = "Too many attempts")
    @PostMapping("/auth/invitations/accept")
    AccountDone acceptInvitation(@RequestBody AcceptInvitationRequest body, HttpServletRequest request) {
        rateLimiter.check(request, null);
        var inputs = new AccountInputs();
        var token = inputs.token(body.token(), "token");
        var password = inputs.password(body.password(), "password");
        var name = inputs.name(body.name(), "name");
        inputs.check();
        return new AccountDone(accounts.acceptInvitation(token, password, name));
    }

    record SignUpRequest(
            @Nullable String email,
            @Nullable String password,
            @Nullable String name) {}

    record TokenRequest(@Nullable String token) {}

    record PasswordResetRequest(@Nullable String email) {}

    record NewPasswordRequest(
            @Nullable String token, @Nullable String password) {}

    record AcceptInvitationRequest(
            @Nullable String token,
            @Nullable String password,
            @Nullable String name) {}

    /** The answer of a request whose outcome arrives by e-mail. */
    record Accepted(String message) {}

    /** The account a link was used for. */
    record AccountDone(String email) {}
}
