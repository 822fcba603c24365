package dev.botfleet.fakes.coindcx;

/**
 * A refusal as CoinDCX answers one: an HTTP status with words. The statuses and most words are the docs' (Create
 * Order "Possible Error Codes", Update position leverage, Errors, FAQ); the body's shape is not documented, so the fake
 * answers {"code":status,"message":words,"status":"error"}. Words the docs do not give are marked where they are made.
 */
final class CoinDcxError extends RuntimeException {
    final int status;

    CoinDcxError(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    static CoinDcxError unauthorized() { return new CoinDcxError(401, "Unauthorized"); }

    /** The docs say only that a stale timestamp is "rejected with an appropriate error": these words are the fake's. */
    static CoinDcxError staleTimestamp() {
        return new CoinDcxError(400, "Invalid request: timestamp is more than 10 seconds away from the server's time");
    }

    static CoinDcxError invalid(String detail) { return new CoinDcxError(400, "Invalid Request: " + detail); }

    String body() {
        return "{\"code\":" + status + ",\"message\":" + Json.MAPPER.writeValueAsString(getMessage())
                + ",\"status\":\"error\"}";
    }
}
