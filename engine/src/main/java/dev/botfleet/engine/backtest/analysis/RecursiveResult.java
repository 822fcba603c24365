package dev.botfleet.engine.backtest.analysis;

import java.util.List;

/**
 * What {@link RecursiveAnalysis} found, like the table of Freqtrade's {@code recursive-analysis}: one row per indicator,
 * one column per startup count.
 *
 * @param strategy         the spec's strategy label
 * @param startupCandles   the counts compared, ascending; the last is the reference
 * @param thresholdPercent differences above this (in size) are flagged
 * @param indicators       one row per indicator the strategy reports, in its order
 * @param warnings         indicators that could not be compared (not ready even with the most startup candles)
 */
public record RecursiveResult(String strategy, List<Integer> startupCandles, double thresholdPercent,
                              List<IndicatorDrift> indicators, List<String> warnings) {
    public RecursiveResult {
        startupCandles = List.copyOf(startupCandles);
        indicators = List.copyOf(indicators);
        warnings = List.copyOf(warnings);
    }

    /** The indicators whose value depends on how much history they started with (above the threshold). */
    public List<String> flaggedIndicators() {
        return indicators.stream().filter(IndicatorDrift::flagged).map(IndicatorDrift::indicator).toList();
    }
}
