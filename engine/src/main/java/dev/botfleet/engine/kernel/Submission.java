package dev.botfleet.engine.kernel;

import dev.botfleet.engine.order.ClientOrderIds;
import dev.botfleet.engine.order.Order;
import dev.botfleet.engine.order.OrderEvent;
import dev.botfleet.engine.order.OrderRequest;
import dev.botfleet.engine.order.OrderSnapshot;
import dev.botfleet.engine.risk.Denial;
import dev.botfleet.engine.risk.DenialReason;
import dev.botfleet.engine.strategy.ActivityLevel;

import java.util.Optional;

/**
 * A strategy's order request turned into an order: numbered, checked by the risk engine (a denial is journaled and
 * never sent), journaled SUBMITTED, then sent. Journal before send is what makes a crash recoverable by client order id.
 */
final class Submission {
    private Submission() {
    }

    static OrderSnapshot submit(BotKernel k, OrderRequest request) {
        if (k.inHistory) {
            // a strategy bug, not a market condition: fail the bot with the reason rather than trade on old prices
            throw new IllegalStateException("the strategy placed an order while reading history; orders are only"
                    + " placed on live data");
        }
        Order order = new Order(k.botId, ClientOrderIds.of(k.botId, k.nextSequence++), k.instrument.exchange(),
                k.instrument.symbol(), request, k.now());
        k.openOrders.put(order.clientOrderId(), order);
        Optional<Denial> denial = k.running
                ? k.risk.check(request, k.instrument, k.context.riskState())
                : Optional.of(new Denial(DenialReason.BOT_NOT_RUNNING, "The bot is not running, so it places no new orders."));
        if (denial.isPresent()) {
            OrderEvent denied = new OrderEvent.OrderDenied(order.clientOrderId(), denial.get().reason(),
                    denial.get().message(), k.now());
            order.apply(denied);
            k.close(order);
            OrderSnapshot s = order.snapshot();
            k.journal.recordNew(s);
            k.listener.onOrderUpdated(s, denied);
            k.activity(ActivityLevel.WARNING, "Order denied (" + denial.get().reason() + "): " + denial.get().message());
            return s;
        }
        OrderEvent submitted = new OrderEvent.OrderSubmitted(order.clientOrderId(), k.now());
        order.apply(submitted);
        OrderSnapshot s = order.snapshot();
        k.journal.recordNew(s);  // journal before send: a crash from here on is reconciled by client order id
        k.listener.onOrderUpdated(s, submitted);
        if (k.listener.wantsActivity(ActivityLevel.INFO)) {
            k.activity(ActivityLevel.INFO, Messages.placed(s, k.instrument));
        }
        try {
            k.port.submit(s);
        } catch (RuntimeException e) {
            // The outcome is unknown (sent or not): the order stays SUBMITTED and reconciliation settles it.
            k.activity(ActivityLevel.ERROR, "Could not send order " + s.clientOrderId() + " to " + k.instrument.exchange()
                    + ": " + e.getMessage() + ". It will be checked against the exchange on restart.");
        }
        return s;
    }
}
