package dev.botfleet.server.config;

import dev.botfleet.server.common.LoggedPath;
import dev.botfleet.server.common.ErrorCode;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Replaces Tomcat's host-level HTML error report. Tomcat refuses some requests before any filter or servlet sees them
 * (a path with {@code %00}, an encoded {@code /} as in {@code ..%2f}, a {@code ..} that climbs above the root): those
 * answers are written here, as problem+json with a code and the same security headers every other response carries.
 * Anything the application answered itself (its error page included) has content already and is left alone.
 */
public class ProblemErrorReportValve extends ErrorReportValve {
    private static final Logger log = LoggerFactory.getLogger(ProblemErrorReportValve.class);

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        // the same guards as Tomcat's report: only an unanswered error, and only once
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) return;
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) return;

        ErrorCode code = codeFor(status);
        if (status >= 500) {
            log.warn("Answered {} {} with {} before the application could{}", request.getMethod(), printable(LoggedPath.of(request.getRequestURI())),
                    status, throwable == null ? "" : " (" + throwable.getClass().getName() + ")");
        } else {
            log.info("Refused {} {} with {}: the container rejected the request", request.getMethod(),
                    printable(LoggedPath.of(request.getRequestURI())), status);
        }
        byte[] body = body(status, code).getBytes(StandardCharsets.UTF_8);
        try {
            SecurityHeadersFilter.apply(response, SecurityHeadersFilter.DASHBOARD_POLICY);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.setContentLength(body.length);
            OutputStream out = response.getOutputStream();
            out.write(body);
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response cannot be written any more: nothing left to tell anyone
        }
    }

    /** A 400 at this level is always a malformed request (there is no field to name); other statuses map as usual. */
    static ErrorCode codeFor(int status) {
        if (status == 400) return ErrorCode.MALFORMED_REQUEST;
        ErrorCode code = ErrorCode.forStatus(status);
        return code.status().value() == status || status >= 500 ? code : ErrorCode.MALFORMED_REQUEST;
    }

    static String body(int status, ErrorCode code) {
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? (status >= 500 ? "Server Error" : "Client Error") : known.getReasonPhrase();
        String detail = status == 400 ? "The request is malformed: its path or headers are not valid "
                + "(e.g. %00, an encoded '/' or '..', or an invalid percent-escape)"
                : status == 404 ? "No such resource"
                : status >= 500 ? "An unexpected error occurred; it has been logged"
                : title;
        // fixed strings only (nothing from the request), so no JSON escaping is needed
        return "{\"title\":\"" + title + "\",\"status\":" + status + ",\"code\":\"" + code.name()
                + "\",\"detail\":\"" + detail + "\"}";
    }

    /** The raw URI is logged, never echoed: short and without control characters. */
    private static String printable(String uri) {
        if (uri == null) return "";
        String clean = uri.codePoints().filter(cp -> !Character.isISOControl(cp))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return clean.length() > 200 ? clean.substring(0, 200) + "..." : clean;
    }
}
