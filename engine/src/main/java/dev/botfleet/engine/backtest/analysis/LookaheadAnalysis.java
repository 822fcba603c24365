package dev.botfleet.engine.backtest.analysis;

import dev.botfleet.engine.backtest.BacktestSpec;
import dev.botfleet.engine.backtest.signals.RecordedSignals;
import dev.botfleet.engine.backtest.signals.StrategySignals;
import dev.botfleet.engine.data.CandleSeries;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Lookahead-bias check, after Freqtrade's {@code lookahead-analysis}: a backtest sees the whole data set, live trading
 * only the past. Run the strategy on all candles; then, for each entry and exit signal (the first
 * {@code targetTrades} of each), run it again on the data cut right after that signal's candle and compare, at that
 * candle, the signal and every reported indicator. A strategy that only uses the past decides the same on the cut data;
 * one that peeks at later candles (directly, or through data it loads itself) does not. Like Freqtrade it looks at
 * the results, not at the strategy's code, so it can only catch bias that shows on the signals checked.
 */
public final class LookaheadAnalysis {
    /** Freqtrade's default {@code --targeted-trade-amount}. */
    public static final int DEFAULT_TARGET_TRADES = 20;

    private LookaheadAnalysis() {
    }

    /** Checks {@code spec}'s strategy on its candles; cut runs use {@code spec.withCandles(cut)}. */
    public static LookaheadResult run(BacktestSpec spec, int targetTrades) {
        return run(spec, targetTrades, spec::withCandles);
    }

    /**
     * The same, for a strategy made from the data it runs on: {@code specFor} gives the spec to run on a candle series
     * (the full one first, then each cut), so such a strategy sees the cut data as live trading would see the present.
     */
    public static LookaheadResult run(BacktestSpec spec, int targetTrades,
                                      Function<CandleSeries, BacktestSpec> specFor) {
        if (targetTrades < 1) {
            throw new IllegalArgumentException("targetTrades: must be at least 1, was " + targetTrades);
        }
        CandleSeries candles = spec.candles();
        RecordedSignals full = StrategySignals.record(specFor.apply(candles)).requireSignals();
        List<String> warnings = new ArrayList<>();
        int[] entries = limit(full.entryCandles(), targetTrades, "entry", warnings);
        int[] exits = limit(full.exitCandles(), targetTrades, "exit", warnings);
        if (entries.length == 0 && exits.length == 0) {
            warnings.add("no entry or exit signal in " + candles.size() + " candles: nothing to check");
        }
        if (full.indicators().isEmpty()) {
            warnings.add("the strategy reports no indicators (IndicatorReporter): only its signals are compared");
        }

        List<SignalRef> biasedEntries = new ArrayList<>();
        List<SignalRef> biasedExits = new ArrayList<>();
        Set<String> biasedIndicators = new LinkedHashSet<>();
        for (int i : entries) {
            RecordedSignals cut = cutAfter(specFor, candles, i);
            if (cut.enterLong()[i] != full.enterLong()[i]) biasedEntries.add(ref(candles, i));
            biasedIndicators.addAll(changedIndicators(full, cut, i));
        }
        for (int i : exits) {
            RecordedSignals cut = cutAfter(specFor, candles, i);
            if (cut.exitLong()[i] != full.exitLong()[i]) biasedExits.add(ref(candles, i));
            biasedIndicators.addAll(changedIndicators(full, cut, i));
        }
        // Keep the strategy's own indicator order in the report.
        List<String> indicators = full.indicators().keySet().stream().filter(biasedIndicators::contains).toList();
        boolean hasBias = !biasedEntries.isEmpty() || !biasedExits.isEmpty() || !indicators.isEmpty();
        return new LookaheadResult(spec.strategy(), hasBias, entries.length + exits.length, biasedEntries, biasedExits,
                indicators, warnings);
    }

    /** The strategy re-run on candles 0..i: candle {@code i} is the last it sees, as live at its close. */
    private static RecordedSignals cutAfter(Function<CandleSeries, BacktestSpec> specFor, CandleSeries candles, int i) {
        return StrategySignals.record(specFor.apply(candles.slice(0, i + 1)));
    }

    /** Indicators whose value at candle {@code i} differs between the runs (NaN equals NaN: both not ready). */
    static List<String> changedIndicators(RecordedSignals full, RecordedSignals cut, int i) {
        List<String> changed = new ArrayList<>();
        for (Map.Entry<String, double[]> e : full.indicators().entrySet()) {
            double[] other = cut.indicators().get(e.getKey());
            double before = e.getValue()[i];
            double after = other == null ? Double.NaN : other[i];
            if (Double.compare(before, after) != 0) changed.add(e.getKey());
        }
        return changed;
    }

    private static int[] limit(int[] candles, int target, String kind, List<String> warnings) {
        if (candles.length <= target) return candles;
        warnings.add("checked the first " + target + " of " + candles.length + " " + kind + " signals (targetTrades)");
        return java.util.Arrays.copyOf(candles, target);
    }

    private static SignalRef ref(CandleSeries candles, int i) {
        return new SignalRef(i, candles.openTime(i));
    }
}
