package dev.botfleet.engine.order;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What a strategy asks for. The kernel turns it into an {@link Order} with the next client order id, rounds nothing
 * (a price off the tick grid is denied with PRICE_PRECISION rather than silently moved) and runs the risk checks.
 *
 * @param price the limit price; null for a MARKET or STOP_MARKET order
 * @param triggerPrice the price whose trade turns a STOP_MARKET order into a market order; null for other types
 * @param closeReason set on an order meant to close a deal (TAKE_PROFIT, TRAILING_STOP, ...); null for entries
 */
public record OrderRequest(OrderSide side, OrderType type, BigDecimal quantity, BigDecimal price,
                           TimeInForce timeInForce, CloseReason closeReason, BigDecimal triggerPrice) {

    public OrderRequest {
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(timeInForce, "timeInForce");
        if (type == OrderType.LIMIT) Objects.requireNonNull(price, "price of a LIMIT order");
        if (type == OrderType.MARKET && price != null) {
            throw new IllegalArgumentException("a MARKET order has no price");
        }
        if (type == OrderType.STOP_MARKET) {
            Objects.requireNonNull(triggerPrice, "triggerPrice of a STOP_MARKET order");
            if (price != null) throw new IllegalArgumentException("a STOP_MARKET order has no price");
            if (timeInForce != TimeInForce.GTC) {
                throw new IllegalArgumentException("a STOP_MARKET order rests until triggered: GTC only");
            }
        } else if (triggerPrice != null) {
            throw new IllegalArgumentException("only a STOP_MARKET order has a triggerPrice");
        }
    }

    /** An order without a trigger (LIMIT or MARKET). */
    public OrderRequest(OrderSide side, OrderType type, BigDecimal quantity, BigDecimal price,
                        TimeInForce timeInForce, CloseReason closeReason) {
        this(side, type, quantity, price, timeInForce, closeReason, null);
    }

    public static OrderRequest limit(OrderSide side, BigDecimal quantity, BigDecimal price) {
        return new OrderRequest(side, OrderType.LIMIT, quantity, price, TimeInForce.GTC, null);
    }

    public static OrderRequest market(OrderSide side, BigDecimal quantity) {
        return new OrderRequest(side, OrderType.MARKET, quantity, null, TimeInForce.IOC, null);
    }

    /** A stop: a market order once a trade prints at or beyond {@code triggerPrice}, e.g. a resting stop-loss. */
    public static OrderRequest stopMarket(OrderSide side, BigDecimal quantity, BigDecimal triggerPrice) {
        return new OrderRequest(side, OrderType.STOP_MARKET, quantity, null, TimeInForce.GTC, null, triggerPrice);
    }

    public OrderRequest withTimeInForce(TimeInForce tif) {
        return new OrderRequest(side, type, quantity, price, tif, closeReason, triggerPrice);
    }

    /** Marks this order as the exit of a deal, closed for {@code reason}. */
    public OrderRequest closing(CloseReason reason) {
        return new OrderRequest(side, type, quantity, price, timeInForce, reason, triggerPrice);
    }
}
