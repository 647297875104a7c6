package org.isotherm.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * The single error shape of the API: FastAPI's {@code {"detail": ...}}. On STAC paths it also carries the STAC API's
 * {@code code} and {@code description}, so that clients of either convention read it; the status codes are the same.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorBody(
        Object detail, @Nullable String code, @Nullable String description) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public ErrorBody(Object detail) {
        this(detail, null, null);
    }

    /** This body as the request's path wants it: with STAC's fields under {@code /stac}. */
    ErrorBody forRequest(HttpServletRequest request, int status) {
        if (code != null || !onStacPath(request)) {
            return this;
        }
        var resolved = HttpStatus.resolve(status);
        var name = resolved == null ? "Error" : resolved.getReasonPhrase().replaceAll("[^A-Za-z]", "");
        return new ErrorBody(detail, name, describe(detail));
    }

    /** For filters that answer before Spring MVC: writes {@code detail} in the shape {@link #forRequest} gives. */
    public static void write(HttpServletRequest request, HttpServletResponse response, int status, String detail)
            throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getOutputStream().write(JSON.writeValueAsBytes(new ErrorBody(detail).forRequest(request, status)));
    }

    /** The detail of an answer whose only known cause is its status; a 413 in the words the API uses for it. */
    static String reason(int status) {
        if (status == HttpStatus.CONTENT_TOO_LARGE.value()) {
            return "Request body too large";
        }
        var resolved = HttpStatus.resolve(status);
        return resolved == null ? "Error" : resolved.getReasonPhrase();
    }

    private static boolean onStacPath(HttpServletRequest request) {
        // an error forwarded to /error keeps the path the client asked for in an attribute
        var original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        var uri = original instanceof String path ? path : request.getRequestURI();
        if (uri == null) {
            return false;
        }
        var context = request.getContextPath();
        var path = uri.substring(Math.min(context == null ? 0 : context.length(), uri.length()));
        return path.equals("/stac") || path.startsWith("/stac/");
    }

    /** A 422's list of problems as one line: {@code body.limit: Input should be ...; query.bbox: ...}. */
    private static String describe(Object detail) {
        if (detail instanceof List<?> errors) {
            return errors.stream()
                    .map(error -> error instanceof ValidationError v
                            ? v.loc().stream().map(String::valueOf).collect(Collectors.joining(".")) + ": " + v.msg()
                            : String.valueOf(error))
                    .collect(Collectors.joining("; "));
        }
        return String.valueOf(detail);
    }
}
