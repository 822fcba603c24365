package dev.botfleet.engine.order;

import dev.botfleet.engine.order.OrderEvent.OrderAccepted;
import dev.botfleet.engine.order.OrderEvent.OrderCancelRejected;
import dev.botfleet.engine.order.OrderEvent.OrderCanceled;
import dev.botfleet.engine.order.OrderEvent.OrderDenied;
import dev.botfleet.engine.order.OrderEvent.OrderExpired;
import dev.botfleet.engine.order.OrderEvent.OrderFilled;
import dev.botfleet.engine.order.OrderEvent.OrderPendingCancel;
import dev.botfleet.engine.order.OrderEvent.OrderRejected;
import dev.botfleet.engine.order.OrderEvent.OrderSubmitted;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static dev.botfleet.engine.order.OrderStatus.*;

/**
 * One order and its state machine (trading-formulas.md §1.4, the subset without emulation, triggers and modifies).
 * Mutable and owned by one bot's kernel, so touched by one thread at a time; everything outside sees
 * {@link #snapshot()}s.
 *
 * <p>Rules worth knowing: a fill that arrives after the order was canceled is applied (the cancel raced it) and moves
 * the order to FILLED once complete; a refused cancel returns the order to the status it had; a fill whose trade id
 * was already applied is ignored; a fill beyond the quantity is recorded as overfill; any other event the current
 * status does not allow raises {@link InvalidOrderTransitionException} and changes nothing.
 */
public final class Order {
    /** Decimals kept for an average price that does not divide exactly. */
    private static final int AVERAGE_SCALE = 12;

    private final String botId;
    private final String clientOrderId;
    private final String exchange;
    private final String symbol;
    private final OrderSide side;
    private final OrderType type;
    private final TimeInForce timeInForce;
    private final BigDecimal price;
    private final BigDecimal triggerPrice;
    private final BigDecimal quantity;
    private final CloseReason closeReason;
    private final Instant createdAt;

    private OrderStatus status = INITIALIZED;
    /** Where a refused cancel returns to. */
    private OrderStatus beforePendingCancel;
    private String exchangeOrderId;
    private BigDecimal filledQuantity = BigDecimal.ZERO;
    private BigDecimal filledNotional = BigDecimal.ZERO;
    private BigDecimal averagePrice;
    private BigDecimal overfill = BigDecimal.ZERO;
    /** Replaced (never mutated) on each fee, so snapshots can share it. */
    private Map<String, BigDecimal> fees = Map.of();
    /** The trade ids applied: most orders fill once, so a set is made only for a second fill. */
    private String firstTradeId;
    private Set<String> tradeIds;
    private String reason;
    private boolean acknowledged;
    private Instant updatedAt;

    public Order(String botId, String clientOrderId, String exchange, String symbol, OrderRequest request,
                 Instant createdAt) {
        this.botId = Objects.requireNonNull(botId, "botId");
        this.clientOrderId = Objects.requireNonNull(clientOrderId, "clientOrderId");
        this.exchange = Objects.requireNonNull(exchange, "exchange");
        this.symbol = Objects.requireNonNull(symbol, "symbol");
        this.side = request.side();
        this.type = request.type();
        this.timeInForce = request.timeInForce();
        this.price = request.price();
        this.triggerPrice = request.triggerPrice();
        this.quantity = request.quantity();
        this.closeReason = request.closeReason();
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.updatedAt = createdAt;
    }

    /**
     * Rebuilds an order from its journaled snapshot. {@code tradeIds} are the trade ids of its journaled fills, so a
     * fill reported again after a restart is recognised as a duplicate.
     */
    public static Order restore(OrderSnapshot s, Collection<String> tradeIds) {
        Order o = new Order(s.botId(), s.clientOrderId(), s.exchange(), s.symbol(),
                new OrderRequest(s.side(), s.type(), s.quantity(), s.price(), s.timeInForce(), s.closeReason(),
                        s.triggerPrice()),
                s.createdAt());
        o.status = s.status();
        o.exchangeOrderId = s.exchangeOrderId();
        o.filledQuantity = s.filledQuantity();
        o.averagePrice = s.averagePrice();
        o.filledNotional = s.averagePrice() == null ? BigDecimal.ZERO : s.averagePrice().multiply(s.filledQuantity());
        o.overfill = s.overfill();
        o.fees = s.fees();
        for (String id : tradeIds) o.addTrade(id);
        o.reason = s.reason();
        o.acknowledged = s.acknowledged();
        o.updatedAt = s.updatedAt();
        // A journaled PENDING_CANCEL whose cancel is refused goes back to working; which of the two depends on fills.
        if (o.status == PENDING_CANCEL) o.beforePendingCancel = o.filledQuantity.signum() > 0 ? PARTIALLY_FILLED : ACCEPTED;
        return o;
    }

