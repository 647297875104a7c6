package org.isotherm.auth;

import org.isotherm.web.ApiException;
import org.springframework.http.HttpStatus;

/** A 401 whose detail tells the client what to do about it. */
public class BadCredentialsException extends ApiException {

    /** The guide's wording: missing or expired credentials say exactly this, so clients can match on it and log in again. */
    public static final String NOT_AUTHENTICATED = "Not authenticated";

    public BadCredentialsException(String detail) {
        super(HttpStatus.UNAUTHORIZED, detail);
    }

    static BadCredentialsException invalidToken() {
        return new BadCredentialsException("Could not validate credentials");
    }

    static BadCredentialsException notYetValid() {
        return new BadCredentialsException("Token not yet valid: it was issued for a time in the future");
    }

    static BadCredentialsException expired() {
        return new BadCredentialsException(NOT_AUTHENTICATED);
    }
}
