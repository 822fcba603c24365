package dev.botfleet.fakes.coinbase;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Coinbase's REST limits as the fake enforces them: private endpoints 30 requests a second per key, public endpoints
 * 10 a second per address (Advanced Trade rate-limit page, as summarised by the SDK and adapters; the CDP page itself
 * was not available to check), each counted in fixed one-second windows. Answers carry x-ratelimit-limit,
 * x-ratelimit-remaining and x-ratelimit-reset (the SDK's header names; the fake sends the seconds until the window
 * resets, as the unit is not documented).
 */
final class RateWindows {
    record Usage(int limit, int remaining, long resetSeconds, boolean refused) {
    }

    volatile int privatePerSecond = 30;
    volatile int publicPerSecond = 10;
    private final LongSupplier clock;
    private final Map<String, long[]> windows = new HashMap<>();
    private int refused;

    RateWindows(LongSupplier clock) {
        this.clock = clock;
    }

    synchronized Usage count(String who, boolean isPrivate) {
        int limit = isPrivate ? privatePerSecond : publicPerSecond;
        long now = clock.getAsLong();
        long start = now - Math.floorMod(now, 1000L);
        long[] w = windows.computeIfAbsent(who, k -> new long[2]);
        if (w[0] != start) {
            w[0] = start;
            w[1] = 0;
        }
        long reset = Math.max(1, (start + 1000 - now + 999) / 1000);
        if (w[1] >= limit) {
            refused++;
            return new Usage(limit, 0, reset, true);
        }
        w[1]++;
        return new Usage(limit, (int) (limit - w[1]), reset, false);
    }

    synchronized int refused() { return refused; }
}
