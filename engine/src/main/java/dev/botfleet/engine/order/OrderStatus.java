package dev.botfleet.engine.order;

/**
 * The lifecycle of an order (trading-formulas.md §1.4). DENIED, REJECTED, CANCELED, EXPIRED and FILLED are terminal;
 * the single way out of a terminal state is a fill that raced a cancel (CANCELED → FILLED).
 */
public enum OrderStatus {
    /** Created locally, not yet checked or sent. */
    INITIALIZED,
    /** Refused locally by the risk checks; never sent. */
    DENIED,
    /** Journaled and sent to the exchange, not yet acknowledged. */
    SUBMITTED,
    /** Acknowledged by the exchange and working. */
    ACCEPTED,
    PARTIALLY_FILLED,
    FILLED,
    /** A cancel was sent and is not yet confirmed. */
    PENDING_CANCEL,
    CANCELED,
    /** Refused by the exchange. */
    REJECTED,
    EXPIRED;

    public boolean isTerminal() {
        return switch (this) {
            case DENIED, FILLED, CANCELED, REJECTED, EXPIRED -> true;
            default -> false;
        };
    }

    /** Working (or possibly working) at the exchange: may still fill. */
    public boolean isOpen() {
        return switch (this) {
            case SUBMITTED, ACCEPTED, PARTIALLY_FILLED, PENDING_CANCEL -> true;
            default -> false;
        };
    }
}
