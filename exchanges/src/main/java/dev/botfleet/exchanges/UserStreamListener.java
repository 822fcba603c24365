package dev.botfleet.exchanges;

import dev.botfleet.engine.exchange.Balance;
import dev.botfleet.engine.order.OrderEvent;

/**
 * Receives an account's private events. Order events carry the <em>venue's</em> client order id (see
 * {@link ClientIdCodec}); {@code symbol} is ours.
 */
public interface UserStreamListener {
    void onOrderEvent(String symbol, OrderEvent event);

    default void onBalance(Balance balance) {
    }

    /** A perpetual position changed (size, entry, liquidation price); spot venues never call it. */
    default void onPosition(VenuePosition position) {
    }

    default void onDisconnected(String reason) {
    }

    /** Back and resubscribed: events made while disconnected may be missing, so the listener backfills by query. */
    default void onReconnected() {
    }
}
