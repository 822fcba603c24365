package dev.botfleet.engine.market;

import java.time.Instant;

/**
 * The last trade on a market: price and size as {@code double} because ticks are hot-path market data (exact
 * decimals begin at the order boundary).
 *
 * @param timestamp epoch milliseconds of the trade; the engine's only notion of "now"
 */
public record Tick(String exchange, String symbol, long timestamp, double price, double size) {

    public Instant time() { return Instant.ofEpochMilli(timestamp); }
}
