package dev.botfleet.ml.labels;

import dev.botfleet.ml.candles.OneSecondCandle;

import java.util.List;
import java.util.Optional;

/**
 * Triple-barrier labels on a 1-second series (docs/ml.md "Labels"): a long entered at the close of candle t has a
 * take-profit barrier at close × (1 + takeProfit), a stop-loss barrier at close × (1 − stopLoss) and a vertical
 * barrier {@code holdingSeconds} candles later. Candles t+1 … t+holdingSeconds are visited in order; the first whose
 * high reaches the take profit or whose low reaches the stop loss decides. A candle reaching both is a STOP_LOSS:
 * inside one second the order is unknown, and the pessimistic reading keeps the label from promising a profit the
 * bot might not get (the same order as the bot's exit checks: stop loss before take profit). None reached: TIME_LIMIT.
 *
 * @param takeProfit     fraction, e.g. 0.002 for 0.2 %
 * @param stopLoss       fraction
 * @param holdingSeconds the holding time in 1-second candles
 */
public record TripleBarrier(double takeProfit, double stopLoss, int holdingSeconds) {

    public TripleBarrier {
        if (!(takeProfit > 0) || !(stopLoss > 0) || stopLoss >= 1) {
            throw new IllegalArgumentException("take profit and stop loss must be positive fractions (stop loss < 1)");
        }
        if (holdingSeconds < 1) {
            throw new IllegalArgumentException("holding time must be at least 1 second, was " + holdingSeconds);
        }
    }

    /**
     * The outcome of an entry at the close of {@code candles.get(t)}; empty when the series ends before the holding
     * time does and no barrier was touched (the outcome is not known yet, so the row is not a training example).
     */
    public Optional<BarrierOutcome> outcome(List<OneSecondCandle> candles, int t) {
        double entry = candles.get(t).close();
        double upper = entry * (1 + takeProfit);
        double lower = entry * (1 - stopLoss);
        int end = t + holdingSeconds;
        for (int j = t + 1; j <= end && j < candles.size(); j++) {
            OneSecondCandle c = candles.get(j);
            if (c.low() <= lower) return Optional.of(BarrierOutcome.STOP_LOSS);
            if (c.high() >= upper) return Optional.of(BarrierOutcome.TAKE_PROFIT);
        }
        return end < candles.size() ? Optional.of(BarrierOutcome.TIME_LIMIT) : Optional.empty();
    }
}
