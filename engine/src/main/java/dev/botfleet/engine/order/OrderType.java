package dev.botfleet.engine.order;

public enum OrderType {
    /** Rests at its price until filled, canceled or (IOC) expired unfilled. */
    LIMIT,
    /** Fills at the next market price, with slippage, as taker. */
    MARKET
}