    /**
     * Applies one event.
     *
     * @return false if the event was a duplicate fill (same trade id), a repeated ack or a repeated cancel or expiry,
     * and was ignored; true if it changed the order
     * @throws InvalidOrderTransitionException if the current status does not allow this event
     */
    public boolean apply(OrderEvent event) {
        if (!clientOrderId.equals(event.clientOrderId())) {
            throw new IllegalArgumentException("event for " + event.clientOrderId() + " applied to " + clientOrderId);
        }
        if (event instanceof OrderFilled fill) return fill(fill);
        if (event instanceof OrderAccepted a && repeatsAck(a)) return false;
        // the venue's answer to our cancel and its stream's report of the same end: the second changes nothing
        if ((event instanceof OrderCanceled && status == CANCELED) || (event instanceof OrderExpired && status == EXPIRED)) {
            return false;
        }
        OrderStatus to = switch (event) {
            case OrderDenied d -> when(d, INITIALIZED) ? DENIED : null;
            case OrderSubmitted s -> when(s, INITIALIZED) ? SUBMITTED : null;
            // PARTIALLY_FILLED: a live exchange may report a fill before the ack of the same order.
            case OrderAccepted a -> when(a, INITIALIZED, SUBMITTED, PARTIALLY_FILLED, PENDING_CANCEL)
                    ? (filledQuantity.signum() > 0 ? PARTIALLY_FILLED : ACCEPTED) : null;
            case OrderRejected r -> when(r, INITIALIZED, SUBMITTED, PENDING_CANCEL) ? REJECTED : null;
            case OrderPendingCancel p -> when(p, SUBMITTED, ACCEPTED, PARTIALLY_FILLED, PENDING_CANCEL)
                    ? PENDING_CANCEL : null;
            case OrderCancelRejected c -> when(c, PENDING_CANCEL) ? beforePendingCancel : null;
            case OrderCanceled c -> when(c, INITIALIZED, SUBMITTED, ACCEPTED, PARTIALLY_FILLED, PENDING_CANCEL)
                    ? CANCELED : null;
            case OrderExpired e -> when(e, INITIALIZED, ACCEPTED, PARTIALLY_FILLED, PENDING_CANCEL) ? EXPIRED : null;
            case OrderFilled f -> throw new AssertionError("handled above");
        };
        if (to == null) throw new InvalidOrderTransitionException(clientOrderId, status, event);
        switch (event) {
            case OrderDenied d -> reason = d.message();
            case OrderRejected r -> reason = r.reason();
            case OrderAccepted a -> {
                acknowledged = true;
                if (a.exchangeOrderId() != null) exchangeOrderId = a.exchangeOrderId();
            }
            case OrderPendingCancel p -> {
                if (status != PENDING_CANCEL) beforePendingCancel = status;
            }
            default -> { }
        }
        if (event instanceof OrderCanceled || event instanceof OrderExpired) acknowledged = true;
        status = to;
        updatedAt = event.timestamp();
        return true;
    }

    /**
     * A live venue acknowledges an order twice (its answer to the request, and its user stream's report), the stream's
     * copy possibly after fills or after the order's end: once acknowledged, an ack naming no other venue order tells
     * nothing new, and must neither warn nor be journaled again. (During a cancel an ack still means the cancel failed.)
     */
    private boolean repeatsAck(OrderAccepted a) {
        boolean sameVenueOrder = a.exchangeOrderId() == null || a.exchangeOrderId().equals(exchangeOrderId);
        return acknowledged && sameVenueOrder && (status == ACCEPTED || status == PARTIALLY_FILLED
                || status == FILLED || status == CANCELED || status == EXPIRED);
    }

