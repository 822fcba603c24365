package dev.botfleet.exchanges;

import java.time.Duration;

/**
 * A venue refused or failed a request. {@link #kind()} says what the caller may do about it; the message is the
 * venue's own code and words, safe to show a user (never a key, never a signature).
 */
public class VenueException extends RuntimeException {

    public enum Kind {
        /** The venue refused the request for a business reason (filter, precision, market closed, ...). */
        REJECTED(false),
        INSUFFICIENT_BALANCE(false),
        /** The client order id is already in use at the venue: the order exists, it was not created again. */
        DUPLICATE_ORDER(false),
        /** The venue does not know the order (never placed, or already gone). */
        UNKNOWN_ORDER(false),
        /** Key unknown, revoked, without permission, or the signature was refused. */
        AUTH(false),
        /** The request's timestamp fell outside the venue's window; resync the clock and sign again. */
        TIMESTAMP(true),
        /** Too many requests (429): wait {@link #retryAfter()}. */
        RATE_LIMITED(true),
        /** The address is banned (418) until {@link #retryAfter()} has passed: no call to this venue until then. */
        BANNED(false),
        /** 5xx, connection refused, or a timeout before anything was sent: safe to retry idempotent calls. */
        UNAVAILABLE(true),
        /**
         * The request went out but its answer never came back (timeout, reset, 5xx with unknown outcome): the venue may
         * or may not have acted. A submit in this state is resolved by querying its client order id, never by resending.
         */
        ANSWER_LOST(false),
        /** This client stopped calling the venue after repeated failures (circuit breaker open). */
        CIRCUIT_OPEN(true),
        /** The venue cannot do this at all (e.g. an order type it does not offer). */
        UNSUPPORTED(false);

        private final boolean transientFailure;

        Kind(boolean transientFailure) { this.transientFailure = transientFailure; }

        /** Worth trying again later (not for a submit whose outcome is unknown: see ANSWER_LOST). */
        public boolean isTransient() { return transientFailure; }
    }

    private final Kind kind;
    private final String venue;
    private final String venueCode;
    private final Duration retryAfter;

    public VenueException(Kind kind, String venue, String venueCode, String message, Duration retryAfter) {
        super(venue + ": " + message + (venueCode == null ? "" : " (code " + venueCode + ")"));
        this.kind = kind;
        this.venue = venue;
        this.venueCode = venueCode;
        this.retryAfter = retryAfter;
    }

    public VenueException(Kind kind, String venue, String venueCode, String message) {
        this(kind, venue, venueCode, message, null);
    }

    public Kind kind() { return kind; }

    public String venue() { return venue; }

    /** The venue's own error code, e.g. "-2010" on Binance or "170131" on Bybit; null for transport failures. */
    public String venueCode() { return venueCode; }

    /** How long the venue asked us to wait, if it said; else null. */
    public Duration retryAfter() { return retryAfter; }
}
