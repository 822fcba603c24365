package dev.botfleet.fakes.delta;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Delta's REST quota (docs "Rate Limits"): a fixed window (5 minutes) with a quota (10,000) per user for signed calls
 * and per IP for public ones; each endpoint costs its weight (3 products, tickers, open orders, positions, balances,
 * candles; 5 place/edit/delete order; 10 order history and fills; 25 batch; 1 anything else). A call over the quota is
 * refused with 429 and X-RATE-LIMIT-RESET, the milliseconds until the window starts again. Windows are aligned to the
 * epoch. {@code GET /v2/rate_limits/quota} reports what is left and when the window ends.
 */
final class DeltaQuota {
    volatile long windowMillis = 300_000;
    volatile int quota = 10_000;

    record Result(boolean allowed, int remaining, long resetInMillis) {
    }

    private final LongSupplier clock;
    private final Map<String, long[]> used = new HashMap<>();
    private int refused;

    DeltaQuota(LongSupplier clock) {
        this.clock = clock;
    }

    static int weight(String method, String path) {
        if (path.startsWith("/v2/orders/batch")) return 25;
        if (path.equals("/v2/orders") && !method.equals("GET")) return 5;
        if (path.startsWith("/v2/positions/change_margin")) return 5;
        if (path.startsWith("/v2/orders/history") || path.startsWith("/v2/fills")
                || path.startsWith("/v2/wallet/transactions")) return 10;
        if (path.equals("/v2/products") || path.startsWith("/v2/tickers") || path.startsWith("/v2/l2orderbook")
                || (path.equals("/v2/orders") && method.equals("GET")) || path.startsWith("/v2/positions")
                || path.equals("/v2/wallet/balances") || path.startsWith("/v2/history/candles")) return 3;
        return 1;
    }

    /** Counts a call of {@code who} (a user's key, or "ip:" for public calls); refused calls are not counted. */
    synchronized Result take(String who, int weight) {
        long now = clock.getAsLong();
        long start = now - Math.floorMod(now, windowMillis);
        long[] w = used.computeIfAbsent(who, k -> new long[] {start, 0});
        if (w[0] != start) {
            w[0] = start;
            w[1] = 0;
        }
        long reset = start + windowMillis - now;
        if (w[1] + weight > quota) {
            refused++;
            return new Result(false, (int) (quota - w[1]), reset);
        }
        w[1] += weight;
        return new Result(true, (int) (quota - w[1]), reset);
    }

    synchronized Result peek(String who) {
        long now = clock.getAsLong();
        long start = now - Math.floorMod(now, windowMillis);
        long[] w = used.get(who);
        long spent = w == null || w[0] != start ? 0 : w[1];
        return new Result(true, (int) (quota - spent), start + windowMillis - now);
    }

    synchronized int refused() { return refused; }
}
