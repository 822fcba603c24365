package dev.botfleet.engine.backtest.signals;

import dev.botfleet.engine.data.CandleSeries;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A strategy's decisions on each candle, as the columns of a Freqtrade dataframe: {@code enterLong[i]} is true when it
 * bought at market while flat on candle {@code i}, {@code exitLong[i]} when it sold at market while long. Decisions are
 * taken on the candle's close, like Freqtrade's {@code populate_entry_trend}. The arrays are shared, not copied: treat
 * them as read-only.
 *
 * @param strategy     the spec's strategy label
 * @param candles      the candles the strategy ran on (one row per candle)
 * @param enterLong    enter_long per candle
 * @param exitLong     exit_long per candle
 * @param enterTags    enter_tag per candle, null where none (botfleet orders carry no tag yet, so all null today)
 * @param indicators   indicator name to its value after each candle (NaN before it is ready or before it was first
 *                     reported), in the order the strategy reported them; empty unless the strategy is an
 *                     {@link dev.botfleet.engine.strategy.IndicatorReporter}
 * @param averageStake the average quote value the strategy put into its entries (0 when it never entered)
 * @param stopReason   why the strategy stopped before the last candle, or null
 * @param failed       whether it stopped on an error
 * @param warnings     the run's warnings (denied or rejected orders, errors)
 * @param refusal      null when the decisions map onto signals, else why not (the freqtrade fill model's message)
 */
public record RecordedSignals(String strategy, CandleSeries candles, boolean[] enterLong, boolean[] exitLong,
                              String[] enterTags, Map<String, double[]> indicators, double averageStake,
                              String stopReason, boolean failed, List<String> warnings, String refusal,
                              boolean[] enterShort, boolean[] exitShort) {

    /** Long signals only (no short side). */
    public RecordedSignals(String strategy, CandleSeries candles, boolean[] enterLong, boolean[] exitLong,
                           String[] enterTags, Map<String, double[]> indicators, double averageStake,
                           String stopReason, boolean failed, List<String> warnings, String refusal) {
        this(strategy, candles, enterLong, exitLong, enterTags, indicators, averageStake, stopReason, failed, warnings,
                refusal, null, null);
    }

    public RecordedSignals {
        Objects.requireNonNull(candles, "candles");
        int n = candles.size();
        if (enterShort == null) enterShort = new boolean[n];
        if (exitShort == null) exitShort = new boolean[n];
        if (enterLong.length != n || exitLong.length != n || enterTags.length != n || enterShort.length != n
                || exitShort.length != n) {
            throw new IllegalArgumentException("signals: columns must have one row per candle (" + n + ")");
        }
        for (Map.Entry<String, double[]> e : indicators.entrySet()) {
            if (e.getValue().length != n) {
                throw new IllegalArgumentException("indicators: '" + e.getKey() + "' has " + e.getValue().length
                        + " rows, expected " + n);
            }
        }
        indicators = Collections.unmodifiableMap(new LinkedHashMap<>(indicators));  // keeps the reported order
        warnings = List.copyOf(warnings);
    }

    /** True when every decision was a market entry while flat or a market exit while long. */
    public boolean mapsOntoSignals() {
        return refusal == null;
    }

    /** This, or an {@link IllegalArgumentException} with the refusal when the strategy does not map onto signals. */
    public RecordedSignals requireSignals() {
        if (refusal != null) throw new IllegalArgumentException(refusal);
        return this;
    }

    /** Indices of the candles with an entry signal, in time order. */
    public int[] entryCandles() {
        return indicesOf(enterLong);
    }

    /** Indices of the candles with an exit signal, in time order. */
    public int[] exitCandles() {
        return indicesOf(exitLong);
    }

    private static int[] indicesOf(boolean[] column) {
        int[] out = new int[column.length];
        int k = 0;
        for (int i = 0; i < column.length; i++) if (column[i]) out[k++] = i;
        return Arrays.copyOf(out, k);
    }
}
