package dev.botfleet.server.portfolio;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Downsamples snapshots to at most {@link #MAX_POINTS} points per curve: the window is cut into that many equal
 * buckets and each bucket keeps its last snapshot. The total at a bucket is the sum of every bot's latest value at or
 * before the bucket's last snapshot (a bot's value carries forward until its next snapshot); bots with no snapshot
 * yet add nothing.
 */
final class EquityCurve {
    static final int MAX_POINTS = 200;

    /** A value already converted to the quote. */
    record Sample(UUID botId, Instant time, BigDecimal value) {
    }

    record Point(Instant time, BigDecimal value) {
    }

    private EquityCurve() {
    }

    /** {@code samples} oldest first. */
    static Map<UUID, List<Point>> perBot(List<Sample> samples, Instant from, Instant to) {
        Map<UUID, List<Sample>> byBot = new LinkedHashMap<>();
        for (Sample s : samples) byBot.computeIfAbsent(s.botId(), k -> new ArrayList<>()).add(s);
        Map<UUID, List<Point>> out = new LinkedHashMap<>();
        byBot.forEach((bot, list) -> out.put(bot, lastPerBucket(list, from, to).stream()
                .map(s -> new Point(s.time(), s.value())).toList()));
        return out;
    }

    static List<Point> total(List<Sample> samples, Instant from, Instant to) {
        Map<UUID, BigDecimal> latest = new HashMap<>();
        List<Point> out = new ArrayList<>();
        long bucket = Long.MIN_VALUE;
        for (Sample s : samples) {
            latest.put(s.botId(), s.value());
            BigDecimal sum = latest.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            long b = bucketOf(s.time(), from, to);
            Point p = new Point(s.time(), sum);
            if (b == bucket) out.set(out.size() - 1, p);
            else out.add(p);
            bucket = b;
        }
        return out;
    }

    private static List<Sample> lastPerBucket(List<Sample> samples, Instant from, Instant to) {
        List<Sample> out = new ArrayList<>();
        long bucket = Long.MIN_VALUE;
        for (Sample s : samples) {
            long b = bucketOf(s.time(), from, to);
            if (b == bucket) out.set(out.size() - 1, s);
            else out.add(s);
            bucket = b;
        }
        return out;
    }

    private static long bucketOf(Instant time, Instant from, Instant to) {
        long span = Math.max(1, to.toEpochMilli() - from.toEpochMilli());
        long offset = Math.clamp(time.toEpochMilli() - from.toEpochMilli(), 0, span);
        return Math.min(MAX_POINTS - 1, offset * MAX_POINTS / span);
    }
}
