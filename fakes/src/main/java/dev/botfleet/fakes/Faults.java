package dev.botfleet.fakes;

import java.util.EnumMap;
import java.util.Map;

/**
 * Failures a test arms on a fake venue. Each is counted: armed for n requests, it fires on the next n that it applies
 * to, then the venue behaves again.
 */
public final class Faults {
    public enum Kind {
        /** A new order is executed, but its HTTP answer is dropped (connection closed without a reply). */
        LOSE_PLACE_ANSWER,
        /** The next signed request answers 503 without acting. */
        SERVER_ERROR,
        /** The next request answers 429 with Retry-After (seconds in {@link #retryAfterSeconds}) without acting. */
        RATE_LIMIT,
        /** Every execution report is sent twice. */
        DUPLICATE_EXECUTION_REPORTS,
        /** Execution reports of the next fills are held and sent in reverse order. */
        REORDER_EXECUTION_REPORTS
    }

    private final Map<Kind, Integer> armed = new EnumMap<>(Kind.class);
    public volatile int retryAfterSeconds = 1;
    private volatile long bannedUntil;

    public synchronized void arm(Kind kind, int times) { armed.put(kind, times); }

    /** True (and counted) if the fault should fire now. */
    public synchronized boolean take(Kind kind) {
        int left = armed.getOrDefault(kind, 0);
        if (left <= 0) return false;
        armed.put(kind, left - 1);
        return true;
    }

    public synchronized boolean armed(Kind kind) { return armed.getOrDefault(kind, 0) > 0; }

    public synchronized void clear() { armed.clear(); bannedUntil = 0; }

    /** Ban the caller's address (418) until {@code untilMillis}. */
    public void banUntil(long untilMillis) { bannedUntil = untilMillis; }

    public long bannedUntil() { return bannedUntil; }
}
