package dev.botfleet.server.common;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.exc.MismatchedInputException;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Every error leaves the API as a problem detail with a stable {@code code}. A client's mistake is a 4xx that names the
 * offending field; anything unexpected is a 500 INTERNAL_ERROR whose detail reveals nothing internal.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Object> api(ApiException e, WebRequest request) {
        ProblemDetail problem = e instanceof ApiException.Invalid invalid
                ? Problems.invalid(invalid.code(), invalid.violations())
                : Problems.of(e.code(), e.getMessage());
        if (e instanceof ApiException.Conflict c && !c.fields().isEmpty()) problem.setProperty("fields", c.fields());
        HttpHeaders headers = new HttpHeaders();
        if (e instanceof ApiException.RateLimited limited) {
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, limited.retryAfter().toSeconds())));
        }
        if (e instanceof ApiException.Unauthorized) headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        return handleExceptionInternal(e, problem, headers, e.code().status(), request);
    }

    /** A unique constraint hit by a concurrent request (e.g. the same email registered twice at once). */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Object> integrity(DataIntegrityViolationException e, WebRequest request) {
        log.info("Refused a write that conflicts with stored data: {}", e.getClass().getSimpleName());
        return handleExceptionInternal(e, Problems.of(ErrorCode.CONFLICT, "The request conflicts with existing data"),
                new HttpHeaders(), ErrorCode.CONFLICT.status(), request);
    }

    @ExceptionHandler(BodyTooLargeException.class)
    ResponseEntity<Object> tooLarge(BodyTooLargeException e, WebRequest request) {
        log.info("Refused a body over {} bytes on {}", e.limit(), LoggedPath.of(path(request)));
        return handleExceptionInternal(e, Problems.of(ErrorCode.PAYLOAD_TOO_LARGE, e.getMessage()), new HttpHeaders(),
                ErrorCode.PAYLOAD_TOO_LARGE.status(), request);
    }

    /**
     * Tomcat refuses to parse a query string or form body it cannot read (a nameless value, a bad escape, too many
     * parameters) by throwing from {@code getParameter}. QueryEncodingFilter catches the query cases up front; this is
     * the net for the rest (a form-encoded body, say): the client's mistake, never a 500.
     */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<Object> invalidParameters(InvalidParameterException e, WebRequest request) {
        return malformed(e, request, "unreadable request parameters",
                "The query string or form body is malformed and cannot be read as parameters");
    }

    /**
     * The security firewall refuses some input only when it is read, inside MVC: e.g. the parameter names of a
     * form-encoded body (a JSON body sent as application/x-www-form-urlencoded). Its message quotes the input, so it is
     * neither echoed nor logged.
     */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<Object> rejected(RequestRejectedException e, WebRequest request) {
        return malformed(e, request, "a request the security firewall rejected",
                "The request contains a parameter, header or path the server does not accept");
    }

    /**
     * A body declared multipart that does not parse (no boundary, truncated parts). Only POST /api/v1/models takes
     * multipart, but Spring parses such a body before choosing an endpoint; a too large one stays a 413 (handled by
     * the base class: MaxUploadSizeExceededException is the closer match).
     */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Object> multipart(MultipartException e, WebRequest request) {
        return malformed(e, request, "an unreadable multipart body",
                "The multipart body cannot be parsed; the API takes application/json (model uploads: multipart/form-data)");
    }

    /** A request that cannot be read at all: one INFO line naming what (never the input itself), a 400 problem. */
    private ResponseEntity<Object> malformed(Exception e, WebRequest request, String what, String detail) {
        log.info("Refused {} on {}", what, LoggedPath.of(path(request)));
        return handleExceptionInternal(e, Problems.of(ErrorCode.MALFORMED_REQUEST, detail), new HttpHeaders(),
                ErrorCode.MALFORMED_REQUEST.status(), request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, WebRequest request) {
        BodyTooLargeException tooLarge = causeOf(e, BodyTooLargeException.class);
        if (tooLarge != null) return tooLarge(tooLarge, request); // wrapped by a converter
        log.error("Unexpected error on {}", LoggedPath.of(path(request)), e);
        return handleExceptionInternal(e, Problems.of(ErrorCode.INTERNAL_ERROR,
                "An unexpected error occurred; it has been logged"), new HttpHeaders(),
                ErrorCode.INTERNAL_ERROR.status(), request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<FieldViolation> violations = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldViolation(f.getField(), f.getDefaultMessage(), f.getRejectedValue())).toList();
        return handleExceptionInternal(e, Problems.invalid(ErrorCode.VALIDATION_ERROR, violations), headers,
                ErrorCode.VALIDATION_ERROR.status(), request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        List<FieldViolation> violations = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error ->
                violations.add(new FieldViolation(result.getMethodParameter().getParameterName(),
                        error.getDefaultMessage(), result.getArgument()))));
        return handleExceptionInternal(e, Problems.invalid(ErrorCode.VALIDATION_ERROR, violations), headers,
                ErrorCode.VALIDATION_ERROR.status(), request);
    }

    /** Wrong type in a path or query parameter: a non-UUID id, {@code page=abc}. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
        Class<?> type = e.getRequiredType();
        String expected = type == UUID.class ? "must be a UUID"
                : type == Integer.class || type == int.class || type == Long.class ? "must be a whole number"
                : "has the wrong type";
        FieldViolation violation = new FieldViolation(name, expected, e.getValue());
        return handleExceptionInternal(e, Problems.invalid(ErrorCode.VALIDATION_ERROR, List.of(violation)), headers,
                ErrorCode.VALIDATION_ERROR.status(), request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        FieldViolation violation = new FieldViolation(e.getParameterName(), "is required", null);
        return handleExceptionInternal(e, Problems.invalid(ErrorCode.VALIDATION_ERROR, List.of(violation)), headers,
                ErrorCode.VALIDATION_ERROR.status(), request);
    }

    /**
     * Unreadable body: not JSON at all, or a value of the wrong JSON type. Jackson's own message is not echoed (it can
     * quote the input, which may hold a secret); we name the field and the expected type instead.
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        BodyTooLargeException tooLarge = causeOf(e, BodyTooLargeException.class);
        if (tooLarge != null) return tooLarge(tooLarge, request);
        ProblemDetail problem;
        if (e.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = fieldPath(mismatch.getPath());
            Class<?> target = mismatch.getTargetType();
            String message = target == null ? "has the wrong type" : "must be " + describe(target);
            problem = Problems.invalid(ErrorCode.MALFORMED_REQUEST, List.of(new FieldViolation(field, message, null)));
        } else if (e.getCause() instanceof JacksonException json) {
            TokenStreamLocation at = json.getLocation();
            String where = at == null || at.getLineNr() < 0 ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            problem = Problems.of(ErrorCode.MALFORMED_REQUEST, "The request body is not valid JSON" + where);
        } else {
            problem = Problems.of(ErrorCode.MALFORMED_REQUEST, "The request body is missing or unreadable");
        }
        return handleExceptionInternal(e, problem, headers, ErrorCode.MALFORMED_REQUEST.status(), request);
    }

    /** The funnel every response passes: guarantees a problem detail with a code and the request path. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = body instanceof ProblemDetail p ? p : ProblemDetail.forStatus(status);
        if (problem.getProperties() == null || !problem.getProperties().containsKey("code")) {
            problem.setProperty("code", ErrorCode.forStatus(status.value()).name());
        }
        if (problem.getDetail() == null) problem.setDetail(problem.getTitle());
        String path = path(request);
        if (path != null) problem.setInstance(URI.create(path));
        return super.handleExceptionInternal(e, problem, headers, status, request);
    }

    private static String path(WebRequest request) {
        return request instanceof ServletWebRequest servlet ? servlet.getRequest().getRequestURI() : null;
    }

    private static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) return type.cast(t);
        }
        return null;
    }

    static String fieldPath(List<JacksonException.Reference> path) {
        StringBuilder s = new StringBuilder();
        for (JacksonException.Reference ref : path) {
            if (ref.getPropertyName() != null) {
                if (!s.isEmpty()) s.append('.');
                s.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                s.append('[').append(ref.getIndex()).append(']');
            }
        }
        return s.toString();
    }

    private static String describe(Class<?> type) {
        if (type == String.class) return "a string";
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) return "a number";
        if (type == Boolean.class || type == boolean.class) return "true or false";
        if (java.util.Map.class.isAssignableFrom(type) || tools.jackson.databind.JsonNode.class.isAssignableFrom(type)
                || type.isRecord()) return "a JSON object";
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) return "a JSON array";
        return "a " + type.getSimpleName();
    }
}
