package org.isotherm.web;

import org.springframework.http.HttpStatus;

/** A value that is well typed but breaks a rule (the guide's 400 "invalid request body values"). */
public class BadRequestException extends ApiException {

    public BadRequestException(String detail) {
        super(HttpStatus.BAD_REQUEST, detail);
    }
}
