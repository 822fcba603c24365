package dev.botfleet.engine.backtest.freqtrade;

/** Freqtrade's {@code order_types.entry/exit}. Only LIMIT consults the custom price callbacks. */
public enum OrderType {
    LIMIT,
    MARKET
}
