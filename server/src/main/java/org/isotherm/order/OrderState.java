package org.isotherm.order;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.isotherm.web.ValidationError;
import org.jspecify.annotations.Nullable;

/**
 * The order lifecycle. The allowed moves are listed here and nowhere else;
 * {@link OrderRepository#transition} refuses any other, so an illegal transition cannot be written.
 */
public enum OrderState {
    /** The guide's first state: placed, awaiting validation (automatic, or by an operator). */
    INITIAL_STATE,
    IN_PROGRESS,
    REJECTED,
    /** Period over; the last deliveries are being processed. */
    CLOSING,
    CLOSED,
    CANCELLED;

    /** The states this one may move to. */
    public Set<OrderState> next() {
        return switch (this) {
            case INITIAL_STATE -> Set.of(IN_PROGRESS, REJECTED, CANCELLED);
            case IN_PROGRESS -> Set.of(CLOSING, CANCELLED);
            case CLOSING -> Set.of(CLOSED);
            case REJECTED, CLOSED, CANCELLED -> Set.of();
        };
    }

    public boolean canMoveTo(OrderState to) {
        return next().contains(to);
    }

    /** Whether the order has reached the end of its lifecycle. */
    public boolean finished() {
        return next().isEmpty();
    }

    /** Whether the customer may still delete the order (nothing was ever produced for it). */
    boolean deletable() {
        return this == INITIAL_STATE || this == REJECTED;
    }

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<OrderState> parse(String value) {
        return Arrays.stream(values()).filter(s -> s.wire().equals(value)).findFirst();
    }

    /**
     * The {@code state} query parameter of the order listings: null when absent; an unknown value adds its 422
     * entry to {@code errors} and yields null.
     */
    static @Nullable OrderState queryFilter(@Nullable String state, List<ValidationError> errors) {
        if (state == null) {
            return null;
        }
        var parsed = parse(state);
        if (parsed.isEmpty()) {
            errors.add(ValidationError.query("state", "Input should be " + choices(), "enum"));
        }
        return parsed.orElse(null);
    }

    static String choices() {
        return String.join(
                ", ", Arrays.stream(values()).map(s -> "'" + s.wire() + "'").toList());
    }
}
