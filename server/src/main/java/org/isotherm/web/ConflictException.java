package org.isotherm.web;

import org.springframework.http.HttpStatus;

/** The request is well formed but clashes with the current state of a resource. */
public class ConflictException extends ApiException {

    public ConflictException(String detail) {
        super(HttpStatus.CONFLICT, detail);
    }
}
