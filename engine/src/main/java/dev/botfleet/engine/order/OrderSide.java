package dev.botfleet.engine.order;

public enum OrderSide {
    BUY, SELL;

    public OrderSide opposite() { return this == BUY ? SELL : BUY; }

    /** +1 for a buy (adds to the position), -1 for a sell. */
    public int sign() { return this == BUY ? 1 : -1; }
}
