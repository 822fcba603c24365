package dev.botfleet.bench;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Tick-to-decision latencies of a fleet, one histogram per executor thread: each thread records into its own (no
 * contention, no shared cache line), and they are merged after the iteration.
 *
 * <p>Why not every sample: the benchmark kept each bot's samples in an array of its own, and at 10,000 bots a sample's
 * store was a cache miss — a quarter of the bots' threads' time went into measuring them (a JFR profile of
 * {@code LivePathBenchmark} at 10,000 bots, 2026-12-05), and the wait for that store lay inside every later bot's
 * latency. A histogram of a few thousand counters stays in the core's cache.
 *
 * <p>Precision: log-linear buckets, {@value #SUB_BUCKETS} per power of two, so a percentile is reported as its bucket's
 * lower bound, at most 1/{@value #SUB_BUCKETS} (1.6 %) below the true value; below {@value #SUB_BUCKETS} ns, exact.
 */
final class LatencyRecorder {
    static final int SUB_BUCKETS = 64;
    private static final int SUB_BITS = 6;
    /** Enough buckets for any non-negative long. */
    private static final int BUCKETS = (64 - SUB_BITS + 1) * SUB_BUCKETS;

    private final List<Histogram> histograms = new CopyOnWriteArrayList<>();
    private final ThreadLocal<Histogram> own = ThreadLocal.withInitial(() -> {
        Histogram h = new Histogram();
        histograms.add(h);
        return h;
    });

    /** On the thread that measured: counted in that thread's histogram. Negative values count as 0. */
    void record(long nanos) {
        own.get().counts[index(Math.max(0, nanos))]++;
    }

    /** {@code samples} samples of the same value (bots that decided on one tick together). */
    void record(long nanos, int samples) {
        own.get().counts[index(Math.max(0, nanos))] += samples;
    }

    /**
     * Starts a new iteration. Only while no thread records (between iterations): the threads' counters are plain
     * longs, made visible by what the caller waited on (the bots' handled count).
     */
    void reset() {
        for (Histogram h : histograms) java.util.Arrays.fill(h.counts, 0);
    }

    long count() {
        long n = 0;
        for (Histogram h : histograms) for (long c : h.counts) n += c;
        return n;
    }

    /** Percentiles (p in [0, 100], nanoseconds, each its bucket's lower bound) over every thread's samples. */
    long[] percentiles(double... ps) {
        long[] merged = new long[BUCKETS];
        for (Histogram h : histograms) for (int i = 0; i < BUCKETS; i++) merged[i] += h.counts[i];
        long total = 0;
        for (long c : merged) total += c;
        long[] out = new long[ps.length];
        if (total == 0) return out;
        for (int p = 0; p < ps.length; p++) {
            long rank = Math.max(1, (long) Math.ceil(ps[p] / 100.0 * total));  // the rank-th smallest sample
            long seen = 0;
            for (int i = 0; i < BUCKETS; i++) {
                seen += merged[i];
                if (seen >= rank) {
                    out[p] = lowerBound(i);
                    break;
                }
            }
        }
        return out;
    }

    /** Values below 64 have a bucket each; above, a power of two is split in 64 equal buckets. */
    static int index(long v) {
        if (v < SUB_BUCKETS) return (int) v;
        int shift = (63 - Long.numberOfLeadingZeros(v)) - SUB_BITS;  // keeps the 6 bits below the leading one
        return (shift + 1) * SUB_BUCKETS + (int) ((v >>> shift) & (SUB_BUCKETS - 1));
    }

    /** The smallest value whose bucket is {@code index}. */
    static long lowerBound(int index) {
        int shift = index / SUB_BUCKETS;
        long sub = index % SUB_BUCKETS;
        return shift == 0 ? sub : (SUB_BUCKETS + sub) << (shift - 1);
    }

    private static final class Histogram {
        final long[] counts = new long[BUCKETS];
    }
}
