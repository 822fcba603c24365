package dev.botfleet.exchanges.delta;

import dev.botfleet.exchanges.http.Sleeper;

import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * One key's share of Delta's REST quota (docs "Rate Limits": 10,000 weight per fixed 5-minute window per user; place,
 * edit and delete order weigh 5, fills and history 10, open orders, positions, balances, products, tickers and candles
 * 3, anything else 1). Delta reports no usage on its answers, but {@code GET /v2/rate_limits/quota} says what is left
 * of the window ({@code current_quota}) and when it ends: at the start of each window this asks once and then spends
 * from what it was told, waiting for the next window when a call does not fit. So a lower quota on an account is
 * honoured too. Before the first answer the documented 10,000 per 5 minutes is assumed.
 *
 * <p>The quota is per <em>user</em>: every key and process of the account spends from it, so our count drifts. The
 * venue's figure is therefore taken again when the last one is more than {@link #STALE_MILLIS} old and a call is
 * about to go, and before every new order (one more call of weight 1 and one more round trip per order: the price of
 * never running a burst of orders into a 429 because another process spent the quota).
 */
final class DeltaQuota {
    /** What the quota endpoint said: weight left and milliseconds to the window's end. */
    record Quota(int remaining, long resetInMillis) {
    }

    static final long STALE_MILLIS = 1_000;

    private final LongSupplier clock;
    private long learnedAt = Long.MIN_VALUE;
    private final Sleeper sleeper;
    private final Supplier<Quota> ask;
    private long windowEnd = Long.MIN_VALUE;
    private int remaining;
    /** Weight of calls counted here but maybe not yet at the venue: the venue's figure does not include them. */
    private int inFlight;

    DeltaQuota(LongSupplier clock, Sleeper sleeper, Supplier<Quota> ask) {
        this.clock = clock;
        this.sleeper = sleeper;
        this.ask = ask;
    }

    static int weight(String method, String path) {
        if (path.startsWith("/v2/orders/batch")) return 25;
        if (path.equals("/v2/orders") && !method.equals("GET")) return 5;
        if (path.startsWith("/v2/orders/history") || path.startsWith("/v2/fills")
                || path.startsWith("/v2/wallet/transactions")) return 10;
        if ((path.equals("/v2/orders") && method.equals("GET")) || path.startsWith("/v2/positions")
                || path.equals("/v2/wallet/balances") || path.equals("/v2/products")
                || path.startsWith("/v2/tickers") || path.startsWith("/v2/history/candles")) return 3;
        return 1;
    }

    /** As {@link #acquire(int)}; {@code fresh} takes the venue's figure first (before a new order). */
    void acquire(int weight, boolean fresh) {
        if (fresh) {
            synchronized (this) {
                // Asking costs 1 too: when what we believe is left cannot pay for the ask and the call, the window's
                // end is waited for instead (and the venue asked then).
                long now = clock.getAsLong();
                if (now < windowEnd && remaining >= weight + 1) learn(now);
            }
        }
        acquire(weight);
    }

    /** Waits until {@code weight} fits in the current window, then counts it. */
    void acquire(int weight) {
        while (true) {
            long wait;
            synchronized (this) {
                long now = clock.getAsLong();
                if (now >= windowEnd || now - learnedAt >= STALE_MILLIS) learn(now);
                if (remaining >= weight) {
                    remaining -= weight;
                    inFlight += weight;
                    return;
                }
                wait = Math.max(1, windowEnd - now);
                windowEnd = Math.min(windowEnd, now + wait); // ask again once it has passed
            }
            try {
                sleeper.sleep(wait + 20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Delta's rate limit", e);
            }
        }
    }

    /** The call counted with {@link #acquire} has been answered (or failed). */
    synchronized void done(int weight) { inFlight = Math.max(0, inFlight - weight); }

    /** A 429 says the window is spent: nothing more until it resets. */
    synchronized void exhausted(long resetInMillis) {
        remaining = 0;
        windowEnd = clock.getAsLong() + resetInMillis;
    }

    private void learn(long now) {
        learnedAt = now;
        Quota q;
        try {
            q = ask.get();
        } catch (RuntimeException e) {
            q = null;
        }
        if (q == null) {
            remaining = 10_000;
            windowEnd = now + 300_000 - Math.floorMod(now, 300_000L);
        } else {
            remaining = q.remaining() - inFlight;
            windowEnd = now + Math.max(1, q.resetInMillis());
        }
    }
}
