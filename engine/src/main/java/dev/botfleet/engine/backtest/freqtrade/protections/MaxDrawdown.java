package dev.botfleet.engine.backtest.freqtrade.protections;

import java.util.List;

/**
 * Freqtrade 2024.10's {@code MaxDrawdown}: over all trades closed inside the lookback window (at least
 * {@code trade_limit}, default 1), ordered by close time, the largest fall of the running sum of profit ratios from its
 * running high; above {@code max_allowed_drawdown} (default 0.0) every pair is locked until {@code stop_duration}
 * after the last of those trades. Never per pair.
 * <p>
 * As in Freqtrade ({@code calculate_max_drawdown(value_col="close_profit")}) the running high starts at the first
 * trade's own profit, not at 0, so the first trade's loss never counts, and no drawdown (a first-row minimum) means
 * no lock. Trades closing in the same second keep the order numpy's unstable quicksort gives them
 * ({@link NumpyArgsort}).
 */
final class MaxDrawdown extends Protection {

    private final long tradeLimit;
    private final double maxAllowed;
    private final String maxAllowedText;

    MaxDrawdown(ProtectionTiming timing, ParamReader in) {
        super(timing);
        tradeLimit = tradeLimit(in, 1);
        boolean given = in.has("max_allowed_drawdown");
        maxAllowed = given ? in.number("max_allowed_drawdown", 0) : 0.0;
        maxAllowedText = given ? in.pythonText("max_allowed_drawdown") : "0.0";
    }

    @Override
    LockRequest globalStop(long now, String side, TradeHistory history) {
        List<ClosedTrade> recent = history.closedAfter(timing.lookbackStart(now), null);
        if (recent.size() < tradeLimit) { // trade_limit >= 1: never an empty window past here
            return null;
        }
        double drawdown = drawdown(recent);
        if (!(drawdown > maxAllowed)) {
            return null;
        }
        String reason = PyRepr.of(drawdown) + " passed " + maxAllowedText + " in " + timing.lookbackText()
                + ", locking " + timing.unlockText() + ".";
        return new LockRequest(timing.lockEnd(recent), reason, "*");
    }

    /** The absolute max drawdown of the profit ratios' running sum, 0 when the deepest point is the first trade. */
    static double drawdown(List<ClosedTrade> trades) {
        // pandas sorts the close_date strings ("%Y-%m-%d %H:%M:%S": whole seconds) with numpy's unstable quicksort.
        long[] closeSeconds = new long[trades.size()];
        for (int i = 0; i < closeSeconds.length; i++) {
            closeSeconds[i] = Math.floorDiv(trades.get(i).closeTime(), 1000L);
        }
        double cumulative = 0;
        double high = Double.NEGATIVE_INFINITY;
        double deepest = 0; // drawdown (cumulative - high) is 0 on the first row, never positive
        for (int i : NumpyArgsort.argsort(closeSeconds)) {
            cumulative += trades.get(i).profitRatio();
            high = Math.max(high, cumulative);
            double drawdown = cumulative - high;
            if (drawdown < deepest) { // strict: pandas' idxmin takes the first minimum
                deepest = drawdown;
            }
        }
        return Math.abs(deepest);
    }
}
