package dev.botfleet.engine.order;

import dev.botfleet.engine.risk.DenialReason;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * Something that happened to an order, in the past tense. Applied to an {@link Order} by {@link Order#apply}; every
 * one is journaled. {@code timestamp} comes from the event source (exchange or simulated clock), never a wall clock.
 */
public sealed interface OrderEvent {
    String clientOrderId();

    Instant timestamp();

    /** Refused locally by the risk checks. */
    record OrderDenied(String clientOrderId, DenialReason reason, String message, Instant timestamp)
            implements OrderEvent {
    }

    /** Journaled and handed to the exchange port. */
    record OrderSubmitted(String clientOrderId, Instant timestamp) implements OrderEvent {
    }

    /** Acknowledged by the exchange, which gave it {@code exchangeOrderId}. */
    record OrderAccepted(String clientOrderId, String exchangeOrderId, Instant timestamp) implements OrderEvent {
    }

    /** Refused by the exchange, with the exchange's reason. */
    record OrderRejected(String clientOrderId, String reason, Instant timestamp) implements OrderEvent {
    }

    /** A cancel was sent. */
    record OrderPendingCancel(String clientOrderId, Instant timestamp) implements OrderEvent {
    }

    /** The exchange refused the cancel (e.g. the order was already gone); the order returns to its previous status. */
    record OrderCancelRejected(String clientOrderId, String reason, Instant timestamp) implements OrderEvent {
    }

    record OrderCanceled(String clientOrderId, Instant timestamp) implements OrderEvent {
    }

    record OrderExpired(String clientOrderId, Instant timestamp) implements OrderEvent {
    }

    /**
     * One execution. {@code tradeId} is unique per exchange and makes fills idempotent: a fill whose trade id the order
     * has already seen is ignored.
     *
     * @param fee always non-negative, charged in {@code feeCurrency}
     */
    record OrderFilled(String clientOrderId, String tradeId, OrderSide side, BigDecimal price, BigDecimal quantity,
                       BigDecimal fee, String feeCurrency, Liquidity liquidity, Instant timestamp)
            implements OrderEvent {
        public OrderFilled {
            Objects.requireNonNull(tradeId, "tradeId");
            if (price.signum() <= 0) throw new IllegalArgumentException("fill price must be > 0: " + price);
            if (quantity.signum() <= 0) throw new IllegalArgumentException("fill quantity must be > 0: " + quantity);
            if (fee.signum() < 0) throw new IllegalArgumentException("fee must be >= 0: " + fee);
        }

        public BigDecimal notional() { return price.multiply(quantity); }
    }
}
