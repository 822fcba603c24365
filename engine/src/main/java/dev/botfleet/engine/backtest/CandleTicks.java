package dev.botfleet.engine.backtest;

import dev.botfleet.engine.market.Candle;
import dev.botfleet.engine.market.Tick;

import java.util.function.Consumer;

/**
 * A candle as four trades, for runs that need trades where only candles exist: the tick-replay backtest
 * ({@link Backtester#runOnTicks}) and strategies that work on trades (module ml's 1-second candles). The path is the
 * simulated exchange's own bar path — open, the nearer extreme, the other extreme, close (O-H-L-C, or O-L-H-C when the
 * open is nearer the low) — at {@code openTime + k × width / 4}, k = 0..3, a quarter of the volume each. A 1s candle
 * stays inside its second; a 1m candle trades every 15 seconds. One definition, so every path that turns the same
 * candles into trades gives the same trades.
 */
public final class CandleTicks {
    public static final int TICKS_PER_CANDLE = 4;

    private CandleTicks() {
    }

    /** Hands {@code sink} the candle's four trades, in time order. */
    public static void of(Candle c, Consumer<Tick> sink) {
        boolean lowFirst = c.open() - c.low() < c.high() - c.open();
        double second = lowFirst ? c.low() : c.high();
        double third = lowFirst ? c.high() : c.low();
        double size = c.volume() / TICKS_PER_CANDLE;
        long step = c.timeframe().millis() / TICKS_PER_CANDLE;
        long t = c.openTime();
        sink.accept(new Tick(c.exchange(), c.symbol(), t, c.open(), size));
        sink.accept(new Tick(c.exchange(), c.symbol(), t + step, second, size));
        sink.accept(new Tick(c.exchange(), c.symbol(), t + 2 * step, third, size));
        sink.accept(new Tick(c.exchange(), c.symbol(), t + 3 * step, c.close(), size));
    }
}
