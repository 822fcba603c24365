package dev.botfleet.server.ops;

import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;

import java.util.concurrent.atomic.LongAdder;

/**
 * One exchange's tick-to-decision histogram, recorded on every bot's turn for every tick it handles: a few bucket
 * comparisons and two striped adds (one when the latency is 0 ms). Micrometer's timer did five atomic updates and read
 * the clock twice per sample, on cache lines both carrier threads write: a third of a 10,000-bot fleet's per-bot-tick
 * time in a profile (docs/fleet-scale.md, "The tick timer"). The Prometheus client's own {@code Histogram} (on the
 * classpath through Micrometer) is not used for the same reason: its observation does four atomic updates (a striped
 * observation count, the bucket, the count, the sum) plus native-histogram and exemplar work unless switched off.
 * Exported by {@link TickLatencyCollector} as a Prometheus histogram with the same buckets the timer had; its count is
 * every tick every bot handled.
 */
final class TickLatencyHistogram {
    /** Upper bounds in milliseconds (inclusive, as Prometheus's {@code le}); a tick's time has 1-ms resolution. */
    static final long[] BOUNDS_MILLIS = {1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000};

    /** Per bucket, not cumulative; the last one holds what is above the last bound. */
    private final LongAdder[] buckets = new LongAdder[BOUNDS_MILLIS.length + 1];
    private final LongAdder sumMillis = new LongAdder();

    TickLatencyHistogram() {
        for (int i = 0; i < buckets.length; i++) buckets[i] = new LongAdder();
    }

    /** @param millis a latency, 0 or more, observed {@code times} times */
    void record(long millis, int times) {
        int i = 0;
        while (i < BOUNDS_MILLIS.length && millis > BOUNDS_MILLIS[i]) i++;  // most land in the first two buckets
        buckets[i].add(times);
        if (millis != 0) sumMillis.add(millis * times);
    }

    /** What a scrape shows: the count is the buckets' own sum, so it never disagrees with the +Inf bucket. */
    HistogramDataPointSnapshot snapshot(Labels labels) {
        double[] upperBounds = new double[buckets.length];
        long[] counts = new long[buckets.length];
        for (int i = 0; i < buckets.length; i++) {
            upperBounds[i] = i < BOUNDS_MILLIS.length ? BOUNDS_MILLIS[i] / 1000.0 : Double.POSITIVE_INFINITY;
            counts[i] = buckets[i].sum();
        }
        return HistogramDataPointSnapshot.builder()
                .classicHistogramBuckets(ClassicHistogramBuckets.of(upperBounds, counts))
                .sum(sumMillis.sum() / 1000.0)
                .labels(labels)
                .build();
    }
}
