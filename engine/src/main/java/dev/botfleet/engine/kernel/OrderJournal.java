package dev.botfleet.engine.kernel;

import dev.botfleet.engine.position.FundingPayment;
import dev.botfleet.engine.order.Fill;
import dev.botfleet.engine.order.OrderEvent;
import dev.botfleet.engine.order.OrderSnapshot;

/**
 * Durable record of a bot's orders and fills (the server implements it with JDBC). The kernel calls it synchronously,
 * on the bot's thread, and <em>before</em> it sends anything to the exchange: when {@link #recordNew} returns, the
 * order must survive a crash. A method that throws aborts the operation (the order is not sent).
 */
public interface OrderJournal {

    /**
     * A new order in its first persisted state: SUBMITTED (about to be sent) or DENIED (refused locally, never sent).
     * Its client order id carries the sequence, so the next sequence after a restart is max(sequence) + 1.
     */
    void recordNew(OrderSnapshot order);

    /** Any later event except a fill, with the order as it is after the event. */
    void recordEvent(OrderSnapshot order, OrderEvent event);

    /** A fill, with the order as it is after the fill. Trade ids are unique per exchange: a natural key. */
    void recordFill(OrderSnapshot order, Fill fill);

    /** A perpetual's funding settlement, booked into the bot's PnL: replayed on restart like fills. */
    default void recordFunding(String botId, FundingPayment payment) {
    }

    /** The venue reported its liquidation price of the bot's perpetual position (null: none): shown with the position. */
    default void recordVenueLiquidationPrice(String botId, java.math.BigDecimal price) {
    }

    /** For tests, backtests and benchmarks: remembers nothing. */
    OrderJournal NONE = new OrderJournal() {
        @Override public void recordNew(OrderSnapshot order) { }
        @Override public void recordEvent(OrderSnapshot order, OrderEvent event) { }
        @Override public void recordFill(OrderSnapshot order, Fill fill) { }
    };
}
