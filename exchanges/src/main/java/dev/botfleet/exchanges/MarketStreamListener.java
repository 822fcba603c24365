package dev.botfleet.exchanges;

import dev.botfleet.engine.market.Candle;
import dev.botfleet.engine.market.Quote;
import dev.botfleet.engine.market.Tick;

/**
 * Receives a venue's public market data, in our symbols. Called from the stream's thread; implementations hand the
 * data on and return quickly.
 */
public interface MarketStreamListener {
    void onTick(Tick tick);

    /** A closed 1m candle: from the stream, or backfilled from REST after a reconnect (each open time once). */
    void onCandle(Candle candle);

    default void onQuote(Quote quote) {
    }

    /** The stream was lost; it is reconnecting. */
    default void onDisconnected(String reason) {
    }

    /** The stream is back and resubscribed, and the gap has been backfilled. */
    default void onReconnected() {
    }
}
