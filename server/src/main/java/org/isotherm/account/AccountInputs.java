package org.isotherm.account;

import java.util.List;
import java.util.regex.Pattern;
import org.isotherm.auth.Passwords;
import org.isotherm.auth.Role;
import org.isotherm.web.RequestValidationException;
import org.isotherm.web.ValidationError;
import org.jspecify.annotations.Nullable;

/** Shape checks of account requests, collected into one 422 in FastAPI's style (every problem, not the first). */
final class AccountInputs {

    /** Deliberately loose: one {@code @}, no spaces, a dot in the domain. The confirmation e-mail proves the rest. */
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private static final Pattern DOMAIN =
            Pattern.compile("^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$");

    static final int MAX_NAME = 200;

    private final java.util.ArrayList<ValidationError> errors = new java.util.ArrayList<>();

    String email(@Nullable String value, Object... loc) {
        if (missing(value, loc)) {
            return "";
        }
        var email = value.strip();
        if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            errors.add(ValidationError.body(
                    "value is not a valid email address: An email address must have exactly one @ and a domain",
                    "value_error",
                    loc));
        }
        return email;
    }

    String password(@Nullable String value, Object... loc) {
        if (missing(value, loc)) {
            return "";
        }
        if (value.length() < Passwords.MIN_LENGTH) {
            errors.add(ValidationError.body(
                    "String should have at least " + Passwords.MIN_LENGTH + " characters", "string_too_short", loc));
        } else if (value.length() > Passwords.MAX_LENGTH) {
            errors.add(ValidationError.body(
                    "String should have at most " + Passwords.MAX_LENGTH + " characters", "string_too_long", loc));
        }
        return value;
    }

    String token(@Nullable String value, Object... loc) {
        if (missing(value, loc)) {
            return "";
        }
        return value.strip();
    }

    /** An optional display name: absent is empty. */
    String name(@Nullable String value, Object... loc) {
        if (value == null) {
            return "";
        }
        if (value.strip().length() > MAX_NAME) {
            errors.add(ValidationError.body(
                    "String should have at most " + MAX_NAME + " characters", "string_too_long", loc));
        }
        return value.strip();
    }

    /** A required, non-blank text of at most {@code max} characters. */
    String text(@Nullable String value, int max, Object... loc) {
        if (missing(value, loc)) {
            return "";
        }
        var text = value.strip();
        if (text.isEmpty()) {
            errors.add(ValidationError.body("String should have at least 1 character", "string_too_short", loc));
        } else if (text.length() > max) {
            errors.add(
                    ValidationError.body("String should have at most " + max + " characters", "string_too_long", loc));
        }
        return text;
    }

    /** One of {@code allowed}; {@code fallback} when absent (null: required). */
    @Nullable
    Role role(@Nullable String value, @Nullable Role fallback, List<Role> allowed, Object... loc) {
        if (value == null) {
            if (fallback == null) {
                errors.add(ValidationError.body("Field required", "missing", loc));
            }
            return fallback;
        }
        for (var role : allowed) {
            if (role.wire().equals(value)) {
                return role;
            }
        }
        var names = allowed.stream().map(r -> "'" + r.wire() + "'").toList();
        var expected = names.size() == 1
                ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
        errors.add(ValidationError.body("Input should be " + expected, "enum", loc));
        return fallback;
    }

    /** A registered e-mail domain: lower case letters, digits and hyphens, at least two labels. */
    static boolean validDomain(String domain) {
        return DOMAIN.matcher(domain).matches();
    }

    void add(ValidationError error) {
        errors.add(error);
    }

    /** Throws the 422 if anything was wrong. */
    void check() {
        if (!errors.isEmpty()) {
            throw new RequestValidationException(errors);
        }
    }

    private boolean missing(@Nullable String value, Object... loc) {
        if (value == null) {
            errors.add(ValidationError.body("Field required", "missing", loc));
            return true;
        }
        return false;
    }

    static String domainOf(String email) {
        return email.substring(email.lastIndexOf('@') + 1).toLowerCase(java.util.Locale.ROOT);
    }
}
