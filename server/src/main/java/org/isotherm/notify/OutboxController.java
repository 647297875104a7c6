package org.isotherm.notify;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import org.isotherm.web.ListQuery;
import org.isotherm.web.RequestValidationException;
import org.isotherm.web.ValidationError;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /admin/outbox}: every e-mail the platform recorded, bodies included, for the operator. On the embedded
 * platform without SMTP this is where a local user's confirmation link is read.
 */
@Tag(name = "Operator")
@RestController
class OutboxController {

    private final OutboxRepository outbox;

    OutboxController(OutboxRepository outbox) {
        this.outbox = outbox;
    }

    @Operation(
            summary = "E-mails recorded in the outbox, newest first",
            description = "Operator only. `to` narrows to one recipient, `status` to one delivery state: `stored`"
                    + " (no SMTP configured), `pending` (not sent yet, retried with backoff), `sent`, or `failed`"
                    + " (given up after the last attempt; `error` says why).")
    @GetMapping("/admin/outbox")
    OutboxPage list(
            @Parameter(description = "Only e-mails to this address") @RequestParam(required = false) @Nullable
                    String to,
            @Parameter(description = "Only e-mails in this state: stored, pending, sent or failed")
                    @RequestParam(required = false)
                    @Nullable
                    String status,
            @RequestParam(defaultValue = "10") int limit,
            @RequestParam(defaultValue = "0") int offset) {
        var recipient = to == null || to.isBlank() ? null : to.strip();
        var errors = new ArrayList<ValidationError>();
        ListQuery.of(limit, offset, null, errors);
        if (status != null && !OutboxRepository.STATUSES.contains(status)) {
            errors.add(ValidationError.query(
                    "status", "Input should be 'stored', 'pending', 'sent' or 'failed'", "literal_error"));
        }
        if (!errors.isEmpty()) {
            throw new RequestValidationException(errors);
        }
        return new OutboxPage(outbox.count(recipient, status), outbox.list(recipient, status, limit, offset));
    }

    record OutboxPage(long count, List<OutboxMessage> items) {}
}
