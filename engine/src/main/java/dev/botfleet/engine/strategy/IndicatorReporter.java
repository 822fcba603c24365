package dev.botfleet.engine.strategy;

import java.util.Map;

/**
 * Optional for a {@link Strategy}: the current value of each indicator its decisions use, so a backtest analysis can
 * record one column per indicator (the lookahead and recursive checks compare them between runs). Read by the
 * backtester right after each candle's {@code onCandle}; a value that is not ready yet is {@code Double.NaN}. Keep the
 * names stable from candle to candle (they are column names) and the map cheap to build: it is asked once per candle.
 */
public interface IndicatorReporter {
    /** Indicator name to its value after the last candle, in a stable order. */
    Map<String, Double> indicatorValues();
}
