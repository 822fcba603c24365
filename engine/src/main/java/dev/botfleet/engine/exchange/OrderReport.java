package dev.botfleet.engine.exchange;

import dev.botfleet.engine.order.OrderEvent.OrderFilled;
import dev.botfleet.engine.order.OrderStatus;

import java.math.BigDecimal;
import java.util.List;

/**
 * The exchange's view of one order, for reconciliation: its status and every fill it knows of.
 *
 * @param reason the exchange's reason for a rejection, else null
 */
public record OrderReport(String clientOrderId, String exchangeOrderId, OrderStatus status,
                          BigDecimal filledQuantity, List<OrderFilled> fills, String reason) {
    public OrderReport {
        fills = List.copyOf(fills);
    }
}
