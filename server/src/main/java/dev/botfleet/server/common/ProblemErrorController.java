package dev.botfleet.server.common;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import java.net.URI;

/**
 * Replaces Spring Boot's /error page: whatever the container or the security filters refuse by {@code sendError}
 * (TRACE, a refusal of the security firewall, a 404 outside MVC) still leaves as problem+json
 * with a code. Called directly, /error is just a path that does not exist (not Boot's status 999).
 */
@RestController
public class ProblemErrorController implements ErrorController {
    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        int code = status instanceof Integer s && s >= 400 ? s : HttpStatus.NOT_FOUND.value();
        // a 400 that reaches this page was refused by the container or the security firewall: nothing names a field
        ErrorCode errorCode = code == HttpStatus.BAD_REQUEST.value() ? ErrorCode.MALFORMED_REQUEST : ErrorCode.forStatus(code);
        HttpStatus httpStatus = HttpStatus.resolve(code) == null ? HttpStatus.INTERNAL_SERVER_ERROR : HttpStatus.resolve(code);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(httpStatus, describe(httpStatus));
        problem.setProperty("code", errorCode.name());
        // the original path may be malformed (that can be why we are here), so it is only echoed when it parses
        try {
            problem.setInstance(URI.create(uri instanceof String u ? u : request.getRequestURI()));
        } catch (IllegalArgumentException e) {
            problem.setInstance(null);
        }
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(httpStatus).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (httpStatus == HttpStatus.METHOD_NOT_ALLOWED) answer.header("Allow", "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
        return answer.body(problem);
    }

    private static String describe(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "No such resource";
            case METHOD_NOT_ALLOWED -> "This method is not allowed here";
            case BAD_REQUEST -> "The request is malformed";
            default -> status.is5xxServerError() ? "An unexpected error occurred; it has been logged" : status.getReasonPhrase();
        };
    }
}
