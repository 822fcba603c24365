package dev.botfleet.engine.backtest.analysis;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One indicator in {@link RecursiveAnalysis}: its value at the last candle with each startup count, and how far that is
 * from the value with the most startup candles.
 *
 * @param indicator         the name the strategy reports it under
 * @param baseValue         its value with the most startup candles (the reference)
 * @param values            startup count to its value at the last candle (NaN: not ready with that many candles)
 * @param differencePercent startup count to {@code (value − base) / |base| × 100}; NaN when the value is not ready,
 *                          ±infinity when the base is 0 and the value is not
 * @param flagged           true when any difference is above the threshold in size, or the value is not ready
 */
public record IndicatorDrift(String indicator, double baseValue, Map<Integer, Double> values,
                             Map<Integer, Double> differencePercent, boolean flagged) {
    public IndicatorDrift {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        differencePercent = Collections.unmodifiableMap(new LinkedHashMap<>(differencePercent));
    }
}
