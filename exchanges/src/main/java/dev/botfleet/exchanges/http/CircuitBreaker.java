package dev.botfleet.exchanges.http;

import java.util.function.LongSupplier;

/**
 * Stops calling a venue that keeps failing (5xx, timeouts, refused connections): after {@code threshold} failures in a
 * row it opens for {@code openMillis}, then lets one call through (half-open); a success closes it. Per venue and key,
 * so one broken key does not stop other users. Business refusals (insufficient balance, ...) are not failures.
 */
public final class CircuitBreaker {
    public enum State { CLOSED, OPEN, HALF_OPEN }

    private final int threshold;
    private final long openMillis;
    private final LongSupplier clock;
    private int failures;
    private long openedAt = -1;
    private boolean trialInFlight;
    private String lastFailure;

    public CircuitBreaker(int threshold, long openMillis, LongSupplier clock) {
        this.threshold = threshold;
        this.openMillis = openMillis;
        this.clock = clock;
    }

    public synchronized State state() {
        if (openedAt < 0) return State.CLOSED;
        return clock.getAsLong() - openedAt >= openMillis ? State.HALF_OPEN : State.OPEN;
    }

    /** May a call go out now? In half-open state only one trial call at a time. */
    public synchronized boolean allow() {
        State s = state();
        if (s == State.CLOSED) return true;
        if (s == State.HALF_OPEN && !trialInFlight) {
            trialInFlight = true;
            return true;
        }
        return false;
    }

    public synchronized void success() {
        failures = 0;
        openedAt = -1;
        trialInFlight = false;
    }

    public synchronized void failure(String reason) {
        lastFailure = reason;
        trialInFlight = false;
        failures++;
        if (failures >= threshold || openedAt >= 0) openedAt = clock.getAsLong();
    }

    /** Milliseconds until a trial call is allowed, 0 if now. */
    public synchronized long millisUntilTrial() {
        if (openedAt < 0) return 0;
        return Math.max(0, openedAt + openMillis - clock.getAsLong());
    }

    /** The last failure's words, for the bot's activity log. */
    public synchronized String lastFailure() { return lastFailure; }
}
