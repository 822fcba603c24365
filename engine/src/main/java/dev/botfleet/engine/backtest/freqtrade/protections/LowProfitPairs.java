package dev.botfleet.engine.backtest.freqtrade.protections;

import java.util.List;

/**
 * Freqtrade's {@code LowProfitPairs}: when the exited pair has at least {@code trade_limit} (default 1) trades in the
 * lookback window and their profit ratios sum below {@code required_profit} (default 0.0), lock that pair until
 * {@code stop_duration} after its last trade. With {@code only_per_side} the sum covers the exited side only and only
 * that side is locked (the trade count still covers both sides, as in Freqtrade). Never global.
 */
final class LowProfitPairs extends Protection {

    private final long tradeLimit;
    private final double requiredProfit;
    private final String requiredProfitText;
    private final boolean onlyPerSide;

    LowProfitPairs(ProtectionTiming timing, ParamReader in) {
        super(timing);
        tradeLimit = tradeLimit(in, 1);
        boolean given = in.has("required_profit");
        requiredProfit = given ? in.number("required_profit", Double.NEGATIVE_INFINITY) : 0.0;
        requiredProfitText = given ? in.pythonText("required_profit") : "0.0";
        onlyPerSide = in.bool("only_per_side", false);
    }

    @Override
    LockRequest stopPerPair(String pair, long now, String side, TradeHistory history) {
        List<ClosedTrade> recent = history.closedAfter(timing.lookbackStart(now), pair);
        if (recent.size() < tradeLimit) {
            return null;
        }
        // Python's sum() over the trades in closing order; it stays the int 0 (printed "0") when nothing is added.
        double profit = 0;
        boolean added = false;
        for (ClosedTrade t : recent) {
            if (t.profitRatio() != 0 && (!onlyPerSide || t.side().equals(side))) {
                profit += t.profitRatio();
                added = true;
            }
        }
        if (!(profit < requiredProfit)) {
            return null;
        }
        String reason = (added ? PyRepr.of(profit) : "0") + " < " + requiredProfitText + " in "
                + timing.lookbackText() + ", locking " + timing.unlockText() + ".";
        return new LockRequest(timing.lockEnd(recent), reason, onlyPerSide ? side : "*");
    }
}
