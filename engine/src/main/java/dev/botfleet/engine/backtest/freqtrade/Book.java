package dev.botfleet.engine.backtest.freqtrade;

import java.util.ArrayList;
import java.util.List;

/**
 * The state all pairs of one backtest run share: the wallet, the open trades in opening order (Freqtrade's
 * {@code bt_trades_open}, which decides the visiting order), the closed trades and Freqtrade's counters.
 */
final class Book {

    final FreqtradeSettings settings;
    final PairLocks locks;
    final Wallet wallet;
    final List<RunningTrade> open = new ArrayList<>();
    final List<FreqtradeTrade> closed = new ArrayList<>();
    private int tradeIds;

    int rejectedSignals;
    int timedOutEntryOrders;
    int timedOutExitOrders;
    int canceledEntryOrders;
    int replacedEntryOrders;
    int canceledTradeEntries;

    Book(FreqtradeSettings settings, PairLocks locks) {
        this.settings = settings;
        this.locks = locks;
        this.wallet = new Wallet(settings);
    }

    int nextTradeId() {
        return ++tradeIds;
    }

    /**
     * A slot is free while fewer trades (filled or not) are open than {@code max_open_trades}; -1 and 0 are unlimited
     * (Freqtrade's backtester: {@code max_open_trades <= 0 or open_trade_count < max_open_trades}).
     */
    boolean slotAvailable() {
        return settings.maxOpenTrades() <= 0 || open.size() < settings.maxOpenTrades();
    }

    void opened(PairCursor cursor, RunningTrade trade) {
        cursor.trade = trade;
        open.add(trade);
    }

    /** The trade's entry never filled (timed out or cancelled): it never existed. */
    void dropped(PairCursor cursor) {
        open.remove(cursor.trade);
        cursor.trade = null;
    }

    /**
     * An exit order filled at the candle starting {@code time}: for less than the trade's amount it is a partial exit
     * (position adjustment), else the trade closes.
     */
    void fillExit(PairCursor cursor, RunningTrade.Order exit, long time) {
        if (exit.amount() != cursor.trade.amount) {
            cursor.trade.fillPartialExit(exit, time);
            locks.onPartialExit(cursor.pair, cursor.trade.isShort, time);  // Freqtrade runs protections here too
        } else {
            close(cursor, exit, time);
        }
    }

    /** The exit order {@code exit} filled at the candle starting {@code time}: the trade closes, protections run. */
    void close(PairCursor cursor, RunningTrade.Order exit, long time) {
        RunningTrade trade = cursor.trade;
        FreqtradeTrade result = TradeClosing.close(trade, exit, time);
        closed.add(result);
        open.remove(trade);
        cursor.trade = null;
        wallet.addClosedProfit(result.profitAbs().doubleValue());
        locks.onExit(cursor.pair, result, time);
    }

    PortfolioResult result() {
        return new PortfolioResult(closed, rejectedSignals, timedOutEntryOrders, timedOutExitOrders,
                canceledEntryOrders, replacedEntryOrders, canceledTradeEntries, wallet.total(open));
    }
}
