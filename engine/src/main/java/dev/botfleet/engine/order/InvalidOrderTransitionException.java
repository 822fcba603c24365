package dev.botfleet.engine.order;

/** An event that the order's current status does not allow (e.g. OrderAccepted on a FILLED order). */
public final class InvalidOrderTransitionException extends RuntimeException {
    private final String clientOrderId;
    private final OrderStatus from;
    private final Class<? extends OrderEvent> event;

    public InvalidOrderTransitionException(String clientOrderId, OrderStatus from, OrderEvent event) {
        super("order " + clientOrderId + " is " + from + " and cannot take " + event.getClass().getSimpleName());
        this.clientOrderId = clientOrderId;
        this.from = from;
        this.event = event.getClass();
    }

    public String clientOrderId() { return clientOrderId; }

    public OrderStatus from() { return from; }

    public Class<? extends OrderEvent> event() { return event; }
}
