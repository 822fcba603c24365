package dev.botfleet.engine.order;

public enum OrderType {
    /** Rests at its price until filled, canceled or (IOC) expired unfilled. */
    LIMIT,
    /** Fills at the next market price, with slippage, as taker. */
    MARKET,
    /**
     * Rests without a price until a trade prints at or beyond its trigger price (a sell at or below, a buy at or
     * above), then fills like a MARKET order, as taker. GTC only.
     */
    STOP_MARKET
}
