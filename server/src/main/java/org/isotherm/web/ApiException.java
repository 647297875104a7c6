package org.isotherm.web;

import org.springframework.http.HttpStatus;

/**
 * An error the client can act on, answered as {@code {"detail": "..."}} with its status. Features throw
 * named subclasses so that the condition, not the status code, shows at the throw site.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;

    public ApiException(HttpStatus status, String detail) {
        super(detail, null, false, false);
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }

    public String detail() {
        return getMessage();
    }
}
