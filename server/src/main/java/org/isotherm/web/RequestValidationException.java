package org.isotherm.web;

import java.util.List;

/** A request whose shape is wrong: answered 422 with every problem found, not just the first. */
public class RequestValidationException extends RuntimeException {

    private final List<ValidationError> errors;

    public RequestValidationException(List<ValidationError> errors) {
        super(errors.isEmpty() ? "invalid request" : errors.get(0).msg(), null, false, false);
        this.errors = List.copyOf(errors);
    }

    public RequestValidationException(ValidationError error) {
        this(List.of(error));
    }

    public List<ValidationError> errors() {
        return errors;
    }
}
