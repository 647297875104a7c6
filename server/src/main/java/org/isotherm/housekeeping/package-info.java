/**
 * Housekeeping: the daily purge of what features keep only for a while (sent e-mails, spent links, idempotency keys),
 * each feature contributing a {@link org.isotherm.housekeeping.Purge}.
 */
@NullMarked
package org.isotherm.housekeeping;

import org.jspecify.annotations.NullMarked;
