package dev.botfleet.server.common;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds RFC 9457 problem details with our {@code code} (and {@code errors} for validation). */
public final class Problems {
    private Problems() {
    }

    public static ProblemDetail of(ErrorCode code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(code.status(), detail);
        problem.setProperty("code", code.name());
        return problem;
    }

    public static ProblemDetail invalid(ErrorCode code, List<FieldViolation> violations) {
        ProblemDetail problem = of(code, ApiException.Invalid.describe(violations));
        problem.setProperty("errors", violations.stream()
                .map(v -> new FieldViolation(v.field(), v.message(), scalar(v.rejectedValue()))).toList());
        return problem;
    }

    /**
     * The rejected value as the answer shows it: a scalar as it came; an object or array is left out (null), so a
     * client's own structure — which may be nested deeper than the JSON writer allows — is never echoed back.
     */
    static Object scalar(Object value) {
        return value instanceof String || value instanceof Number || value instanceof Boolean ? value : null;
    }

    /**
     * Writes a problem outside Spring MVC (security filters run before any controller advice). The body is built as a
     * map so it does not depend on the MVC converter's ProblemDetail mix-in.
     */
    public static void write(HttpServletRequest request, HttpServletResponse response, JsonMapper json,
                             ErrorCode code, String detail) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", code.status().getReasonPhrase());
        body.put("status", code.status().value());
        body.put("code", code.name());
        body.put("detail", detail);
        body.put("instance", request.getRequestURI());
        response.setStatus(code.status().value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), body);
    }
}
