package dev.botfleet.engine.market;

/**
 * Receives market data. The kernel forwards every tick and candle to an exchange port that implements this (the
 * simulated exchange) <em>before</em> the strategy sees it, so resting orders fill first.
 */
public interface MarketDataListener {
    void onTick(Tick tick);

    default void onCandle(Candle candle) {
    }
}
