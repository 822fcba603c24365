package dev.botfleet.server.market;

import dev.botfleet.engine.market.Candle;
import dev.botfleet.engine.market.Timeframe;
import org.springframework.stereotype.Component;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The recent past of each market as 1m candles: what a starting bot warms up on and what the dashboard's charts show.
 * Fed by the market feeds (for {@code sim}: a made-up past at start, then every completed live candle); keeps the
 * newest {@link #KEEP} per market. Longer timeframes are built from the 1m candles on request. Thread-safe.
 */
@Component
public class CandleHistory {
    /** Four days of 1m candles per market (a few hundred KB each). */
    static final int KEEP = 4 * 24 * 60;

    private final Map<String, Deque<Candle>> byMarket = new ConcurrentHashMap<>();

    /** Adds a completed 1m candle; one that is not newer than the market's last is ignored (no rewriting the past). */
    public void add(Candle candle) {
        if (candle.timeframe() != Timeframe.M1) throw new IllegalArgumentException("1m candles only, got " + candle.timeframe());
        Deque<Candle> candles = byMarket.computeIfAbsent(key(candle.exchange(), candle.symbol()), k -> new ArrayDeque<>());
        synchronized (candles) {
            if (!candles.isEmpty() && candles.peekLast().openTime() >= candle.openTime()) return;
            candles.addLast(candle);
            while (candles.size() > KEEP) candles.removeFirst();
        }
    }

    /** The 1m candles that opened at or after {@code fromMillis}, oldest first. */
    public List<Candle> since(String exchange, String symbol, long fromMillis) {
        Deque<Candle> candles = byMarket.get(key(exchange, symbol));
        if (candles == null) return List.of();
        synchronized (candles) {
            List<Candle> out = new ArrayList<>();
            for (var it = candles.descendingIterator(); it.hasNext(); ) {
                Candle c = it.next();
                if (c.openTime() < fromMillis) break;
                out.add(c);
            }
            return out.reversed();
        }
    }

    /**
     * The newest {@code limit} candles of {@code timeframe}, oldest first, built from the 1m candles: a bucket is
     * complete only when its last minute is in, so a still-forming bucket is left out, as is the oldest one when the
     * 1m candles do not reach back to its start.
     */
    public List<Candle> last(String exchange, String symbol, Timeframe timeframe, int limit) {
        long perBucket = timeframe.millis() / Timeframe.M1.millis();
        List<Candle> minutes = newest(exchange, symbol, (int) Math.min(KEEP, perBucket * (limit + 1L)));
        if (timeframe == Timeframe.M1) return minutes.subList(Math.max(0, minutes.size() - limit), minutes.size());
        List<Candle> out = new ArrayList<>();
        Candle bucket = null;
        long expectedOpen = 0;
        for (Candle m : minutes) {
            long open = timeframe.openTimeOf(m.openTime());
            if (bucket == null || bucket.openTime() != open) {
                bucket = m.openTime() == open ? rebucket(m, timeframe) : null;  // a bucket must start at its first minute
                expectedOpen = m.openTime() + Timeframe.M1.millis();
            } else if (m.openTime() == expectedOpen) {
                bucket = new Candle(m.exchange(), m.symbol(), timeframe, open, bucket.open(), Math.max(bucket.high(), m.high()),
                        Math.min(bucket.low(), m.low()), m.close(), bucket.volume() + m.volume());
                expectedOpen += Timeframe.M1.millis();
            } else {
                bucket = null;  // a gap inside the bucket: not a whole candle
            }
            if (bucket != null && m.closeTime() == open + timeframe.millis()) out.add(bucket);
        }
        return out.subList(Math.max(0, out.size() - limit), out.size());
    }

    /** The newest {@code count} 1m candles, oldest first (fewer if the market has fewer). */
    private List<Candle> newest(String exchange, String symbol, int count) {
        Deque<Candle> candles = byMarket.get(key(exchange, symbol));
        if (candles == null) return List.of();
        synchronized (candles) {
            List<Candle> out = new ArrayList<>(Math.min(count, candles.size()));
            for (var it = candles.descendingIterator(); it.hasNext() && out.size() < count; ) out.add(it.next());
            return out.reversed();
        }
    }

    private static Candle rebucket(Candle m, Timeframe timeframe) {
        return new Candle(m.exchange(), m.symbol(), timeframe, m.openTime(), m.open(), m.high(), m.low(), m.close(), m.volume());
    }

    private static String key(String exchange, String symbol) {
        return exchange + "|" + symbol;
    }
}
