package dev.botfleet.engine.kernel;

import dev.botfleet.engine.position.FundingPayment;
import dev.botfleet.engine.order.ClientOrderIds;
import dev.botfleet.engine.order.Fill;
import dev.botfleet.engine.order.Order;
import dev.botfleet.engine.order.OrderEvent.OrderFilled;
import dev.botfleet.engine.order.OrderSnapshot;

import java.math.BigDecimal;
import java.util.List;

/**
 * Rebuilds a kernel from its journal before it starts: the position and deals from the journaled fills (from where the
 * bot last stood flat, when the journal knows it: {@link dev.botfleet.engine.position.FlatPoint}), the open
 * orders with the trade ids they already had (so a fill reported again after a restart is not counted twice), the
 * next client-order sequence, and the clock.
 */
final class JournalRestore {
    private JournalRestore() {
    }

    private static void book(BotKernel k, FundingPayment payment) {
        k.position.applyFunding(payment);
        k.deals.addFunding(payment.amount());
        k.nowMillis = Math.max(k.nowMillis, payment.time().toEpochMilli());
    }

    static void apply(BotKernel k, KernelState state) {
        k.nextSequence = state.nextSequence();
        if (state.flatPoint() != null) {
            // flat, no deal open: the deal tracker starts empty, as it is after the fill that closed the last deal
            k.position.startAt(state.flatPoint());
            k.nowMillis = Math.max(k.nowMillis, state.flatPoint().at().toEpochMilli());
        }
        // Fills and funding in time order: funding paid while a deal was open belongs to that deal's PnL.
        List<FundingPayment> funding = state.funding();
        int next = 0;
        for (Fill fill : state.fills()) {
            while (next < funding.size() && funding.get(next).time().isBefore(fill.executedAt())) {
                book(k, funding.get(next++));
            }
            OrderFilled event = fill.toEvent();
            BigDecimal before = k.position.quantity();
            BigDecimal realized = k.position.apply(event);
            k.deals.completed(event, before, k.position.quantity(), realized, null);
            k.nowMillis = Math.max(k.nowMillis, fill.executedAt().toEpochMilli());
        }
        while (next < funding.size()) book(k, funding.get(next++));
        for (OrderSnapshot s : state.openOrders()) {
            List<String> tradeIds = java.util.stream.Stream.concat(
                    state.openOrderTradeIds().getOrDefault(s.clientOrderId(), List.of()).stream(),
                    state.fills().stream().filter(f -> f.clientOrderId().equals(s.clientOrderId())).map(Fill::tradeId))
                    .distinct().toList();
            Order order = Order.restore(s, tradeIds);
            k.openOrders.put(order.clientOrderId(), order);
            k.nextSequence = Math.max(k.nextSequence, ClientOrderIds.sequenceOf(s.clientOrderId()) + 1);
            k.nowMillis = Math.max(k.nowMillis, s.updatedAt().toEpochMilli());
        }
    }
}
