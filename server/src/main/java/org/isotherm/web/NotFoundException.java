package org.isotherm.web;

import org.springframework.http.HttpStatus;

/** A resource that does not exist, or that belongs to another workspace: both look the same to the caller. */
public class NotFoundException extends ApiException {

    public NotFoundException(String detail) {
        super(HttpStatus.NOT_FOUND, detail);
    }
}
