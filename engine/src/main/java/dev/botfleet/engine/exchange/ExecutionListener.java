package dev.botfleet.engine.exchange;

import dev.botfleet.engine.order.OrderEvent;

/** Where an exchange port delivers order events (accepted, filled, canceled, rejected, ...). */
@FunctionalInterface
public interface ExecutionListener {
    void onOrderEvent(OrderEvent event);
}
