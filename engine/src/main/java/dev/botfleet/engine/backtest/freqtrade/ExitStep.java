package dev.botfleet.engine.backtest.freqtrade;

/**
 * Step 4 of Freqtrade's per-candle loop ({@code _check_trade_exit}): the exit rules list the candidates in priority
 * order and the first one that yields a price and that {@code confirm_trade_exit} accepts becomes the exit order.
 * Also the end-of-backtest force exit ({@code handle_left_open}).
 */
final class ExitStep {

    private final FreqtradeSettings settings;
    private final Book book;
    private final ExitRules exitRules;

    ExitStep(Book book) {
        this.settings = book.settings;
        this.book = book;
        this.exitRules = new ExitRules(settings);
    }

    /** {@code s} is the signal row in force (the previous candle's). */
    void placeExitIfDue(PairCursor cursor, Row row, int s) {
        RunningTrade trade = cursor.trade;
        SignalColumns signals = cursor.data.signals();
        boolean enter = trade.isShort ? signals.enterShort()[s] : signals.enterLong()[s];
        boolean exit = trade.isShort ? signals.exitShort()[s] : signals.exitLong()[s];
        long minutes = trade.minutesOpen(row.time());
        for (ExitRules.Candidate candidate : exitRules.candidates(trade, row, enter, exit, signals.exitTag()[s])) {
            double rate = cursor.exitPricing.closeRate(candidate.type(), trade, row, minutes);
            if (Double.isNaN(rate)) {
                continue; // not allowed on this candle; the next candidate may be
            }
            if (candidate.type() == ExitType.EXIT_SIGNAL || candidate.type() == ExitType.CUSTOM_EXIT) {
                rate = cursor.exitPricing.signalExitRate(trade, row, rate, candidate.reason());
            }
            // Freqtrade never asks confirm_trade_exit about a liquidation: the exchange closes the position anyway.
            if (candidate.type() != ExitType.LIQUIDATION && !settings.callbacks().confirmTradeExit().confirm(trade, settings.exitOrderType(), trade.amount, rate,
                    candidate.reason(), row.time())) {
                continue; // refused: Freqtrade tries the next exit reason of this candle
            }
            double amount = FtMath.amountToPrecision(trade.amount, trade.amountStep);
            trade.openOrder = new RunningTrade.Order(false, rate, amount, row.time(), candidate.reason());
            trade.exitType = candidate.type();
            trade.exitReason = candidate.reason();
            return;
        }
    }

    /**
     * Still open after the last time step: exit at the open of the pair's last candle, without asking
     * {@code confirm_trade_exit}. A trade whose entry never filled is dropped.
     */
    void forceExit(PairCursor cursor) {
        RunningTrade trade = cursor.trade;
        if (!trade.hasFilled()) {
            book.dropped(cursor);
            return;
        }
        Row last = cursor.lastRowData();
        trade.exitType = ExitType.FORCE_EXIT;
        trade.exitReason = ExitType.FORCE_EXIT.reason();
        double amount = FtMath.amountToPrecision(trade.amount, trade.amountStep);
        book.close(cursor, new RunningTrade.Order(false, last.open(), amount, last.time(), trade.exitReason),
                last.time());
    }
}
