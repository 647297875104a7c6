package org.isotherm.web;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The guide's listing parameters, checked once for every list: {@code limit} 1 to
 * {@value #MAX_LIMIT}, {@code offset} from 0, {@code sort} {@code created}, {@code +created} or {@code -created}.
 */
public record ListQuery(int limit, long offset, boolean newestFirst) {

    public static final int MAX_LIMIT = 1000;

    /** Checks {@code limit} and {@code offset} of a list that has one fixed order: 422 naming each bad one. */
    public static void checkPaging(int limit, long offset) {
        var errors = new ArrayList<ValidationError>();
        of(limit, offset, null, errors);
        if (!errors.isEmpty()) {
            throw new RequestValidationException(errors);
        }
    }

    /**
     * Checks the parameters; each problem is added to {@code errors} (so that a controller can add its own filters'
     * problems and answer them all in one 422), and the returned query is only meaningful when none was added.
     */
    public static ListQuery of(int limit, long offset, @Nullable String sort, List<ValidationError> errors) {
        if (limit < 1) {
            errors.add(
                    ValidationError.query("limit", "Input should be greater than or equal to 1", "greater_than_equal"));
        } else if (limit > MAX_LIMIT) {
            errors.add(ValidationError.query(
                    "limit", "Input should be less than or equal to " + MAX_LIMIT, "less_than_equal"));
        }
        if (offset < 0) {
            errors.add(ValidationError.query(
                    "offset", "Input should be greater than or equal to 0", "greater_than_equal"));
        }
        // An unencoded "+created" arrives as " created": '+' in a query string is a space.
        boolean newestFirst = true;
        if (sort != null) {
            switch (sort) {
                case "-created" -> newestFirst = true;
                case "created", "+created", " created" -> newestFirst = false;
                default ->
                    errors.add(ValidationError.query(
                            "sort", "Input should be 'created', '+created' or '-created'", "literal_error"));
            }
        }
        return new ListQuery(limit, offset, newestFirst);
    }
}
