package org.isotherm.auth;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.isotherm.web.ForbiddenException;
import org.isotherm.web.ListQuery;
import org.isotherm.web.NotFoundException;
import org.isotherm.web.RequestValidationException;
import org.isotherm.web.ValidationError;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Workspace API keys, managed by admins: listed without their secret, shown once at creation, revoked at once. */
@Tag(name = "API keys")
@RestController
class ApiKeyController {

    private static final int MAX_NAME = 100;

    private final ApiKeyRepository apiKeys;
    private final Credentials credentials;
    private final Clock clock;

    ApiKeyController(ApiKeyRepository apiKeys, Credentials credentials, Clock clock) {
        this.apiKeys = apiKeys;
        this.credentials = credentials;
        this.clock = clock;
    }

    @Operation(summary = "The workspace's API keys, newest first, revoked and expired ones included (no secrets)")
    @ApiResponse(responseCode = "200", description = "A page of keys; `count` is the total")
    @GetMapping("/workspace/api-keys")
    ApiKeyPage list(
            @AuthenticationPrincipal Caller caller,
            @RequestParam(defaultValue = "10") int limit,
            @RequestParam(defaultValue = "0") int offset) {
        ListQuery.checkPaging(limit, offset);
        caller.require(Role.ADMIN);
        var items = apiKeys.list(caller.workspaceId(), limit, offset).stream()
                .map(key -> ApiKeyView.of(key, null))
                .toList();
        return new ApiKeyPage(apiKeys.count(caller.workspaceId()), items);
    }

    @Operation(
            summary = "Create an API key",
            description = "The secret is in `key` of this answer only: it is stored hashed and never shown again."
                    + " Role defaults to member and is at most the creator's (`ingest` for publishing deliveries);"
                    + " `expires_at` is optional (RFC 3339, in the future).")
    @ApiResponse(responseCode = "201", description = "Created; `key` holds the secret")
    @PostMapping("/workspace/api-keys")
    @ResponseStatus(HttpStatus.CREATED)
    ApiKeyView create(@AuthenticationPrincipal Caller caller, @RequestBody ApiKeyRequest body) {
        caller.require(Role.ADMIN);
        var errors = new ArrayList<ValidationError>();
        var name = body.name() == null ? null : body.name().strip();
        if (name == null) {
            errors.add(ValidationError.body("Field required", "missing", "name"));
        } else if (name.isEmpty()) {
            errors.add(ValidationError.body("String should have at least 1 character", "string_too_short", "name"));
        } else if (name.length() > MAX_NAME) {
            errors.add(ValidationError.body(
                    "String should have at most " + MAX_NAME + " characters", "string_too_long", "name"));
        }
        var role = Role.MEMBER;
        if (body.role() != null) {
            role = switch (body.role()) {
                case "viewer" -> Role.VIEWER;
                case "member" -> Role.MEMBER;
                case "admin" -> Role.ADMIN;
                case "ingest" -> Role.INGEST;
                default -> {
                    errors.add(ValidationError.body(
                            "Input should be 'viewer', 'member', 'admin' or 'ingest'", "enum", "role"));
                    yield Role.MEMBER;
                }
            };
        }
        Instant expiresAt = null;
        if (body.expiresAt() != null) {
            try {
                expiresAt = OffsetDateTime.parse(body.expiresAt()).toInstant();
                if (!expiresAt.isAfter(clock.instant())) {
                    errors.add(ValidationError.body("Input should be in the future", "datetime_future", "expires_at"));
                }
            } catch (DateTimeParseException e) {
                errors.add(ValidationError.body(
                        "Input should be a valid datetime (RFC 3339, with a time zone)",
                        "datetime_parsing",
                        "expires_at"));
            }
        }
        if (!errors.isEmpty()) {
            throw new RequestValidationException(errors);
        }
        if (!ApiKeyRepository.mayGrant(caller.role(), role)) {
            throw new ForbiddenException("An API key cannot have a role above its creator's");
        }
        var created = apiKeys.create(caller.workspaceId(), caller.userId(), name, role, expiresAt);
        return ApiKeyView.of(created.apiKey(), created.secret());
    }

    @Operation(summary = "Revoke an API key", description = "Takes effect at once; revoking twice is harmless.")
    @ApiResponse(responseCode = "204", description = "Revoked")
    @ApiResponse(responseCode = "404", description = "No such key in the caller's workspace")
    @DeleteMapping("/workspace/api-keys/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        caller.require(Role.ADMIN);
        var key = apiKeys.find(caller.workspaceId(), id).orElseThrow(() -> new NotFoundException("API key not found"));
        apiKeys.revoke(caller.workspaceId(), id);
        credentials.forgetApiKey(key.prefix());
    }

    record ApiKeyRequest(
            @Nullable String name,
            @Nullable String role,
            @Nullable String expiresAt) {}

    record ApiKeyPage(long count, List<ApiKeyView> items) {}

    /** A key as the API shows it; {@code key} (the secret) only in the answer that created it. */
    record ApiKeyView(
            UUID id,
            String name,
            Role role,
            String prefix,
            Instant created,
            @Nullable Instant expiresAt,
            @Nullable Instant revokedAt,
            UUID createdBy,

            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable
            String key) {

        static ApiKeyView of(ApiKey key, @Nullable String secret) {
            return new ApiKeyView(
                    key.id(),
                    key.name(),
                    key.role(),
                    key.prefix(),
                    key.created(),
                    key.expiresAt(),
                    key.revokedAt(),
                    key.createdBy(),
                    secret);
        }
    }
}
