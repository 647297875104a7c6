package org.isotherm.auth;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import org.isotherm.web.RequestValidationException;
import org.isotherm.web.ValidationError;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /token}, exactly as the guide's "Authentication API": OAuth2 password form in, bearer JWT out. */
@Tag(name = "Authentication")
@RestController
class TokenController {

    private final PasswordLogin login;
    private final Credentials credentials;
    private final LoginRateLimiter rateLimiter;

    TokenController(PasswordLogin login, Credentials credentials, LoginRateLimiter rateLimiter) {
        this.login = login;
        this.credentials = credentials;
        this.rateLimiter = rateLimiter;
    }

    @Operation(summary = "Get an access token", description = "Valid for 24 hours; send it as `Authorization: Bearer`.")
    @ApiResponse(responseCode = "200", description = "The bearer token")
    @ApiResponse(
            responseCode = "401",
            description = "Invalid credentials, e-mail not confirmed or password reset required")
    @ApiResponse(
            responseCode = "429",
            description =
                    "Too many attempts for this account from this client address, from this address, or for this account")
    @PostMapping(path = "/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    TokenResponse token(
            HttpServletRequest request,
            @RequestParam(name = "username", required = false) String username,
            @RequestParam(name = "password", required = false) String password) {
        rateLimiter.check(request, username);
        var missing = new ArrayList<ValidationError>();
        if (username == null || username.isEmpty()) {
            missing.add(ValidationError.body("Field required", "missing", "username"));
        }
        if (password == null || password.isEmpty()) {
            missing.add(ValidationError.body("Field required", "missing", "password"));
        }
        if (!missing.isEmpty()) {
            throw new RequestValidationException(missing);
        }
        var user = login.authenticate(username, password);
        rateLimiter.succeeded(request, username);
        var token = credentials.issueToken(user);
        return new TokenResponse(token.accessToken(), "bearer", token.expiresIn());
    }

    record TokenResponse(String accessToken, String tokenType, long expiresIn) {}
}
