package dev.botfleet.engine.kernel;

import dev.botfleet.engine.order.Fill;
import dev.botfleet.engine.order.InvalidOrderTransitionException;
import dev.botfleet.engine.order.Order;
import dev.botfleet.engine.order.OrderEvent.OrderFilled;
import dev.botfleet.engine.order.OrderSnapshot;
import dev.botfleet.engine.position.Deal;
import dev.botfleet.engine.strategy.ActivityLevel;

import java.math.BigDecimal;
import java.util.List;

/**
 * Books one fill of a kernel's order, in the order the rest of the bot relies on: the order, then the position and
 * the deals it completes, the journal, the listener and the activity log, and last the strategy.
 */
final class FillBooking {
    private FillBooking() {
    }

    static void book(BotKernel k, Order order, OrderFilled event) {
        boolean applied;
        try {
            applied = order.apply(event);
        } catch (InvalidOrderTransitionException e) {
            k.activity(ActivityLevel.WARNING, "Ignored a fill the order cannot take: " + e.getMessage());
            return;
        }
        if (!applied) return;  // the same trade id again: already booked
        BigDecimal before = k.position.quantity();
        BigDecimal realized = k.position.apply(event);
        List<Deal> completed = k.deals.completed(event, before, k.position.quantity(), realized, order.closeReason());
        if (order.status().isTerminal()) k.close(order);
        OrderSnapshot s = order.snapshot();
        Fill fill = new Fill(k.botId, event.clientOrderId(), event.tradeId(), k.instrument.exchange(),
                k.instrument.symbol(),
                event.side(), event.price(), event.quantity(), event.fee(), event.feeCurrency(), event.liquidity(),
                realized, event.timestamp());
        k.journal.recordFill(s, fill);
        k.listener.onFill(fill, k.listener.wantsPositionOnFill() ? k.context.position() : null);
        if (k.listener.wantsActivity(ActivityLevel.SUCCESS)) {
            k.activity(ActivityLevel.SUCCESS, Messages.filled(s, fill, k.instrument));
        }
        completed.forEach(d -> {
            k.listener.onDealCompleted(d);
            ActivityLevel level = d.pnl().signum() >= 0 ? ActivityLevel.SUCCESS : ActivityLevel.WARNING;
            if (k.listener.wantsActivity(level)) k.activity(level, Messages.dealClosed(d, k.instrument));
        });
        if (k.started && k.running) {
            try {
                k.strategy.onFill(k.context, s, fill);
            } catch (RuntimeException e) {
                k.fail(e);
            }
        }
    }
}
