package dev.botfleet.fakes.kraken;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Kraken's two limiters (https://docs.kraken.com/api/docs/guides/spot-rest-ratelimits and .../spot-ratelimits).
 *
 * <p>REST: every key has a call counter starting at 0; ledger and trade-history calls add 2, every other call 1,
 * except AddOrder and CancelOrder, which count on the trading limiter instead. The counter decays continuously;
 * a call that would take it above the maximum is refused with "EAPI:Rate limit exceeded". Starter tier: maximum 15,
 * decay 0.33/s (Intermediate 20 / 0.5, Pro 20 / 1).
 *
 * <p>Trading: a counter per key and pair; AddOrder adds 1 (always, even when the order then fails validation), a
 * cancel adds 8, 6, 5, 4, 2 or 1 for an order younger than 5, 10, 15, 45, 90 or 300 s. Reaching the threshold
 * answers "EOrder:Rate limit exceeded". Starter: threshold 60, decay 1/s (Intermediate 125 / 2.34, Pro 180 / 3.75).
 *
 * <p>The limits are public fields so a test can lower them; the adapter under test is configured with the same tier
 * (Kraken does not tell a key its tier over the API).
 */
public final class KrakenLimits {
    public volatile double callMax = 15;
    public volatile double callDecayPerSecond = 0.33;
    public volatile double tradeThreshold = 60;
    public volatile double tradeDecayPerSecond = 1;

    private final LongSupplier clock;
    private final Map<String, double[]> counters = new HashMap<>();
    private int refused;

    KrakenLimits(LongSupplier clock) {
        this.clock = clock;
    }

    /** Counts a REST call of {@code cost}; false (and nothing counted) when it would pass the maximum. */
    synchronized boolean call(String apiKey, int cost) {
        return add("call " + apiKey, cost, callMax, callDecayPerSecond);
    }

    /** Counts a trading transaction; false when the pair's counter has reached the threshold. */
    synchronized boolean trade(String apiKey, String pair, int cost) {
        return add("trade " + apiKey + " " + pair, cost, tradeThreshold, tradeDecayPerSecond);
    }

    /** The cancel penalty of the trading-limits page for an order that rested {@code ageMillis}. */
    static int cancelCost(long ageMillis) {
        long s = ageMillis / 1000;
        if (s < 5) return 8;
        if (s < 10) return 6;
        if (s < 15) return 5;
        if (s < 45) return 4;
        if (s < 90) return 2;
        return s < 300 ? 1 : 0;
    }

    public synchronized int refused() { return refused; }

    private boolean add(String name, int cost, double max, double decay) {
        long now = clock.getAsLong();
        double[] c = counters.computeIfAbsent(name, k -> new double[] {0, now});
        c[0] = Math.max(0, c[0] - decay * (now - (long) c[1]) / 1000.0);
        c[1] = now;
        // Refused when the request would take the counter past the limit (a free cancel never is).
        if (cost > 0 && c[0] + cost > max + 1e-9) {
            refused++;
            return false;
        }
        c[0] += cost;
        return true;
    }
}
