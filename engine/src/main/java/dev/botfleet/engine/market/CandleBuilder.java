package dev.botfleet.engine.market;

import java.util.Optional;

/**
 * Builds candles of one timeframe for one market from its ticks, in the ticks' own time. A candle is handed out only
 * once it is complete — when the first tick of a later bucket arrives — so a strategy never sees a bar that is still
 * forming (no look-ahead). Buckets with no tick produce no candle. Not thread-safe: one feed thread owns it.
 */
public final class CandleBuilder {
    private final String exchange;
    private final String symbol;
    private final Timeframe timeframe;
    private long openTime = Long.MIN_VALUE;
    private double open;
    private double high;
    private double low;
    private double close;
    private double volume;

    public CandleBuilder(String exchange, String symbol, Timeframe timeframe) {
        this.exchange = exchange;
        this.symbol = symbol;
        this.timeframe = timeframe;
    }

    /**
     * Adds a tick; returns the candle it completed, if it is the first tick of a new bucket. A tick older than the
     * current bucket is folded into it (feeds are expected to be monotonic; this keeps a late tick from reopening a
     * candle that was already handed out).
     */
    public Optional<Candle> accept(Tick tick) {
        long bucket = timeframe.openTimeOf(tick.timestamp());
        if (openTime == Long.MIN_VALUE) {
            begin(bucket, tick);
            return Optional.empty();
        }
        if (bucket <= openTime) {
            high = Math.max(high, tick.price());
            low = Math.min(low, tick.price());
            close = tick.price();
            volume += tick.size();
            return Optional.empty();
        }
        Candle done = new Candle(exchange, symbol, timeframe, openTime, open, high, low, close, volume);
        begin(bucket, tick);
        return Optional.of(done);
    }

    private void begin(long bucket, Tick tick) {
        openTime = bucket;
        open = high = low = close = tick.price();
        volume = tick.size();
    }
}
