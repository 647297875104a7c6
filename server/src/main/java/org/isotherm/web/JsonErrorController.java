package org.isotherm.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Boot's whitelabel error page: errors raised outside Spring MVC (in filters, by the container) reach the
 * client in the same {@code {"detail": ...}} shape as the rest. Hidden from the OpenAPI document: clients never call
 * it, the container forwards to it.
 */
@Hidden
@RestController
class JsonErrorController implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<ErrorBody> error(HttpServletRequest request) {
        if (request.getDispatcherType() != DispatcherType.ERROR) {
            // only the container forwards here: for a client, /error is a path like any unknown one
            return ApiExceptionHandler.detail(HttpStatus.NOT_FOUND, "Not Found");
        }
        var exception = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (exception instanceof Throwable t && RequestTooLargeException.causedBy(t)) {
            return ApiExceptionHandler.detail(HttpStatus.CONTENT_TOO_LARGE, "Request body too large");
        }
        var code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        var status = code instanceof Integer i ? HttpStatus.resolve(i) : null;
        if (status == null || status.is2xxSuccessful()) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        return ApiExceptionHandler.detail(status, ErrorBody.reason(status.value()));
    }
}
