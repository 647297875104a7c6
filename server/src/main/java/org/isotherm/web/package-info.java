/**
 * Shared HTTP concerns: the FastAPI error shape, request size limits, forwarded headers, idempotency, OpenAPI and
 * static pages.
 */
@NullMarked
package org.isotherm.web;

import org.jspecify.annotations.NullMarked;
