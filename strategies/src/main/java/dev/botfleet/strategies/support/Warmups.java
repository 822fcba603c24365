package dev.botfleet.strategies.support;

import dev.botfleet.engine.indicator.CandleIndicator;
import dev.botfleet.engine.indicator.Indicator;
import dev.botfleet.engine.indicator.ValueIndicator;

import java.util.List;

/**
 * How many candles a strategy's indicators need before each gives a value, found by asking them rather than by a
 * formula per indicator (TA-Lib's lookbacks differ: RSI(n) needs n+1 inputs, an EMA n, MACD slow+signal-1, ADX about
 * 2n): fresh indicators are fed a harmless made-up series until all are ready, then reset. So call it before the
 * indicators have seen real data, e.g. from the strategy's constructor or its {@code warmup()} at build time.
 */
public final class Warmups {
    /** No indicator of the catalog needs this many; a guard against one that never becomes ready. */
    private static final int LIMIT = 100_000;

    private Warmups() {
    }

    public static int candlesUntilReady(List<? extends Indicator> indicators) {
        int fed = 0;
        while (!indicators.stream().allMatch(Indicator::isReady)) {
            if (fed == LIMIT) throw new IllegalStateException("indicators not ready after " + LIMIT + " candles");
            double close = 100 + Math.sin(fed * 0.7) * 5;  // moves both ways, never zero: no degenerate division
            for (Indicator indicator : indicators) {
                switch (indicator) {
                    case ValueIndicator v -> v.update(close);
                    case CandleIndicator c -> c.update(close + 1, close - 1, close);
                    default -> throw new IllegalArgumentException("cannot feed " + indicator.getClass().getName());
                }
            }
            fed++;
        }
        indicators.forEach(Indicator::reset);
        return fed;
    }
}
