package dev.botfleet.fakes;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** An order as the fake venue's matching engine holds it. Fields are guarded by the engine's lock. */
public final class FakeOrder {
    public enum Side { BUY, SELL }

    public enum Type { LIMIT, MARKET }

    public enum TimeInForce { GTC, IOC, FOK, POST_ONLY }

    public enum Status { NEW, PARTIALLY_FILLED, FILLED, CANCELED, EXPIRED, REJECTED }

    public final long orderId;
    public final String clientOrderId;
    public final FakeAccount account;
    public final FakeMarket market;
    public final Side side;
    public final Type type;
    public final TimeInForce timeInForce;
    /** null for MARKET. */
    public final BigDecimal price;
    public final BigDecimal quantity;
    public final long createdAt;
    public BigDecimal executedQuantity = BigDecimal.ZERO;
    public BigDecimal cumulativeQuote = BigDecimal.ZERO;
    public Status status = Status.NEW;
    /** A perpetual's reduce-only flag: the order may only shrink the account's position. */
    public boolean reduceOnly;
    public long updatedAt;
    /** Quote (buy) or base (sell) still reserved for this order. */
    BigDecimal reserved = BigDecimal.ZERO;
    public final List<FakeTrade> trades = new ArrayList<>();

    FakeOrder(long orderId, String clientOrderId, FakeAccount account, FakeMarket market, Side side, Type type,
              TimeInForce timeInForce, BigDecimal price, BigDecimal quantity, long createdAt) {
        this.orderId = orderId;
        this.clientOrderId = clientOrderId;
        this.account = account;
        this.market = market;
        this.side = side;
        this.type = type;
        this.timeInForce = timeInForce;
        this.price = price;
        this.quantity = quantity;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
    }

    public BigDecimal remaining() { return quantity.subtract(executedQuantity); }

    public boolean isOpen() { return status == Status.NEW || status == Status.PARTIALLY_FILLED; }

    @Override
    public String toString() {
        return "FakeOrder[" + orderId + " " + clientOrderId + " " + side + " " + type + " " + timeInForce + " " + quantity
                + " @ " + price + " " + status + " filled " + executedQuantity + "]";
    }
}
