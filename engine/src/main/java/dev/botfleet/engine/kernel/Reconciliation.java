package dev.botfleet.engine.kernel;

import dev.botfleet.engine.exchange.OrderReport;
import dev.botfleet.engine.order.Order;
import dev.botfleet.engine.order.OrderEvent;
import dev.botfleet.engine.order.OrderEvent.OrderFilled;
import dev.botfleet.engine.order.OrderStatus;
import dev.botfleet.engine.strategy.ActivityLevel;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * After a restart, brings each restored in-flight order in line with the exchange, by client order id
 * (trading-formulas.md §1.6):
 * <ul>
 *   <li>unknown to the exchange and never acknowledged: it was journaled but not (or not surely) sent — send it now
 *       (submission is idempotent, so a duplicate is impossible);</li>
 *   <li>unknown to the exchange but acknowledged before: the exchange no longer has it — treat it as canceled;</li>
 *   <li>known: apply every fill the journal lacks (each trade id once), then adopt the exchange's status.</li>
 * </ul>
 * When the bot is finishing a stop, an order the exchange does not know is marked canceled instead of sent: a stopped
 * bot places nothing.
 */
final class Reconciliation {
    private Reconciliation() {
    }

    static void run(BotKernel k, boolean stopping) {
        List<Order> inFlight = new ArrayList<>(k.openOrders.values());
        for (Order order : inFlight) {
            String id = order.clientOrderId();
            Optional<OrderReport> report = k.port.query(order.snapshot());
            if (report.isEmpty()) {
                if (stopping) {
                    k.activity(ActivityLevel.INFO, "Order " + id + " is not on " + k.instrument.exchange()
                            + "; the bot is stopping, so it is marked canceled, not sent");
                    k.replay(new OrderEvent.OrderCanceled(id, k.now()));
                } else if (!order.acknowledged()) {
                    if (order.status() == OrderStatus.INITIALIZED) {
                        k.replay(new OrderEvent.OrderSubmitted(id, k.now()));
                    }
                    k.activity(ActivityLevel.INFO, "Resending order " + id + " that was not confirmed before the restart");
                    k.port.submit(order.snapshot());
                } else {
                    k.activity(ActivityLevel.WARNING, "Order " + id + " is no longer on " + k.instrument.exchange()
                            + "; marking it canceled");
                    k.replay(new OrderEvent.OrderCanceled(id, k.now()));
                }
                k.drain();
                continue;
            }
            adopt(k, order, report.get());
            k.drain();
        }
    }

    private static void adopt(BotKernel k, Order order, OrderReport r) {
        String id = order.clientOrderId();
        if (!order.acknowledged() && r.status() != OrderStatus.REJECTED) {
            k.replay(new OrderEvent.OrderAccepted(id, r.exchangeOrderId(), k.now()));
        }
        for (OrderFilled fill : r.fills()) {
            if (!order.hasTrade(fill.tradeId())) k.replay(fill);
        }
        Order now = k.findOrder(id);
        if (now == null || now.status() == r.status()) return;
        switch (r.status()) {
            case CANCELED -> k.replay(new OrderEvent.OrderCanceled(id, k.now()));
            case EXPIRED -> k.replay(new OrderEvent.OrderExpired(id, k.now()));
            case REJECTED -> k.replay(new OrderEvent.OrderRejected(id, r.reason() == null ? "rejected" : r.reason(),
                    k.now()));
            case ACCEPTED, PARTIALLY_FILLED -> {
                // Our cancel may never have reached the exchange: ask again.
                if (now.status() == OrderStatus.PENDING_CANCEL) k.port.cancel(id);
            }
            default -> { }
        }
    }
}
