package dev.botfleet.exchanges.http;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Keeps our own requests under a venue's documented limits, before the venue has to refuse them. Each limit is a fixed
 * window aligned to the epoch (Binance counts per calendar minute / 10 seconds / day), counting either request weight
 * or orders. A request waits until every window it counts in has room. What the venue reports as used (headers) is
 * taken when it is more than we counted, so other processes on the same address or key are accounted for.
 */
public final class RateLimiter {

    /** What a window counts. */
    public enum Counts { WEIGHT, ORDERS }

    private static final class Window {
        final String name;
        final Counts counts;
        final long lengthMillis;
        final int limit;
        long start;
        int used;

        Window(String name, Counts counts, long lengthMillis, int limit) {
            this.name = name;
            this.counts = counts;
            this.lengthMillis = lengthMillis;
            this.limit = limit;
        }

        void roll(long now) {
            long current = now - Math.floorMod(now, lengthMillis);
            if (current != start) {
                start = current;
                used = 0;
            }
        }
    }

    private final List<Window> windows = new ArrayList<>();
    private final LongSupplier clock;
    private final Sleeper sleeper;
    private long waitedMillis;

    public RateLimiter(LongSupplier clock, Sleeper sleeper) {
        this.clock = clock;
        this.sleeper = sleeper;
    }

    public RateLimiter() {
        this(System::currentTimeMillis, Sleeper.REAL);
    }

    /** Adds (or replaces, by name) a limit, e.g. ("REQUEST_WEIGHT_1M", WEIGHT, 60_000, 6000). */
    public synchronized void limit(String name, Counts counts, long lengthMillis, int limit) {
        windows.removeIf(w -> w.name.equals(name));
        windows.add(new Window(name, counts, lengthMillis, limit));
    }

    /** Waits until the request fits, then counts it. */
    public void acquire(int weight, boolean order) throws InterruptedException {
        while (true) {
            long wait;
            synchronized (this) {
                long now = clock.getAsLong();
                wait = 0;
                for (Window w : windows) {
                    w.roll(now);
                    int cost = cost(w, weight, order);
                    if (cost > 0 && w.used + cost > w.limit && w.used > 0) {
                        wait = Math.max(wait, w.start + w.lengthMillis - now);
                    }
                }
                if (wait == 0) {
                    for (Window w : windows) w.used += cost(w, weight, order);
                    return;
                }
                waitedMillis += wait;
            }
            sleeper.sleep(wait);
        }
    }

    /** The venue says {@code used} of the named window is spent; believe it if it is more than we counted. */
    public synchronized void observe(String name, int used) {
        long now = clock.getAsLong();
        for (Window w : windows) {
            if (w.name.equals(name)) {
                w.roll(now);
                w.used = Math.max(w.used, used);
            }
        }
    }

    public synchronized int used(String name) {
        long now = clock.getAsLong();
        for (Window w : windows) {
            if (w.name.equals(name)) {
                w.roll(now);
                return w.used;
            }
        }
        return 0;
    }

    /** Total time requests have been held back: a measure of how close to the limits we run. */
    public synchronized long waitedMillis() { return waitedMillis; }

    private static int cost(Window w, int weight, boolean order) {
        return w.counts == Counts.WEIGHT ? weight : (order ? 1 : 0);
    }
}
