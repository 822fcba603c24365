package dev.botfleet.engine.backtest.freqtrade;

import java.time.Duration;

/**
 * Step 1 of Freqtrade's per-candle loop ({@code manage_open_orders}): an open order that waited longer than
 * {@code unfilledtimeout} is cancelled; an entry order that has not timed out is offered to {@code adjust_entry_price}.
 */
final class OpenOrders {

    private final FreqtradeSettings settings;
    private final Book book;
    private final EntryStep entries;

    OpenOrders(Book book, EntryStep entries) {
        this.settings = book.settings;
        this.book = book;
        this.entries = entries;
    }

    void manage(PairCursor cursor, Row row) {
        RunningTrade trade = cursor.trade;
        RunningTrade.Order order = trade.openOrder;
        Duration timeout = order.entry() ? settings.entryTimeout() : settings.exitTimeout();
        if (timeout != null && order.placedAt() < row.time() - timeout.toMillis()) {
            if (order.entry()) {
                book.timedOutEntryOrders++;
                trade.openOrder = null;
                if (!trade.hasFilled()) {
                    book.dropped(cursor); // nothing filled: the trade never existed
                }
            } else {
                book.timedOutExitOrders++;
                trade.openOrder = null; // the exit is evaluated again on this candle
                trade.exitType = null;
                trade.exitReason = null;
            }
            return;
        }
        if (order.entry() && row.time() > order.placedAt()) {
            reprice(cursor, order, row);
        }
    }

    /** {@code adjust_entry_price}: same price keeps the order, another replaces it, null cancels it. */
    private void reprice(PairCursor cursor, RunningTrade.Order order, Row row) {
        RunningTrade trade = cursor.trade;
        Double requested = settings.callbacks().adjustEntryPrice().price(trade, row.time(), row.open(), order.price());
        if (requested != null && requested == order.price()) {
            return;
        }
        trade.openOrder = null;
        book.canceledEntryOrders++;
        if (requested != null && requested != 0.0) {
            EntryStep.requireValidPrice("adjust_entry_price", requested, row);
            // The replacement keeps the stake of the remaining order and is not clamped to the candle.
            double stake = order.amount() * order.price() / trade.leverage;
            trade.openOrder = entries.newEntryOrder(requested, stake, trade.leverage, row.time(), order.tag(),
                    trade.amountStep);
            if (trade.openOrder == null) {
                dropIfUnfilled(cursor);
                return;
            }
            book.replacedEntryOrders++;
        } else {
            dropIfUnfilled(cursor);
        }
    }

    /** A trade left without an order and without a fill is deleted (Freqtrade counts a cancelled trade entry). */
    private void dropIfUnfilled(PairCursor cursor) {
        if (!cursor.trade.hasFilled()) {
            book.canceledTradeEntries++;
            book.dropped(cursor);
        }
    }
}
