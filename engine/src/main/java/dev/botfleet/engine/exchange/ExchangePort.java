package dev.botfleet.engine.exchange;

import dev.botfleet.engine.order.OrderSnapshot;

import java.util.Optional;

/**
 * The kernel's one way to an exchange: the simulated exchange implements it, real adapters will. Results come back as
 * {@link dev.botfleet.engine.order.OrderEvent}s through the {@link ExecutionListener} the port was connected with
 * (possibly synchronously, from inside {@link #submit} or {@link #cancel}; the kernel copes with both).
 *
 * <p>Contract: {@link #submit} is idempotent by client order id — submitting an id the exchange already has creates
 * nothing new. That is what makes "journal, crash, resubmit" safe.
 */
public interface ExchangePort {
    /** Exchange id, e.g. "sim". */
    String exchange();

    /** Sends a new order. The order has already been journaled with status SUBMITTED. */
    void submit(OrderSnapshot order);

    /** Asks the exchange to cancel; the answer is an OrderCanceled or OrderCancelRejected event. */
    void cancel(String clientOrderId);

    /** What the exchange knows about an order, for reconciliation after a restart; empty if it never saw it. */
    Optional<OrderReport> query(String clientOrderId);

    /**
     * The same question with everything the journal knows about the order (venue order id once acknowledged, side,
     * price, quantity, time). A venue without client order ids (CoinDCX futures) needs it to find the order at all.
     */
    default Optional<OrderReport> query(OrderSnapshot order) {
        return query(order.clientOrderId());
    }

    /**
     * The account's balance of one asset, if this exchange reports it; empty means "unknown, do not check". Called on
     * every submit (risk checks), so a live adapter answers from its local cache, never with a request.
     */
    Optional<Balance> balance(String asset);

    /**
     * A funding settlement the kernel booked. The simulated exchange moves its paper wallet by it; a real venue has
     * already settled it and ignores this.
     */
    default void settleFunding(dev.botfleet.engine.position.FundingPayment payment) {
    }
}
