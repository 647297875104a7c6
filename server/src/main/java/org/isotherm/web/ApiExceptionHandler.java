package org.isotherm.web;

import jakarta.validation.ConstraintViolationException;
import java.util.ArrayList;
import java.util.List;
import org.apache.catalina.connector.ClientAbortException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.isotherm.geo.AreaFileException;
import org.isotherm.geo.InvalidGeoJsonException;
import org.isotherm.geo.InvalidGeometryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Maps every exception that reaches Spring MVC to FastAPI's error shape (the guide's service is FastAPI). Anything
 * unexpected is a bare 500 whose cause goes to the log only.
 */
@RestControllerAdvice
public class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ErrorBody> api(ApiException e) {
        return detail(e.status(), e.detail());
    }

    /** Geometry is pure and knows no HTTP: its rule violations are the guide's 400 with the reason as detail. */
    @ExceptionHandler({InvalidGeometryException.class, AreaFileException.class, InvalidGeoJsonException.class})
    ResponseEntity<ErrorBody> geometry(RuntimeException e) {
        return detail(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(RequestValidationException.class)
    ResponseEntity<ErrorBody> validation(RequestValidationException e) {
        return unprocessable(e.errors());
    }

    @ExceptionHandler(UnstorableTextException.class)
    ResponseEntity<ErrorBody> unstorableText(UnstorableTextException e) {
        return unprocessable(e.errors());
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ErrorBody> invalidBody(MethodArgumentNotValidException e) {
        return unprocessable(fieldErrors(e, "body"));
    }

    @ExceptionHandler(BindException.class)
    ResponseEntity<ErrorBody> invalidQuery(BindException e) {
        return unprocessable(fieldErrors(e, "query"));
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ErrorBody> invalidParameters(HandlerMethodValidationException e) {
        var errors = new ArrayList<ValidationError>();
        e.getParameterValidationResults().forEach(result -> {
            var where = result.getMethodParameter()
                            .hasParameterAnnotation(org.springframework.web.bind.annotation.RequestBody.class)
                    ? "body"
                    : result.getMethodParameter()
                                    .hasParameterAnnotation(org.springframework.web.bind.annotation.PathVariable.class)
                            ? "path"
                            : "query";
            var name = parameterName(result.getMethodParameter());
            result.getResolvableErrors()
                    .forEach(error ->
                            errors.add(ValidationError.of(where, error.getDefaultMessage(), "value_error", name)));
        });
        return unprocessable(errors);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ErrorBody> constraintViolation(ConstraintViolationException e) {
        var errors = e.getConstraintViolations().stream()
                .map(v -> ValidationError.of("query", v.getMessage(), "value_error", lastNode(v.getPropertyPath())))
                .toList();
        return unprocessable(errors);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ErrorBody> missingParameter(MissingServletRequestParameterException e) {
        return unprocessable(List.of(ValidationError.query(e.getParameterName(), "Field required", "missing")));
    }

    /** A blank path segment ({@code /orders/%20}) converts to null: the variable is there but holds no value. */
    @ExceptionHandler(MissingPathVariableException.class)
    ResponseEntity<ErrorBody> blankPathVariable(MissingPathVariableException e) {
        return unprocessable(List.of(ValidationError.of("path", "Field required", "missing", e.getVariableName())));
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<ErrorBody> missingPart(MissingServletRequestPartException e) {
        return unprocessable(List.of(ValidationError.body("Field required", "missing", e.getRequestPartName())));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ErrorBody> missingHeader(MissingRequestHeaderException e) {
        return unprocessable(List.of(ValidationError.of("header", "Field required", "missing", e.getHeaderName())));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ErrorBody> typeMismatch(MethodArgumentTypeMismatchException e) {
        var where = e.getParameter().hasParameterAnnotation(org.springframework.web.bind.annotation.PathVariable.class)
                ? "path"
                : "query";
        var type = e.getRequiredType();
        String kind;
        String msg;
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            kind = "int_parsing";
            msg = "Input should be a valid integer, unable to parse string as an integer";
        } else if (type == java.util.UUID.class) {
            kind = "uuid_parsing";
            msg = "Input should be a valid UUID";
        } else if (type == Double.class || type == double.class) {
            kind = "float_parsing";
            msg = "Input should be a valid number, unable to parse string as a number";
        } else if (type == Boolean.class || type == boolean.class) {
            kind = "bool_parsing";
            msg = "Input should be a valid boolean, unable to interpret input";
        } else {
            kind = "value_error";
            msg = "Input is not a valid value";
        }
        return unprocessable(List.of(ValidationError.of(where, msg, kind, e.getName())));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ErrorBody> unreadable(HttpMessageNotReadableException e) {
        var unstorable = UnstorableTextException.in(e);
        if (unstorable != null) {
            return unprocessable(unstorable.errors());
        }
        return unprocessable(List.of(unreadableBody(e)));
    }

    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
    ResponseEntity<ErrorBody> noRoute() {
        return detail(HttpStatus.NOT_FOUND, "Not Found");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ErrorBody> wrongMethod(HttpRequestMethodNotSupportedException e) {
        var headers = new HttpHeaders();
        if (e.getSupportedHttpMethods() != null) {
            headers.setAllow(e.getSupportedHttpMethods());
        }
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
                .headers(headers)
                .contentType(MediaType.APPLICATION_JSON)
                .body(new ErrorBody("Method Not Allowed"));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ErrorBody> unsupportedMediaType(HttpMediaTypeNotSupportedException e) {
        return detail(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "Unsupported media type " + (e.getContentType() == null ? "(none)" : e.getContentType())
                        + "; expected one of " + e.getSupportedMediaTypes());
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ErrorBody> notAcceptable() {
        return detail(HttpStatus.NOT_ACCEPTABLE, "Not Acceptable");
    }

    @ExceptionHandler({MaxUploadSizeExceededException.class, RequestTooLargeException.class})
    ResponseEntity<ErrorBody> tooLarge() {
        return detail(HttpStatus.CONTENT_TOO_LARGE, "Request body too large");
    }

    /** Tomcat parses form bodies itself, past our stream limit; it refuses those above its own (equal) limit. */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ErrorBody> badFormParameters(InvalidParameterException e) {
        if (String.valueOf(e.getMessage()).contains("too big")) {
            return tooLarge();
        }
        return detail(HttpStatus.BAD_REQUEST, "Malformed form parameters");
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ErrorBody> badMultipart(MultipartException e) {
        if (RequestTooLargeException.causedBy(e)) {
            return tooLarge();
        }
        return detail(HttpStatus.BAD_REQUEST, "Malformed multipart request");
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    ResponseEntity<ErrorBody> forbidden() {
        return detail(HttpStatus.FORBIDDEN, "Not enough permissions");
    }

    /** The client went away mid-response (a load generator stopping, a browser tab closed): nobody to answer. */
    @ExceptionHandler({AsyncRequestNotUsableException.class, ClientAbortException.class})
    void clientGone(Exception e) {
        log.debug("Client disconnected: {}", e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ErrorBody> unexpected(Exception e) {
        if (RequestTooLargeException.causedBy(e)) {
            return tooLarge();
        }
        var unstorable = UnstorableTextException.in(e);
        if (unstorable != null) {
            return unprocessable(unstorable.errors());
        }
        log.error("Unhandled exception", e);
        return detail(HttpStatus.INTERNAL_SERVER_ERROR, "Internal Server Error");
    }

    // the type is set, not negotiated: an error answers in the API's shape whatever Accept asked for
    static ResponseEntity<ErrorBody> detail(HttpStatus status, String detail) {
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .body(new ErrorBody(detail));
    }

    static ResponseEntity<ErrorBody> unprocessable(List<ValidationError> errors) {
        return ResponseEntity.unprocessableContent()
                .contentType(MediaType.APPLICATION_JSON)
                .body(new ErrorBody(errors));
    }

    private static ValidationError unreadableBody(HttpMessageNotReadableException e) {
        if (RequestTooLargeException.causedBy(e)) {
            throw new RequestTooLargeException();
        }
        var cause = e.getMostSpecificCause();
        if (cause instanceof StreamReadException parse && !(cause instanceof MismatchedInputException)) {
            return ValidationError.body("JSON decode error: " + firstLine(parse.getOriginalMessage()), "json_invalid");
        }
        if (cause instanceof JacksonException jackson) {
            var path = jsonPath(jackson);
            if (cause instanceof InvalidFormatException format) {
                return ValidationError.body(
                        "Input should be a valid " + simpleType(format.getTargetType()), typeName(format), path);
            }
            if (cause instanceof MismatchedInputException mismatch) {
                return ValidationError.body(
                        "Input should be a valid " + simpleType(mismatch.getTargetType()), typeName(mismatch), path);
            }
            return ValidationError.body(firstLine(jackson.getOriginalMessage()), "value_error", path);
        }
        if (cause instanceof IllegalArgumentException) {
            return ValidationError.body(firstLine(cause.getMessage()), "value_error");
        }
        return ValidationError.body("Field required", "missing");
    }

    private static Object[] jsonPath(JacksonException e) {
        return e.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? (Object) ref.getPropertyName() : (Object) ref.getIndex())
                .toArray();
    }

    private static String typeName(MismatchedInputException e) {
        var target = e.getTargetType();
        if (target == null) {
            return "value_error";
        }
        if (Number.class.isAssignableFrom(target) || target.isPrimitive() && target != boolean.class) {
            return target == double.class || target == Double.class || target == float.class
                    ? "float_type"
                    : "int_type";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "bool_type";
        }
        if (target == String.class) {
            return "string_type";
        }
        if (List.class.isAssignableFrom(target) || target.isArray()) {
            return "list_type";
        }
        if (target.isEnum()) {
            return "enum";
        }
        return "model_type";
    }

    private static String simpleType(Class<?> target) {
        if (target == null) {
            return "value";
        }
        if (target == Integer.class || target == int.class || target == Long.class || target == long.class) {
            return "integer";
        }
        if (target == Double.class || target == double.class) {
            return "number";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "boolean";
        }
        if (target == String.class) {
            return "string";
        }
        if (List.class.isAssignableFrom(target) || target.isArray()) {
            return "list";
        }
        if (target == java.util.UUID.class) {
            return "UUID";
        }
        if (target == java.time.Instant.class || target == java.time.OffsetDateTime.class) {
            return "datetime";
        }
        if (target.isEnum()) {
            return "value of " + java.util.Arrays.toString(target.getEnumConstants());
        }
        return "object";
    }

    private static List<ValidationError> fieldErrors(BindException e, String where) {
        var errors = new ArrayList<ValidationError>();
        for (FieldError error : e.getFieldErrors()) {
            var loc = new ArrayList<Object>();
            loc.add(where);
            loc.addAll(FieldPaths.toJson(error.getField()));
            var type = error.isBindingFailure() ? "type_error" : constraintType(error.getCode());
            errors.add(new ValidationError(List.copyOf(loc), error.getDefaultMessage(), type));
        }
        e.getGlobalErrors()
                .forEach(error -> errors.add(ValidationError.of(where, error.getDefaultMessage(), "value_error")));
        return errors;
    }

    private static String constraintType(String code) {
        if (code == null) {
            return "value_error";
        }
        return switch (code) {
            case "NotNull", "NotBlank", "NotEmpty" -> "missing";
            case "Size", "Length" -> "string_too_long";
            default -> "value_error";
        };
    }

    private static String parameterName(org.springframework.core.MethodParameter parameter) {
        var param = parameter.getParameterAnnotation(org.springframework.web.bind.annotation.RequestParam.class);
        if (param != null && !param.name().isEmpty()) {
            return param.name();
        }
        var path = parameter.getParameterAnnotation(org.springframework.web.bind.annotation.PathVariable.class);
        if (path != null && !path.name().isEmpty()) {
            return path.name();
        }
        return parameter.getParameterName();
    }

    private static String lastNode(jakarta.validation.Path path) {
        String last = null;
        for (var node : path) {
            last = node.getName();
        }
        return last;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "invalid input";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
