package dev.botfleet.engine.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * An immutable copy of an {@link Order} at one moment: what is journaled, published and handed to strategies.
 *
 * @param price null for a MARKET or STOP_MARKET order
 * @param triggerPrice a STOP_MARKET order's trigger, else null
 * @param averagePrice null until the first fill
 * @param fees fees paid so far, per currency, in the order they were first charged
 * @param overfill quantity filled beyond {@code quantity} (recorded, never refused), zero normally
 * @param reason why it was denied or rejected (plain words), else null
 * @param acknowledged true once the exchange confirmed it knows the order (accepted, filled, canceled by it, ...)
 */
public record OrderSnapshot(
        String botId,
        String clientOrderId,
        String exchangeOrderId,
        String exchange,
        String symbol,
        OrderSide side,
        OrderType type,
        TimeInForce timeInForce,
        BigDecimal price,
        BigDecimal quantity,
        OrderStatus status,
        BigDecimal filledQuantity,
        BigDecimal averagePrice,
        Map<String, BigDecimal> fees,
        BigDecimal overfill,
        CloseReason closeReason,
        String reason,
        boolean acknowledged,
        Instant createdAt,
        Instant updatedAt,
        BigDecimal triggerPrice) {

    public OrderSnapshot {
        fees = FeeMap.frozen(fees, Map.of());  // an order's own FeeMap is shared, any other map copied
    }

    /** A snapshot of an order without a trigger (LIMIT or MARKET). */
    public OrderSnapshot(String botId, String clientOrderId, String exchangeOrderId, String exchange, String symbol,
                         OrderSide side, OrderType type, TimeInForce timeInForce, BigDecimal price,
                         BigDecimal quantity, OrderStatus status, BigDecimal filledQuantity, BigDecimal averagePrice,
                         Map<String, BigDecimal> fees, BigDecimal overfill, CloseReason closeReason, String reason,
                         boolean acknowledged, Instant createdAt, Instant updatedAt) {
        this(botId, clientOrderId, exchangeOrderId, exchange, symbol, side, type, timeInForce, price, quantity, status,
                filledQuantity, averagePrice, fees, overfill, closeReason, reason, acknowledged, createdAt, updatedAt,
                null);
    }

    public BigDecimal remainingQuantity() {
        BigDecimal left = quantity.subtract(filledQuantity);
        return left.signum() > 0 ? left : BigDecimal.ZERO;
    }

    public boolean isOpen() { return status.isOpen(); }
}
