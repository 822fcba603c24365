package dev.botfleet.engine.backtest;

import dev.botfleet.engine.market.Timeframe;

import java.util.Arrays;

/** Bridges the loaders' timeframe (any width) to the candle timeframes the kernel knows. */
final class Timeframes {
    private Timeframes() {
    }

    static Timeframe of(dev.botfleet.engine.data.Timeframe data) {
        return Arrays.stream(Timeframe.values()).filter(t -> t.millis() == data.millis()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("timeframe: " + data.label()
                        + " is not a candle width the engine trades on (1m, 3m, 5m, 15m, 30m, 1h, 2h, 4h, 6h, 12h, 1d, 1w)"));
    }
}
