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

    /** A venue this server depends on could not be reached or failed (502): not the client's mistake, not ours. */
    public static final class VenueUnavailable extends ApiException {
        public VenueUnavailable(String detail) {
            super(ErrorCode.VENUE_UNAVAILABLE, detail);
        }
    }

    /** In a cluster, the node that runs the bot did not answer in time (503): try again. */
    public static final class BotNodeUnavailable extends ApiException {
        public BotNodeUnavailable(String detail) {
            super(ErrorCode.BOT_NODE_UNAVAILABLE, detail);
        }
    }

    /** The running bot did not handle a command in time (503): try again. */
    public static final class BotBusy extends ApiException {
        public BotBusy(String detail) {
            super(ErrorCode.BOT_BUSY, detail);
        }
    }

    public static final class Conflict extends ApiException {
        private final List<String> fields;

        public Conflict(String detail) {
            this(ErrorCode.CONFLICT, detail, List.of());
        }

        /** A 409 with its own code, naming the fields that caused it (answered as {@code fields}). */
        public Conflict(ErrorCode code, String detail, List<String> fields) {
            super(code, detail);
            this.fields = List.copyOf(fields);
        }

        public List<String> fields() {
            return fields;
        }
    }

    public static final class Forbidden extends ApiException {
        public Forbidden(String detail) {
            super(ErrorCode.FORBIDDEN, detail);
        }

        /** A 403 with its own code, e.g. TOTP_REQUIRED. */
        public Forbidden(ErrorCode code, String detail) {
            super(code, detail);
        }
    }

    public static final class Unauthorized extends ApiException {
        public Unauthorized(String detail) {
            super(ErrorCode.UNAUTHORIZED, detail);
        }

        /** A 401 with its own code, e.g. SIWE_EXPIRED. */
        public Unauthorized(ErrorCode code, String detail) {
            super(code, detail);
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
            this(ErrorCode.VALIDATION_ERROR, violations);
        }

        /** A 400 with its own code, e.g. VENUE_REFUSED_KEY: the venue, not our validation, refused a field. */
        public Invalid(ErrorCode code, List<FieldViolation> violations) {
            super(code, describe(violations));
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
