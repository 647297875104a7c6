/**
 * Fulfilment: an order's period planned into acquisitions from the product facts, and (to come) the jobs that run
 * a provider for each and publish its delivery.
 */
@NullMarked
package org.isotherm.fulfilment;

import org.jspecify.annotations.NullMarked;
