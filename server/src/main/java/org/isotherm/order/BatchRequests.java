package org.isotherm.order;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.isotherm.product.Frequency;
import org.isotherm.web.RequestValidationException;
import org.isotherm.web.ValidationError;
import org.jspecify.annotations.Nullable;

/**
 * Checks the shape of a batch (everything that does not depend on stored data) and turns it into drafts. Every
 * problem of every order is reported at once as a 422, FastAPI style; the product rules come later, as 400s.
 */
final class BatchRequests {

    static final int MAX_TAGS = 10;
    static final int MAX_TAG_LENGTH = 50;
    static final int MAX_COMMENT_LENGTH = 2000;

    private BatchRequests() {}

    /** A batch whose shape is valid. */
    record BatchDraft(String useCase, @Nullable String comment, List<OrderDraft> orders) {}

    /** One order whose shape is valid; product rules are not checked yet. */
    record OrderDraft(
            UUID areaOfInterestId,
            Instant startDate,
            Instant endDate,
            Frequency frequency,
            String productName,
            @Nullable String comment,
            List<String> tags,
            @Nullable String illuminationConstraint,
            @Nullable Integer maximumNumberOfImages,
            Map<String, Boolean> productOptions) {}

    static BatchDraft parse(BatchRequest request, int maxBatchSize) {
        var errors = new ArrayList<ValidationError>();
        // optional: clients of the guide always send it, and a batch without one is of an unknown use
        var useCase = request.useCase() == null ? UseCases.UNKNOWN : request.useCase();
        if (!UseCases.ALL.contains(useCase)) {
            errors.add(ValidationError.body(
                    "Input should be one of the use cases of GET /orders/meta/use-cases: "
                            + String.join(
                                    ", ",
                                    UseCases.ALL.stream()
                                            .map(u -> "'" + u + "'")
                                            .toList()),
                    "enum",
                    "use_case"));
        }
        comment(request.comment(), errors, "comment");
        var orders = new ArrayList<OrderDraft>();
        if (request.orders() == null) {
            errors.add(ValidationError.body("Field required", "missing", "orders"));
        } else if (request.orders().isEmpty()) {
            errors.add(
                    ValidationError.body("List should have at least 1 item after validation", "too_short", "orders"));
        } else if (request.orders().size() > maxBatchSize) {
            errors.add(ValidationError.body(
                    "List should have at most " + maxBatchSize + " items after validation, not "
                            + request.orders().size(),
                    "too_long",
                    "orders"));
        } else {
            for (int i = 0; i < request.orders().size(); i++) {
                var order = request.orders().get(i);
                if (order == null) {
                    errors.add(ValidationError.body(
                            "Input should be a valid dictionary or object", "model_type", "orders", i));
                    continue;
                }
                var draft = order(order, i, errors);
                if (draft != null) {
                    orders.add(draft);
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new RequestValidationException(errors);
        }
        return new BatchDraft(useCase, request.comment(), orders);
    }

    private static @Nullable OrderDraft order(BatchRequest.OrderRequest o, int i, List<ValidationError> errors) {
        int before = errors.size();
        var aoi = uuid(o.areaOfInterestId(), errors, "orders", i, "area_of_interest_id");
        var start = dateTime(o.startDate(), errors, "orders", i, "start_date");
        var end = dateTime(o.endDate(), errors, "orders", i, "end_date");
        if (start != null && end != null && !end.isAfter(start)) {
            errors.add(
                    ValidationError.body("end_date must be after start_date", "value_error", "orders", i, "end_date"));
        }
        Frequency frequency = null;
        if (o.frequency() == null) {
            errors.add(ValidationError.body("Field required", "missing", "orders", i, "frequency"));
        } else {
            frequency = Frequency.parse(o.frequency()).orElse(null);
            if (frequency == null) {
                errors.add(ValidationError.body(
                        "Input should be " + Frequency.choices(), "enum", "orders", i, "frequency"));
            }
        }
        if (o.productName() == null || o.productName().isBlank()) {
            errors.add(ValidationError.body("Field required", "missing", "orders", i, "product_name"));
        }
        comment(o.comment(), errors, "orders", i, "comment");
        var tags = tags(o.tags(), errors, "orders", i, "tags");
        var illumination = o.illuminationConstraint();
        if (illumination != null && !illumination.equals("day") && !illumination.equals("night")) {
            errors.add(ValidationError.body(
                    "Input should be 'day', 'night' or null", "enum", "orders", i, "illumination_constraint"));
        }
        var images = o.maximumNumberOfImages();
        if (images != null && images < 1) {
            errors.add(ValidationError.body(
                    "Input should be greater than or equal to 1",
                    "greater_than_equal",
                    "orders",
                    i,
                    "maximum_number_of_images"));
        } else if (frequency == Frequency.SINGLE_IMAGE) {
            if (images != null && images != 1) {
                errors.add(ValidationError.body(
                        "maximum_number_of_images must be 1 for the single_image frequency",
                        "value_error",
                        "orders",
                        i,
                        "maximum_number_of_images"));
            }
            images = 1;
        }
        var options = new LinkedHashMap<String, Boolean>();
        if (o.productOptions() != null) {
            o.productOptions().forEach((name, value) -> {
                if (value instanceof Boolean flag) {
                    options.put(name, flag);
                } else {
                    errors.add(ValidationError.body(
                            "Input should be a valid boolean", "bool_type", "orders", i, "product_options", name));
                }
            });
        }
        if (errors.size() > before) {
            return null;
        }
        return new OrderDraft(
                aoi, start, end, frequency, o.productName(), o.comment(), tags, illumination, images, options);
    }

    /** Tags are limited to at most 10, each 1 to 50 characters, no duplicates. */
    static List<String> tags(@Nullable List<@Nullable String> tags, List<ValidationError> errors, Object... loc) {
        if (tags == null) {
            return List.of();
        }
        if (tags.size() > MAX_TAGS) {
            errors.add(ValidationError.body(
                    "List should have at most " + MAX_TAGS + " items after validation, not " + tags.size(),
                    "too_long",
                    loc));
            return List.of();
        }
        var seen = new HashSet<String>();
        for (int t = 0; t < tags.size(); t++) {
            var tag = tags.get(t);
            var at = append(loc, t);
            if (tag == null || tag.isBlank()) {
                errors.add(ValidationError.body("A tag must not be empty", "string_too_short", at));
            } else if (tag.length() > MAX_TAG_LENGTH) {
                errors.add(ValidationError.body(
                        "String should have at most " + MAX_TAG_LENGTH + " characters", "string_too_long", at));
            } else if (!seen.add(tag)) {
                errors.add(ValidationError.body("Duplicate tag '" + tag + "'", "value_error", at));
            }
        }
        // List.copyOf refuses nulls; a null tag has its error above
        return tags.stream().filter(java.util.Objects::nonNull).toList();
    }

    static void comment(@Nullable String comment, List<ValidationError> errors, Object... loc) {
        if (comment != null && comment.length() > MAX_COMMENT_LENGTH) {
            errors.add(ValidationError.body(
                    "String should have at most " + MAX_COMMENT_LENGTH + " characters", "string_too_long", loc));
        }
    }

    private static @Nullable UUID uuid(@Nullable String value, List<ValidationError> errors, Object... loc) {
        if (value == null) {
            errors.add(ValidationError.body("Field required", "missing", loc));
            return null;
        }
        try {
            if (value.length() == 36) {
                return UUID.fromString(value);
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        errors.add(ValidationError.body("Input should be a valid UUID", "uuid_parsing", loc));
        return null;
    }

    /** RFC 3339 with a Z or an offset, normalised to UTC and to the microseconds PostgreSQL keeps. */
    private static @Nullable Instant dateTime(@Nullable String value, List<ValidationError> errors, Object... loc) {
        if (value == null) {
            errors.add(ValidationError.body("Field required", "missing", loc));
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant().truncatedTo(ChronoUnit.MICROS);
        } catch (DateTimeParseException e) {
            errors.add(ValidationError.body(
                    "Input should be an RFC 3339 date-time with a time zone (Z or +hh:mm)", "datetime_parsing", loc));
            return null;
        }
    }

    private static Object[] append(Object[] loc, Object last) {
        var out = java.util.Arrays.copyOf(loc, loc.length + 1);
        out[loc.length] = last;
        return out;
    }
}
