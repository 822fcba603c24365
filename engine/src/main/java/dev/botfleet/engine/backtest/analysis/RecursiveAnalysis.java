package dev.botfleet.engine.backtest.analysis;

import dev.botfleet.engine.backtest.BacktestSpec;
import dev.botfleet.engine.backtest.signals.RecordedSignals;
import dev.botfleet.engine.backtest.signals.StrategySignals;
import dev.botfleet.engine.data.CandleSeries;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Recursive-indicator check, after Freqtrade's {@code recursive-analysis}: an indicator defined from its own previous
 * value (EMA, RSI's Wilder smoothing, ADX, ...) depends on where its history starts, and live trading starts it from
 * the few candles the exchange hands out, a backtest from the whole data set. Run the strategy on the last
 * {@code startup + 1} candles for each startup count (the same last candle each time: {@code startup} candles of
 * history before it), and compare each reported indicator's value at that last candle with its value from the run
 * with the most startup candles.
 */
public final class RecursiveAnalysis {
    /** Freqtrade's default {@code --startup-candle} counts. */
    public static final List<Integer> DEFAULT_STARTUP_CANDLES = List.of(199, 399, 499, 999, 1999);

    private RecursiveAnalysis() {
    }

    /**
     * @param startupCandles   the counts to compare (any order, at least one); the largest is the reference, so the
     *                         data must hold at least {@code largest + 1} candles
     * @param thresholdPercent a difference larger than this in size flags the indicator (0: any difference)
     */
    public static RecursiveResult run(BacktestSpec spec, List<Integer> startupCandles, double thresholdPercent) {
        List<Integer> counts = validCounts(startupCandles, spec.candles().size());
        if (!(thresholdPercent >= 0)) {
            throw new IllegalArgumentException("thresholdPercent: must be 0 or more, was " + thresholdPercent);
        }
        CandleSeries candles = spec.candles();
        int n = candles.size();
        Map<Integer, Map<String, Double>> lastValues = new LinkedHashMap<>();
        for (int startup : counts) {
            RecordedSignals run = StrategySignals.record(spec.withCandles(candles.slice(n - 1 - startup, n)));
            Map<String, Double> values = new LinkedHashMap<>();
            run.indicators().forEach((name, column) -> values.put(name, column[column.length - 1]));
            lastValues.put(startup, values);
        }

        int reference = counts.getLast();
        List<IndicatorDrift> rows = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        if (lastValues.get(reference).isEmpty()) {
            warnings.add("the strategy reports no indicators (IndicatorReporter): nothing to compare");
        }
        for (Map.Entry<String, Double> e : lastValues.get(reference).entrySet()) {
            String name = e.getKey();
            double base = e.getValue();
            if (Double.isNaN(base)) {
                warnings.add(name + ": not ready even with " + reference + " startup candles: not compared");
                continue;
            }
            Map<Integer, Double> values = new LinkedHashMap<>();
            Map<Integer, Double> diffs = new LinkedHashMap<>();
            boolean flagged = false;
            for (int startup : counts) {
                double v = lastValues.get(startup).getOrDefault(name, Double.NaN);
                double diff = differencePercent(v, base);
                values.put(startup, v);
                diffs.put(startup, diff);
                flagged |= Double.isNaN(diff) || Math.abs(diff) > thresholdPercent;
            }
            rows.add(new IndicatorDrift(name, base, values, diffs, flagged));
        }
        return new RecursiveResult(spec.strategy(), counts, thresholdPercent, rows, warnings);
    }

    /** {@code (value − base) / |base| × 100}: signed, so the table shows which way a short history pulls. */
    static double differencePercent(double value, double base) {
        if (Double.isNaN(value)) return Double.NaN;
        if (value == base) return 0;
        if (base == 0) return value > 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        return (value - base) / Math.abs(base) * 100;
    }

    private static List<Integer> validCounts(List<Integer> startupCandles, int size) {
        if (startupCandles == null || startupCandles.isEmpty()) {
            throw new IllegalArgumentException("startupCandles: give at least one startup candle count");
        }
        TreeSet<Integer> sorted = new TreeSet<>();
        for (Integer c : startupCandles) {
            if (c == null || c < 1) throw new IllegalArgumentException("startupCandles: must be 1 or more, was " + c);
            sorted.add(c);
        }
        int largest = sorted.last();
        if (largest + 1 > size) {
            throw new IllegalArgumentException("startupCandles: " + largest + " startup candles need " + (largest + 1)
                    + " candles of data, there are " + size);
        }
        return List.copyOf(sorted);
    }
}