    private boolean when(OrderEvent event, OrderStatus... allowed) {
        for (OrderStatus s : allowed) if (s == status) return true;
        return false;
    }

    private boolean fill(OrderFilled f) {
        if (hasTrade(f.tradeId())) return false;
        boolean allowed = status == SUBMITTED || status == ACCEPTED || status == PARTIALLY_FILLED
                || status == PENDING_CANCEL || status == CANCELED;
        if (!allowed) throw new InvalidOrderTransitionException(clientOrderId, status, f);
        if (f.side() != side) {
            throw new IllegalArgumentException("fill " + f.tradeId() + " is a " + f.side() + " on a " + side + " order");
        }
        addTrade(f.tradeId());
        acknowledged = true;
        filledQuantity = filledQuantity.add(f.quantity());
        filledNotional = filledNotional.add(f.notional());
        averagePrice = average(filledNotional, filledQuantity);
        BigDecimal beyond = filledQuantity.subtract(quantity);
        if (beyond.signum() > 0) overfill = beyond;
        fees = FeeMap.plus(fees, f.feeCurrency(), f.fee());
        boolean complete = filledQuantity.compareTo(quantity) >= 0;
        if (complete) {
            status = FILLED;
        } else if (status == PENDING_CANCEL) {
            beforePendingCancel = PARTIALLY_FILLED;  // still waiting for the cancel's answer
        } else if (status != CANCELED) {
            status = PARTIALLY_FILLED;  // a partial fill after a cancel leaves the order canceled
        }
        updatedAt = f.timestamp();
        return true;
    }

    /** notional / quantity to 12 decimals, trailing zeros dropped (an exact quotient comes out exact). */
    public static BigDecimal average(BigDecimal notional, BigDecimal quantity) {
        BigDecimal avg = notional.divide(quantity, AVERAGE_SCALE, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return avg.scale() < 0 ? avg.setScale(0) : avg;
    }

    public OrderSnapshot snapshot() {
        return new OrderSnapshot(botId, clientOrderId, exchangeOrderId, exchange, symbol, side, type, timeInForce,
                price, quantity, status, filledQuantity, averagePrice, fees, overfill, closeReason, reason,
                acknowledged, createdAt, updatedAt, triggerPrice);
    }

    public BigDecimal remainingQuantity() {
        BigDecimal left = quantity.subtract(filledQuantity);
        return left.signum() > 0 ? left : BigDecimal.ZERO;
    }

    public boolean hasTrade(String tradeId) {
        return firstTradeId != null && firstTradeId.equals(tradeId) || tradeIds != null && tradeIds.contains(tradeId);
    }

    private void addTrade(String tradeId) {
        if (firstTradeId == null && tradeId != null) {
            firstTradeId = tradeId;
        } else if (tradeId == null || !tradeId.equals(firstTradeId)) {
            if (tradeIds == null) tradeIds = new HashSet<>();
            tradeIds.add(tradeId);
        }
    }

    public String botId() { return botId; }
    public String clientOrderId() { return clientOrderId; }
    public String exchangeOrderId() { return exchangeOrderId; }
    public String exchange() { return exchange; }
    public String symbol() { return symbol; }
    public OrderSide side() { return side; }
    public OrderType type() { return type; }
    public TimeInForce timeInForce() { return timeInForce; }
    public BigDecimal price() { return price; }
    public BigDecimal triggerPrice() { return triggerPrice; }
    public BigDecimal quantity() { return quantity; }
    public CloseReason closeReason() { return closeReason; }
    public OrderStatus status() { return status; }
    public BigDecimal filledQuantity() { return filledQuantity; }
    public BigDecimal averagePrice() { return averagePrice; }
    public BigDecimal overfill() { return overfill; }
    public Map<String, BigDecimal> fees() { return fees; }
    public String reason() { return reason; }
    public boolean acknowledged() { return acknowledged; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }

    @Override
    public String toString() {
        return clientOrderId + " " + side + " " + type + " " + quantity.toPlainString()
                + (price == null ? "" : " @ " + price.toPlainString())
                + (triggerPrice == null ? "" : " stop " + triggerPrice.toPlainString()) + " " + status;
    }
}
