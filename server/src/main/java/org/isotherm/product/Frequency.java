package org.isotherm.product;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How often an order is fulfilled. The wire form is the canonical underscore spelling; the
 * guide's hyphenated spellings ({@code single-image}) are accepted on input as aliases, never written.
 */
public enum Frequency {
    SINGLE_IMAGE,
    MAX_FREQUENCY,
    ONCE_EVERY_TWO_WEEKS,
    MONTHLY,
    WEEKLY,
    DAILY;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The frequency named by a canonical value or its hyphenated alias. */
    public static Optional<Frequency> parse(String value) {
        var canonical = value.replace('-', '_');
        return Arrays.stream(values()).filter(f -> f.wire().equals(canonical)).findFirst();
    }

    /** "'single_image', 'max_frequency', ... or 'daily'", for error messages. */
    public static String choices() {
        var quoted = Arrays.stream(values()).map(f -> "'" + f.wire() + "'").toList();
        return quoted.subList(0, quoted.size() - 1).stream().collect(Collectors.joining(", ")) + " or "
                + quoted.get(quoted.size() - 1);
    }
}
