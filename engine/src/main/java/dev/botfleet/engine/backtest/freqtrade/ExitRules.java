package dev.botfleet.engine.backtest.freqtrade;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Freqtrade's {@code should_exit} for one candle: first the stop is moved (custom stoploss, trailing) using the
 * candle's best price, then the candidates are listed in Freqtrade's priority order: exit signal / custom exit,
 * stoploss or liquidation, ROI, trailing stop. The caller turns the first candidate that yields a price into an exit order.
 */
final class ExitRules {

    /** One exit candidate; {@code reason} is what lands in {@code exit_reason}. */
    record Candidate(ExitType type, String reason) {
    }

    private final FreqtradeSettings settings;

    ExitRules(FreqtradeSettings settings) {
        this.settings = settings;
    }

    List<Candidate> candidates(RunningTrade trade, Row row, boolean enter, boolean exit, String exitTag) {
        trade.adjustMinMaxRates(row.high(), row.low());
        double profitAtOpen = trade.profitRatioAt(row.open());
        double profitAtBest = trade.profitRatioAt(trade.isShort ? row.low() : row.high());

        ExitType stopHit = stoplossReached(trade, row, profitAtBest);
        boolean roiReached = !(enter && settings.ignoreRoiIfEntrySignal())
                && roiReached(trade.minutesOpen(row.time()), profitAtBest);

        List<Candidate> candidates = new ArrayList<>(3);
        if (settings.useExitSignal()) {
            if (exit && !enter) {
                if (!settings.exitProfitOnly() || profitAtOpen > settings.exitProfitOffset()) {
                    String reason = exitTag != null && !exitTag.isEmpty() ? exitTag : ExitType.EXIT_SIGNAL.reason();
                    candidates.add(new Candidate(ExitType.EXIT_SIGNAL, reason));
                }
            } else {
                String custom = settings.callbacks().customExit().reason(trade, row.time(), row.open(), profitAtOpen);
                if (custom != null && !custom.isEmpty()) {
                    candidates.add(new Candidate(ExitType.CUSTOM_EXIT, custom));
                }
            }
        }
        if (stopHit == ExitType.STOP_LOSS || stopHit == ExitType.LIQUIDATION) {
            candidates.add(new Candidate(stopHit, stopHit.reason()));
        }
        // listed after the stop whether or not the stop was hit (should_exit): it exits only if the stop was refused
        if (roiReached) {
            candidates.add(new Candidate(ExitType.ROI, ExitType.ROI.reason()));
        }
        if (stopHit == ExitType.TRAILING_STOP_LOSS) {
            candidates.add(new Candidate(ExitType.TRAILING_STOP_LOSS, ExitType.TRAILING_STOP_LOSS.reason()));
        }
        return candidates;
    }

    /** ROI is reached when the profit at the candle's best price is strictly above the step in force. */
    boolean roiReached(long tradeMinutes, double profitAtBest) {
        Map.Entry<Integer, Double> step = settings.minimalRoi().stepAt(tradeMinutes);
        return step != null && profitAtBest > step.getValue();
    }

    /**
     * Moves the stop, then reports STOP_LOSS / TRAILING_STOP_LOSS if the candle reached it, else LIQUIDATION if it
     * reached the liquidation price, else null. The stop is asked first: a candle that reaches both exits at the stop.
     * {@code profitAtBest} is the profit at the candle's best price (its high for a long, low for a short).
     */
    private ExitType stoplossReached(RunningTrade trade, Row row, double profitAtBest) {
        adjustStop(trade, row, profitAtBest);
        boolean hit = trade.isShort ? trade.stopLoss <= row.high() : trade.stopLoss >= row.low();
        if (!hit) {
            return trade.liquidationReached(row) ? ExitType.LIQUIDATION : null;
        }
        return trade.stopIsTrailing ? ExitType.TRAILING_STOP_LOSS : ExitType.STOP_LOSS;
    }

    /**
     * Only while the stop is still on the right side of the candle (below its low for a long), the custom stoploss and
     * the trailing stop are evaluated at the candle's best price — the optimistic assumption that the high came first.
     */
    private void adjustStop(RunningTrade trade, Row row, double profitAtBest) {
        boolean stopOutsideCandle = trade.isShort ? trade.stopLoss > row.high() : trade.stopLoss < row.low();
        if (!stopOutsideCandle) {
            return;
        }
        double bound = trade.isShort ? row.low() : row.high();
        double boundProfit = profitAtBest;  // trade.profitRatioAt(bound), already computed by the caller
        if (settings.useCustomStoploss()) {
            FreqtradeCallbacks.CustomStoploss hook = settings.callbacks().customStoploss();
            Double custom = hook == null ? Double.valueOf(settings.stoploss())
                    : hook.stoploss(trade, row.time(), bound, boundProfit);
            if (custom != null && custom != 0.0) {
                trade.adjustStopLoss(bound, custom);
            }
        }
        if (settings.trailingStop()) {
            double offset = settings.trailingStopPositiveOffset();
            if (!(settings.trailingOnlyOffsetIsReached() && boundProfit < offset)) {
                double stoploss = settings.stoploss();
                if (settings.trailingStopPositive() != null && boundProfit > offset) {
                    stoploss = settings.trailingStopPositive();
                }
                trade.adjustStopLoss(bound, stoploss);
            }
        }
    }
}
