package dev.botfleet.bench;

import dev.botfleet.engine.market.Tick;

import java.time.Instant;

/**
 * The fleet benchmarks' market: BTC/USDT on {@code sim}, a triangle wave from {@code low} up and back in 0.50 steps, a
 * tick every 250 ms of market time. A tick's size carries its sequence number, and its publish time is kept in a ring
 * by that number, so a bot's decision can be timed without shared mutable state on the hot path.
 */
final class TriangleMarket {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    final long[] publishedAt = new long[1 << 12];
    private final double low;
    private final int halfPeriod;
    private long sequence;

    /** @param halfPeriod ticks from {@code low} to the top (the top is {@code low + halfPeriod * 0.5}) */
    TriangleMarket(double low, int halfPeriod) {
        this.low = low;
        this.halfPeriod = halfPeriod;
    }

    long published() { return sequence; }

    Tick next() {
        long seq = ++sequence;
        int phase = (int) (seq % (2L * halfPeriod));
        double price = phase < halfPeriod ? low + phase * 0.5 : low + (2 * halfPeriod - phase) * 0.5;
        publishedAt[(int) (seq & (publishedAt.length - 1))] = System.nanoTime();
        return new Tick("sim", "BTC/USDT", T0.toEpochMilli() + seq * 250, price, seq);
    }

    /** Nanoseconds from {@code tick}'s publish to now. */
    long sincePublished(Tick tick) {
        long seq = (long) tick.size();
        return System.nanoTime() - publishedAt[(int) (seq & (publishedAt.length - 1))];
    }
}
