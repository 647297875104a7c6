package org.isotherm.web;

/** The single error shape of the API: FastAPI's {@code {"detail": ...}}. */
public record ErrorBody(Object detail) {}
