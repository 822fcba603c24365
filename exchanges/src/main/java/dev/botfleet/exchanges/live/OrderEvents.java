package dev.botfleet.exchanges.live;

import dev.botfleet.engine.exchange.OrderReport;
import dev.botfleet.engine.order.OrderEvent;
import dev.botfleet.engine.order.OrderEvent.OrderFilled;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Turns the venue's view of an order into the events that bring our order to the same state. */
final class OrderEvents {
    private OrderEvents() {
    }

    /**
     * The events a report implies: accepted (unless rejected), every fill, then the terminal status if any. The kernel
     * ignores what it already knows (a trade id it has, a transition it already made), so replaying a report is safe.
     */
    static List<OrderEvent> of(OrderReport report, String clientOrderId, Instant at) {
        List<OrderEvent> events = new ArrayList<>();
        switch (report.status()) {
            case REJECTED -> {
                events.add(new OrderEvent.OrderRejected(clientOrderId, report.reason() == null ? "rejected by the venue"
                        : report.reason(), at));
                return events;
            }
            default -> events.add(new OrderEvent.OrderAccepted(clientOrderId, report.exchangeOrderId(), at));
        }
        for (OrderFilled fill : report.fills()) events.add(withId(fill, clientOrderId));
        switch (report.status()) {
            case CANCELED -> events.add(new OrderEvent.OrderCanceled(clientOrderId, at));
            case EXPIRED -> events.add(new OrderEvent.OrderExpired(clientOrderId, at));
            default -> { }
        }
        return events;
    }

    static OrderFilled withId(OrderFilled f, String clientOrderId) {
        return new OrderFilled(clientOrderId, f.tradeId(), f.side(), f.price(), f.quantity(), f.fee(), f.feeCurrency(),
                f.liquidity(), f.timestamp());
    }

    /** The same event under another client order id (venue id -> ours). */
    static OrderEvent withId(OrderEvent e, String id) {
        return switch (e) {
            case OrderFilled f -> withId(f, id);
            case OrderEvent.OrderAccepted a -> new OrderEvent.OrderAccepted(id, a.exchangeOrderId(), a.timestamp());
            case OrderEvent.OrderRejected r -> new OrderEvent.OrderRejected(id, r.reason(), r.timestamp());
            case OrderEvent.OrderCanceled c -> new OrderEvent.OrderCanceled(id, c.timestamp());
            case OrderEvent.OrderExpired x -> new OrderEvent.OrderExpired(id, x.timestamp());
            case OrderEvent.OrderCancelRejected c -> new OrderEvent.OrderCancelRejected(id, c.reason(), c.timestamp());
            case OrderEvent.OrderPendingCancel p -> new OrderEvent.OrderPendingCancel(id, p.timestamp());
            case OrderEvent.OrderSubmitted s -> new OrderEvent.OrderSubmitted(id, s.timestamp());
            case OrderEvent.OrderDenied d -> new OrderEvent.OrderDenied(id, d.reason(), d.message(), d.timestamp());
        };
    }

    static OrderReport withId(OrderReport r, String clientOrderId) {
        return new OrderReport(clientOrderId, r.exchangeOrderId(), r.status(), r.filledQuantity(),
                r.fills().stream().map(f -> withId(f, clientOrderId)).toList(), r.reason());
    }
}
