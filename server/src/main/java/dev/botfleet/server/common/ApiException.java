package dev.botfleet.server.common;

import java.time.Duration;
import java.util.List;

/**
 * A client's mistake, answered as a problem detail with a stable code. Services throw these; the
 * {@link ProblemHandler} turns them into responses.
 */
public sealed class ApiException extends RuntimeException {
    private final ErrorCode code;

    protected ApiException(ErrorCode code, String detail) {
        super(detail, null, false, false);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    /** Also for another user's resources: we never confirm that something exists but is not yours. */
    public static final class NotFound extends ApiException {
        public NotFound(String detail) {
            super(ErrorCode.NOT_FOUND, detail);
        }
    }

    public static final class Conflict extends ApiException {
        public Conflict(String detail) {
            super(ErrorCode.CONFLICT, detail);
        }
    }

    public static final class Forbidden extends ApiException {
        public Forbidden(String detail) {
            super(ErrorCode.FORBIDDEN, detail);
        }
    }

    public static final class Unauthorized extends ApiException {
        public Unauthorized(String detail) {
            super(ErrorCode.UNAUTHORIZED, detail);
        }
    }

    public static final class RateLimited extends ApiException {
        private final Duration retryAfter;

        public RateLimited(String detail, Duration retryAfter) {
            super(ErrorCode.RATE_LIMITED, detail);
            this.retryAfter = retryAfter;
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }

    public static final class Invalid extends ApiException {
        private final List<FieldViolation> violations;

        public Invalid(List<FieldViolation> violations) {
            super(ErrorCode.VALIDATION_ERROR, describe(violations));
            this.violations = List.copyOf(violations);
        }

        public Invalid(String field, String message, Object rejectedValue) {
            this(List.of(new FieldViolation(field, message, rejectedValue)));
        }

        public List<FieldViolation> violations() {
            return violations;
        }

        static String describe(List<FieldViolation> violations) {
            return String.join("; ", violations.stream().map(v -> v.field() + ": " + v.message()).toList());
        }
    }
}
