package org.isotherm.web;

import java.util.List;

/**
 * Text that PostgreSQL cannot store: it refuses the NUL character in {@code text} and {@code jsonb} alike, so a NUL
 * anywhere in a request is refused at the edge (422) rather than deep in a statement (500).
 */
public class UnstorableTextException extends RuntimeException {

    static final String MESSAGE = "Text may not contain the NUL character (U+0000)";

    private final transient ValidationError error;

    UnstorableTextException(String where, Object... path) {
        super(MESSAGE, null, false, false);
        this.error = ValidationError.of(where, MESSAGE, "string_nul", path);
    }

    static UnstorableTextException in(Throwable e) {
        for (var t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof UnstorableTextException found) {
                return found;
            }
        }
        return null;
    }

    List<ValidationError> errors() {
        return List.of(error);
    }
}
