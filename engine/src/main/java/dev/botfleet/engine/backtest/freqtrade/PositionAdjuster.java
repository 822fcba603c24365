package dev.botfleet.engine.backtest.freqtrade;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Position adjustment (DCA) in backtests, Freqtrade's {@code _get_adjust_trade_entry_for_candle}: on every exit check,
 * before the exit rules, {@code adjust_trade_position} is asked at the candle open. A positive stake places one more
 * entry at the open (limit entries go through {@code custom_entry_price}), a negative one sells that much stake at
 * the open (through {@code custom_exit_price}). Both fill at once when the candle contains their price.
 */
final class PositionAdjuster {

    private final FreqtradeSettings settings;
    private final Book book;
    private final EntryStep entries;

    PositionAdjuster(Book book, EntryStep entries) {
        this.settings = book.settings;
        this.book = book;
        this.entries = entries;
    }

    /** {@code s} is the signal row in force: its enter tag labels an added entry that has no tag of its own. */
    void adjust(PairCursor cursor, Row row, int s) {
        RunningTrade trade = cursor.trade;
        double rate = row.open();
        double profit = trade.profitRatioAt(rate);
        double available = book.wallet.available(book.open);
        // What the callback is told, as Freqtrade 2024.10 asks it: the pair's limits at the open with a stoploss
        // reserve of -0.1 and without the leverage (get_min/max_pair_stake_amount's defaults), max capped by the wallet.
        PairMarket market = cursor.data.market();
        Double marketMin = market == null ? null : market.minStake(rate, -0.1, 1.0);
        double maxStake = market == null ? available : Math.min(market.maxStake(rate, 1.0), available);
        FreqtradeCallbacks.PositionChange change = settings.callbacks().adjustTradePosition()
                .adjust(trade, row.time(), rate, profit, marketMin == null ? 0.0 : marketMin, maxStake);
        if (change == null || Double.isNaN(change.stake())) {
            return;
        }
        String tag = change.tag() == null || change.tag().isEmpty() ? null : change.tag();
        if (change.stake() > 0) {
            int maxExtra = settings.maxEntryPositionAdjustment();
            if (maxExtra < 0 || trade.filledEntries <= maxExtra) {
                addEntry(cursor, row, change.stake(), tag != null ? tag : cursor.data.signals().enterTag()[s]);
            }
        } else if (change.stake() < 0) {
            sell(cursor, row, -change.stake(), tag != null ? tag : ExitType.PARTIAL_EXIT.reason());
        }
    }

    private void addEntry(PairCursor cursor, Row row, double requestedStake, String tag) {
        RunningTrade trade = cursor.trade;
        double rate = entries.entryRate(cursor, row, tag, trade.isShort);
        // The pair's limits at the entry price, as for a new trade but with no stoploss reserve (Freqtrade passes 0
        // for position adjustments) and at the trade's leverage; the trade's stake so far counts against the maximum.
        PairMarket market = cursor.data.market();
        Double min = market == null ? null : market.minStake(rate, 0.0, trade.leverage);
        double minStake = min == null ? 0.0 : min;
        double maxStake = market == null ? Double.POSITIVE_INFINITY : market.maxStake(rate, trade.leverage);
        double stake = EntryStep.validateStake(requestedStake, minStake, maxStake, book.wallet.available(book.open),
                trade.stakeAmount);
        if (!(stake > 0) || stake < minStake) {
            return;
        }
        RunningTrade.Order order = entries.newEntryOrder(rate, stake, trade.leverage, row.time(), tag, trade.amountStep);
        if (order == null) {
            return;
        }
        trade.openOrder = order;
        if (row.contains(rate)) {
            trade.fillEntry(order, row.time());
        }
    }

    /**
     * Sells {@code stake} worth of the position: amount = stake × amount / stake_amount (exact, truncated to 18
     * decimals, then to the lot size). More than the whole stake is ignored, as Freqtrade documents; exactly the
     * whole stake closes the trade.
     */
    private void sell(PairCursor cursor, Row row, double stake, String reason) {
        RunningTrade trade = cursor.trade;
        if (stake > trade.stakeAmount) {
            return;
        }
        BigDecimal exact = FtMath.exact(stake).multiply(FtMath.exact(trade.amount))
                .divide(FtMath.exact(trade.stakeAmount), 18, RoundingMode.DOWN);
        double amount = FtMath.amountToPrecision(exact.doubleValue(), trade.amountStep);
        if (amount == 0.0) {
            return;
        }
        double rate = cursor.exitPricing.signalExitRate(trade, row, row.open(), reason);
        RunningTrade.Order order = new RunningTrade.Order(false, rate, amount, row.time(), reason);
        trade.openOrder = order;
        if (amount == trade.amount) {
            trade.exitType = ExitType.PARTIAL_EXIT;
            trade.exitReason = reason;
        }
        if (row.contains(rate)) {
            book.fillExit(cursor, order, row.time());
        }
    }
}
