package dev.botfleet.engine.backtest.freqtrade;

/**
 * Freqtrade's {@code backtest_loop}: what happens to one pair on one candle, in this order: (1) the open order is
 * timed out or re-priced, (2) a new entry is placed at the candle open if the previous candle signalled one, the pair
 * has no trade, is not locked and a slot is free, (3) an open entry order fills if the candle traded through its
 * price, (4) a filled trade without open orders is checked for an exit (also on its entry candle), (5) an open exit
 * order fills if the candle traded through its price.
 */
final class PairStep {

    private final FreqtradeSettings settings;
    private final Book book;
    private final EntryStep entries;
    private final OpenOrders openOrders;
    private final ExitStep exits;
    private final PositionAdjuster adjuster;

    PairStep(Book book) {
        this.settings = book.settings;
        this.book = book;
        this.entries = new EntryStep(book);
        this.openOrders = new OpenOrders(book, entries);
        this.exits = new ExitStep(book);
        this.adjuster = new PositionAdjuster(book, entries);
    }

    ExitStep exits() {
        return exits;
    }

    /**
     * One candle of one pair. {@code s} is the signal row in force (the previous candle's); {@code canEnter} is false
     * on the backtest's last time step (Freqtrade never opens there).
     */
    void step(PairCursor cursor, Row row, int s, boolean canEnter) {
        if (cursor.trade != null && cursor.trade.openOrder != null) {
            openOrders.manage(cursor, row);
        }
        Boolean isShort = entryDirection(cursor.data.signals(), s);
        if (canEnter && isShort != null && cursor.trade == null
                && !book.locks.locked(cursor.pair, row.time(), isShort)) {
            if (book.slotAvailable()) {
                entries.enter(cursor, row, isShort, cursor.data.signals().enterTag()[s]);
            } else {
                book.rejectedSignals++;
            }
        }
        RunningTrade trade = cursor.trade;
        if (trade != null && trade.openOrder != null && trade.openOrder.entry()
                && row.contains(trade.openOrder.price())) {
            trade.fillEntry(trade.openOrder, row.time());
        }
        if (trade != null && trade.openOrder == null && trade.hasFilled()) {
            trade.runFunding(row.time(), false);  // Freqtrade's _check_trade_exit starts with the funding
            if (settings.positionAdjustmentEnable()) {
                adjuster.adjust(cursor, row, s);
            }
            // An adjustment may have closed the trade or left an unfilled order; then there is nothing to check.
            if (cursor.trade == trade && trade.openOrder == null) {
                exits.placeExitIfDue(cursor, row, s);
            }
        }
        if (cursor.trade == trade && trade != null && trade.openOrder != null && !trade.openOrder.entry()
                && row.contains(trade.openOrder.price())) {
            book.fillExit(cursor, trade.openOrder, row.time());
        }
    }

    /** FALSE = long, TRUE = short, null = no entry. An opposite or exit signal on the same row blocks the entry. */
    Boolean entryDirection(SignalColumns signals, int s) {
        boolean enterLong = signals.enterLong()[s];
        boolean exitLong = signals.exitLong()[s];
        boolean enterShort = settings.canShort() && signals.enterShort()[s];
        boolean exitShort = settings.canShort() && signals.exitShort()[s];
        if (enterLong && !(exitLong || enterShort)) {
            return Boolean.FALSE;
        }
        if (enterShort && !(exitShort || enterLong)) {
            return Boolean.TRUE;
        }
        return null;
    }
}
