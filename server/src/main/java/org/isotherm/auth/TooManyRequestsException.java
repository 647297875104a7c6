package org.isotherm.auth;

import org.isotherm.web.ApiException;
import org.springframework.http.HttpStatus;

/** A 429: the client must wait {@link #retryAfterSeconds()} before trying again. */
public class TooManyRequestsException extends ApiException {

    private final long retryAfterSeconds;

    TooManyRequestsException(long retryAfterSeconds) {
        super(HttpStatus.TOO_MANY_REQUESTS, "Too many requests, retry in " + retryAfterSeconds + " s");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
