package dev.botfleet.engine.sim;

import dev.botfleet.engine.order.OrderEvent.OrderFilled;
import dev.botfleet.engine.order.OrderSide;
import dev.botfleet.engine.order.OrderSnapshot;
import dev.botfleet.engine.order.OrderStatus;
import dev.botfleet.engine.order.OrderType;
import dev.botfleet.engine.order.TimeInForce;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** The simulated exchange's own record of an order (its side of the story, separate from the bot's). */
final class SimOrder {
    final String clientOrderId;
    final String exchangeOrderId;
    final OrderSide side;
    final OrderType type;
    final TimeInForce timeInForce;
    final BigDecimal price;
    /** {@link #price} as a double, for the per-tick comparison. */
    final double limit;
    /** A STOP_MARKET order's trigger price, else null; and as a double (NaN if none) for the per-trade check. */
    final BigDecimal triggerPrice;
    final double trigger;
    final BigDecimal quantity;
    /** Reserved per unit of base still unfilled: quote for a buy, 1 base for a sell. */
    final BigDecimal reservePerUnit;
    final String reserveAsset;

    OrderStatus status = OrderStatus.ACCEPTED;
    BigDecimal filled = BigDecimal.ZERO;
    /** True until the first trade after arrival: a limit that crosses then is a taker, as is every market order. */
    boolean arriving = true;
    /** A stop whose trigger has printed but which has not fully filled yet: from then on it is a market order. */
    boolean triggered;
    String reason;
    /**
     * Epoch millis of the acceptance: the order may only fill against market data from then on (a trade at or after
     * it, a candle that opens at or after it). Orders restored after a restart were accepted in the past: MIN_VALUE.
     */
    long acceptedAt = Long.MIN_VALUE;
    final List<OrderFilled> fills = new ArrayList<>();

    SimOrder(OrderSnapshot o, BigDecimal reservePerUnit, String reserveAsset) {
        this.clientOrderId = o.clientOrderId();
        this.exchangeOrderId = "sim-" + o.clientOrderId();
        this.side = o.side();
        this.type = o.type();
        this.timeInForce = o.timeInForce();
        this.price = o.price();
        this.limit = o.price() == null ? Double.NaN : o.price().doubleValue();
        this.triggerPrice = o.triggerPrice();
        this.trigger = o.triggerPrice() == null ? Double.NaN : o.triggerPrice().doubleValue();
        this.quantity = o.quantity();
        this.reservePerUnit = reservePerUnit;
        this.reserveAsset = reserveAsset;
    }

    BigDecimal remaining() {
        return quantity.subtract(filled).max(BigDecimal.ZERO);
    }

    boolean working() {
        return status == OrderStatus.ACCEPTED || status == OrderStatus.PARTIALLY_FILLED;
    }
}
