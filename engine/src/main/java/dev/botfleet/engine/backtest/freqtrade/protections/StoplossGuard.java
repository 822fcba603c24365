package dev.botfleet.engine.backtest.freqtrade.protections;

import java.util.ArrayList;
import java.util.List;

/**
 * Freqtrade's {@code StoplossGuard}: when {@code trade_limit} (default 10) trades closed by a stop loss with a profit
 * ratio below {@code required_profit} (default 0.0, and not exactly 0) inside the lookback window, lock until
 * {@code stop_duration} after the last of them. Looks at the exited pair's trades (a lock on that pair) and, unless
 * {@code only_per_pair}, at all trades (a global lock). With {@code only_per_side} only trades on the exited trade's
 * side count and only that side is locked.
 */
final class StoplossGuard extends Protection {

    private final long tradeLimit;
    private final String tradeLimitText;
    private final boolean onlyPerPair;
    private final boolean onlyPerSide;
    private final double requiredProfit;

    StoplossGuard(ProtectionTiming timing, ParamReader in) {
        super(timing);
        tradeLimit = tradeLimit(in, 10);
        tradeLimitText = in.has("trade_limit") ? in.pythonText("trade_limit") : "10";
        onlyPerPair = in.bool("only_per_pair", false);
        onlyPerSide = in.bool("only_per_side", false);
        requiredProfit = in.has("required_profit") ? in.number("required_profit", Double.NEGATIVE_INFINITY) : 0.0;
    }

    @Override
    LockRequest stopPerPair(String pair, long now, String side, TradeHistory history) {
        return guard(pair, now, side, history);
    }

    @Override
    LockRequest globalStop(long now, String side, TradeHistory history) {
        return onlyPerPair ? null : guard(null, now, side, history);
    }

    private LockRequest guard(String pair, long now, String side, TradeHistory history) {
        List<ClosedTrade> stops = new ArrayList<>();
        for (ClosedTrade t : history.closedAfter(timing.lookbackStart(now), pair)) {
            // Freqtrade tests `close_profit and close_profit < required_profit`: a profit of exactly 0 never counts.
            boolean losing = t.profitRatio() != 0 && t.profitRatio() < requiredProfit;
            if (t.isStopLoss() && losing && (!onlyPerSide || t.side().equals(side))) {
                stops.add(t);
            }
        }
        if (stops.size() < tradeLimit) {
            return null;
        }
        String reason = tradeLimitText + " stoplosses in " + timing.lookbackMinutes() + " min, locking "
                + timing.unlockText() + ".";
        return new LockRequest(timing.lockEnd(stops), reason, onlyPerSide ? side : "*");
    }
}
