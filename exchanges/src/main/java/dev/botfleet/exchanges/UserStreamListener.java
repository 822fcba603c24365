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

    /**
     * The stream is subscribed and delivering: the first time after it was opened, and again after every drop
     * ({@code afterDrop}). Events made before — while it was away, or before its first subscription was confirmed (a
     * bot may place and fill an order in that window) — may be missing, so the listener backfills by query each time.
     */
    default void onStreamLive(boolean afterDrop) {
    }
}
