package dev.botfleet.exchanges.bybit;

import dev.botfleet.exchanges.http.ClockOffset;
import dev.botfleet.exchanges.http.Sleeper;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * One key's (one UID's) request limits. Bybit counts each endpoint per UID in a <em>rolling</em> one-second window
 * (https://bybit-exchange.github.io/docs/v5/rate-limit), which the shared fixed-window {@code RateLimiter} would let
 * us exceed twofold across a window edge; so each window here keeps the send times of its last requests and waits
 * until the oldest is more than a second (plus a margin for network jitter) old.
 *
 * <p>Approximation: the venue limits each endpoint separately; we keep one window for order entry (create and cancel,
 * 20/s each for spot: the two share one window, which is stricter) and one for reads (realtime, history, execution
 * list, wallet balance: 50/s each, sharing one window), plus query-api (10/s). The answers' X-Bapi-Limit* headers
 * adjust a window: a lower X-Bapi-Limit (another tier) is adopted, and a remaining count of 0 blocks the window until
 * X-Bapi-Limit-Reset-Timestamp.
 *
 * <p>A slot is dated twice: when it is taken (so requests in flight count) and again when the answer arrives. The venue
 * counts a request when it receives it, which is somewhere between the two; dating by the answer keeps us on the safe
 * side however long the request spent in a loaded machine's network stack (the send time alone made a 3/s window
 * exceed its limit by two requests at a load average of 15).
 */
final class UidLimits {
    static final String ORDER = "order";
    static final String READ = "read";
    static final String KEY = "key";
    private static final long WINDOW = 1000;
    private static final long MARGIN = 50;

    /** One request's place in a window: when it was sent, then when its answer came. */
    static final class Slot {
        private long at;

        private Slot(long at) { this.at = at; }
    }

    private static final class Window {
        int limit;
        long blockedUntil;
        final Deque<Slot> sent = new ArrayDeque<>();

        Window(int limit) { this.limit = limit; }

        /** Forgets the slots older than the window; answers the oldest time still counted (or MAX_VALUE). */
        long forgetBefore(long cutoff) {
            sent.removeIf(slot -> slot.at <= cutoff);
            long oldest = Long.MAX_VALUE;
            for (Slot slot : sent) oldest = Math.min(oldest, slot.at);
            return oldest;
        }
    }

    private final Map<String, Window> windows = new HashMap<>();
    private final LongSupplier clock;
    private final Sleeper sleeper;
    private final ClockOffset venueClock;

    UidLimits(LongSupplier clock, Sleeper sleeper, ClockOffset venueClock) {
        this.clock = clock;
        this.sleeper = sleeper;
        this.venueClock = venueClock;
        windows.put(ORDER, new Window(20));
        windows.put(READ, new Window(50));
        windows.put(KEY, new Window(10));
    }

    /** Waits until a request fits in the named window, then counts it; hand the slot to {@link #answered} later. */
    Slot acquire(String name) {
        while (true) {
            long wait;
            synchronized (this) {
                Window w = windows.get(name);
                long now = clock.getAsLong();
                long oldest = w.forgetBefore(now - WINDOW - MARGIN);
                wait = Math.max(0, w.blockedUntil - now);
                if (wait == 0 && w.sent.size() >= w.limit) wait = oldest + WINDOW + MARGIN - now + 1;
                if (wait <= 0) {
                    Slot slot = new Slot(now);
                    w.sent.addLast(slot);
                    return slot;
                }
            }
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Bybit's rate limit", e);
            }
        }
    }

    /** The request of this slot got its answer (or failed): it counts from now on, see the class comment. */
    synchronized void answered(Slot slot) {
        slot.at = Math.max(slot.at, clock.getAsLong());
    }

    /** What an answer's X-Bapi-Limit headers said about the window its request counted in. */
    synchronized void observe(String name, int limit, int remaining, long resetAtVenueMillis) {
        Window w = windows.get(name);
        if (w == null) return;
        if (limit > 0 && limit < w.limit) w.limit = limit;
        if (remaining <= 0 && resetAtVenueMillis > 0) {
            long localReset = resetAtVenueMillis - venueClock.offsetMillis();
            w.blockedUntil = Math.max(w.blockedUntil, localReset);
        }
    }

    synchronized int limit(String name) { return windows.get(name).limit; }
}
