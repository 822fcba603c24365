package dev.botfleet.bench;

import java.util.Arrays;
import java.util.List;

/**
 * Latency samples (nanoseconds) of one bot: written only on that bot's turn (single writer, no contention between the
 * executor threads), read after the iteration. Samples beyond capacity are dropped.
 */
final class LatencyRecorder {
    private final long[] samples;
    private int count;

    LatencyRecorder(int capacity) {
        this.samples = new long[capacity];
    }

    void record(long nanos) {
        if (count < samples.length) samples[count++] = nanos;
    }

    void reset() {
        count = 0;
    }

    int count() {
        return count;
    }

    /** Percentiles (p in [0, 100], nanoseconds) over the samples of all recorders. */
    static long[] percentiles(List<LatencyRecorder> recorders, double... ps) {
        int total = 0;
        for (LatencyRecorder r : recorders) total += r.count;
        long[] all = new long[total];
        int at = 0;
        for (LatencyRecorder r : recorders) {
            System.arraycopy(r.samples, 0, all, at, r.count);
            at += r.count;
        }
        Arrays.sort(all);
        long[] out = new long[ps.length];
        for (int i = 0; i < ps.length; i++) {
            if (all.length == 0) continue;
            int idx = (int) Math.min(all.length - 1, Math.ceil(ps[i] / 100.0 * all.length) - 1);
            out[i] = all[Math.max(0, idx)];
        }
        return out;
    }
}
