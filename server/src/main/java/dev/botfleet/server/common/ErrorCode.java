package dev.botfleet.server.common;

import org.springframework.http.HttpStatus;

/** The stable {@code code} of every problem detail; clients branch on this, never on the human {@code detail}. */
public enum ErrorCode {
    VALIDATION_ERROR(HttpStatus.BAD_REQUEST),
    MALFORMED_REQUEST(HttpStatus.BAD_REQUEST),
    UNAUTHORIZED(HttpStatus.UNAUTHORIZED),
    FORBIDDEN(HttpStatus.FORBIDDEN),
    NOT_FOUND(HttpStatus.NOT_FOUND),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED),
    NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE),
    CONFLICT(HttpStatus.CONFLICT),
    /** A PUT on an ACTIVE bot changed what only a stopped bot may change; {@code fields} names it. */
    BOT_RUNNING_STRUCTURAL_CHANGE(HttpStatus.CONFLICT),
    PAYLOAD_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE),
    /** An uploaded model file was refused (errors[0].field = file; rejectedValue = the reason, docs/ml.md "Models"). */
    MODEL_REJECTED(HttpStatus.BAD_REQUEST),
    /** A DELETE of a model that bots still use; {@code bots} names them. */
    MODEL_IN_USE(HttpStatus.CONFLICT),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE),
    RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS),
    /** A real venue refused the API key the client sent (wrong, revoked, without permission). */
    VENUE_REFUSED_KEY(HttpStatus.BAD_REQUEST),
    /** A real venue could not be reached or failed; the request may be repeated later. */
    VENUE_UNAVAILABLE(HttpStatus.BAD_GATEWAY),
    /** A password-reset token that is unknown, already used, replaced by a newer one or expired. */
    RESET_TOKEN_INVALID(HttpStatus.BAD_REQUEST),
    /** The user requires a second factor for this action and the request carried no X-Botfleet-OTP code. */
    TOTP_REQUIRED(HttpStatus.FORBIDDEN),
    /** The X-Botfleet-OTP code was wrong or already used. */
    TOTP_INVALID(HttpStatus.FORBIDDEN),
    /** A Sign-In with Ethereum message that does not follow EIP-4361 (errors[0] names the line). */
    SIWE_MALFORMED(HttpStatus.BAD_REQUEST),
    /** The SIWE message is for another domain than this server's. */
    SIWE_WRONG_DOMAIN(HttpStatus.UNAUTHORIZED),
    /** The SIWE message's Expiration Time has passed. */
    SIWE_EXPIRED(HttpStatus.UNAUTHORIZED),
    /** The SIWE message's Not Before time has not come. */
    SIWE_NOT_YET_VALID(HttpStatus.UNAUTHORIZED),
    /** The signature is not one, or was not made by the message's address. */
    SIWE_BAD_SIGNATURE(HttpStatus.UNAUTHORIZED),
    /** The message's nonce was not issued by this server for this purpose, was already used, or expired. */
    SIWE_NONCE_INVALID(HttpStatus.UNAUTHORIZED),
    /** A proven address with no account, and sign-up by wallet is off (botfleet.siwe.auto-register=false). */
    SIWE_ADDRESS_NOT_LINKED(HttpStatus.FORBIDDEN),
    /** In a cluster, the node running the bot did not answer in time (docs/cluster.md); the request may be repeated. */
    BOT_NODE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE),
    /** The running bot did not handle the command within its time (its turn is busy); the request may be repeated. */
    BOT_BUSY(HttpStatus.SERVICE_UNAVAILABLE),
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR);

    private final HttpStatus status;

    ErrorCode(HttpStatus status) {
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }

    /** The code for a status Spring produced by itself (e.g. 405 from its own exception handling). */
    public static ErrorCode forStatus(int status) {
        for (ErrorCode code : values()) {
            if (code.status.value() == status && code != MALFORMED_REQUEST) return code;
        }
        return status >= 500 ? INTERNAL_ERROR : VALIDATION_ERROR;
    }
}
