package dev.botfleet.bench;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keeps up to {@code capacity} latency samples (nanoseconds) from any thread; samples beyond capacity are dropped,
 * so size it to the run. Percentiles are computed by sorting a copy.
 */
final class LatencyRecorder {
    private final long[] samples;
    private final AtomicInteger next = new AtomicInteger();

    LatencyRecorder(int capacity) {
        this.samples = new long[capacity];
    }

    void record(long nanos) {
        int i = next.getAndIncrement();
        if (i < samples.length) samples[i] = nanos;
    }

    void reset() {
        next.set(0);
    }

    int count() {
        return Math.min(next.get(), samples.length);
    }

    /** p in [0, 100]; nanoseconds. */
    long[] percentiles(double... ps) {
        long[] sorted = Arrays.copyOf(samples, count());
        Arrays.sort(sorted);
        long[] out = new long[ps.length];
        for (int i = 0; i < ps.length; i++) {
            if (sorted.length == 0) continue;
            int idx = (int) Math.min(sorted.length - 1, Math.ceil(ps[i] / 100.0 * sorted.length) - 1);
            out[i] = sorted[Math.max(0, idx)];
        }
        return out;
    }
}
