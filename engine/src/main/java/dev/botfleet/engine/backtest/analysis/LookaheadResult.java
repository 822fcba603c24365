package dev.botfleet.engine.backtest.analysis;

import java.util.List;

/**
 * What {@link LookaheadAnalysis} found, like the table of Freqtrade's {@code lookahead-analysis}.
 *
 * @param strategy           the spec's strategy label
 * @param hasBias            true when any checked signal or any indicator at a checked signal changed on cut data
 * @param signalsChecked     entry plus exit signals re-run on cut data (Freqtrade's {@code total_signals})
 * @param biasedEntrySignals entry signals that were not there any more, or appeared, when the data ended at them
 * @param biasedExitSignals  the same for exit signals
 * @param biasedIndicators   indicators whose value at a checked signal changed when the data ended there, in the
 *                           order the strategy reports them
 * @param warnings           why the check may say little (no signals, signals left unchecked)
 */
public record LookaheadResult(String strategy, boolean hasBias, int signalsChecked, List<SignalRef> biasedEntrySignals,
                              List<SignalRef> biasedExitSignals, List<String> biasedIndicators, List<String> warnings) {
    public LookaheadResult {
        biasedEntrySignals = List.copyOf(biasedEntrySignals);
        biasedExitSignals = List.copyOf(biasedExitSignals);
        biasedIndicators = List.copyOf(biasedIndicators);
        warnings = List.copyOf(warnings);
    }
}
