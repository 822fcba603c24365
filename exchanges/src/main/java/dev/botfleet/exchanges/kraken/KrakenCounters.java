package dev.botfleet.exchanges.kraken;

import dev.botfleet.exchanges.http.Sleeper;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * One key's mirror of Kraken's two counters, kept because Kraken answers no headers to correct it: the REST call
 * counter (history calls 2, others 1, AddOrder/CancelOrder 0) and the per-pair trading counter (AddOrder +1, a
 * cancel +8, 6, 5, 4, 2 or 1 when the order is younger than 5, 10, 15, 45, 90 or 300 s). Both decay continuously at
 * the tier's rate. A request waits until it fits one unit below the limit: the venue decays from when it received our
 * earlier requests, a little after we sent them, so it may still count slightly more than we do.
 */
final class KrakenCounters {
    private static final double MARGIN = 1;
    private final Supplier<KrakenTier> tier;
    private final LongSupplier clock;
    private final Sleeper sleeper;
    private final Map<String, double[]> counters = new HashMap<>();

    KrakenCounters(Supplier<KrakenTier> tier, LongSupplier clock, Sleeper sleeper) {
        this.tier = tier;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    void acquireCall(int cost) {
        KrakenTier t = tier.get();
        acquire("call", cost, t.callMax(), t.callDecayPerSecond());
    }

    void acquireTrade(String pair, int cost) {
        KrakenTier t = tier.get();
        acquire("trade " + pair, cost, t.tradeThreshold(), t.tradeDecayPerSecond());
    }

    /** Kraken said the call counter is full: count it so, and say how long until one call fits again. */
    Duration callCounterFull() {
        KrakenTier t = tier.get();
        return full("call", t.callMax(), t.callDecayPerSecond());
    }

    Duration tradeCounterFull() {
        KrakenTier t = tier.get();
        return full("trade", t.tradeThreshold(), t.tradeDecayPerSecond());
    }

    static int cancelCost(long ageMillis) {
        long s = ageMillis / 1000;
        if (s < 5) return 8;
        if (s < 10) return 6;
        if (s < 15) return 5;
        if (s < 45) return 4;
        if (s < 90) return 2;
        return s < 300 ? 1 : 0;
    }

    synchronized double used(String name) {
        double[] c = counters.get(name);
        return c == null ? 0 : c[0];
    }

    private void acquire(String name, int cost, double max, double decay) {
        if (cost <= 0) return;
        while (true) {
            long wait;
            synchronized (this) {
                double[] c = decayed(name, decay);
                double room = Math.max(cost, max - MARGIN) - c[0];
                if (room >= cost) {
                    c[0] += cost;
                    return;
                }
                wait = (long) Math.ceil((cost - room) / decay * 1000);
            }
            try {
                sleeper.sleep(Math.max(1, wait));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Kraken's rate counter", e);
            }
        }
    }

    private synchronized Duration full(String prefix, double max, double decay) {
        for (var e : counters.entrySet()) {
            if (e.getKey().startsWith(prefix)) e.getValue()[0] = Math.max(e.getValue()[0], max);
        }
        return Duration.ofMillis((long) Math.ceil((1 + MARGIN) / decay * 1000));
    }

    private double[] decayed(String name, double decay) {
        long now = clock.getAsLong();
        double[] c = counters.computeIfAbsent(name, k -> new double[] {0, now});
        c[0] = Math.max(0, c[0] - decay * (now - (long) c[1]) / 1000.0);
        c[1] = now;
        return c;
    }
}
