/**
 * E-mail: every message is written to the outbox, and sent by SMTP when a mail server is configured; e-mails that
 * could not be sent are retried with backoff by a recurring task.
 */
@NullMarked
package org.isotherm.notify;

import org.jspecify.annotations.NullMarked;
