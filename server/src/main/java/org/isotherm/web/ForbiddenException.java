package org.isotherm.web;

import org.springframework.http.HttpStatus;

/** The caller is known but their role does not allow the action. */
public class ForbiddenException extends ApiException {

    public ForbiddenException(String detail) {
        super(HttpStatus.FORBIDDEN, detail);
    }
}
