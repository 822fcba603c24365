package dev.botfleet.strategies.support;

import dev.botfleet.engine.market.Candle;
import dev.botfleet.engine.market.Timeframe;

import java.util.Optional;

/**
 * Builds the candles a strategy asked for (its {@code timeframe} parameter) from the candles it is fed: the server
 * feeds 1m candles live and a backtest feeds whatever the data has. A candle of the wanted timeframe passes through; a
 * shorter one is merged into the wanted bucket, which is emitted when its last part arrives; a longer one cannot be
 * split and is ignored.
 */
public final class CandleAggregator {
    private final Timeframe target;
    private Candle partial;

    public CandleAggregator(Timeframe target) {
        this.target = target;
    }

    public Timeframe timeframe() { return target; }

    /** The completed candle of the wanted timeframe this input finishes, if any. */
    public Optional<Candle> accept(Candle c) {
        if (c.timeframe() == target) return Optional.of(c);
        if (c.timeframe().millis() > target.millis()) return Optional.empty();
        long bucket = target.openTimeOf(c.openTime());
        if (partial == null || partial.openTime() != bucket) {
            // A gap left the previous bucket unfinished: start afresh rather than emit a candle with missing parts.
            partial = new Candle(c.exchange(), c.symbol(), target, bucket, c.open(), c.high(), c.low(), c.close(),
                    c.volume());
        } else {
            partial = new Candle(c.exchange(), c.symbol(), target, bucket, partial.open(),
                    Math.max(partial.high(), c.high()), Math.min(partial.low(), c.low()), c.close(),
                    partial.volume() + c.volume());
        }
        if (c.closeTime() == bucket + target.millis()) {
            Candle done = partial;
            partial = null;
            return Optional.of(done);
        }
        return Optional.empty();
    }
}
