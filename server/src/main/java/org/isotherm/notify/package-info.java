/** E-mail: every message is written to the outbox, and sent by SMTP when a mail server is configured. */
@NullMarked
package org.isotherm.notify;

import org.jspecify.annotations.NullMarked;
