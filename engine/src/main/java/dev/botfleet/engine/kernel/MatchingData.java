package dev.botfleet.engine.kernel;

/**
 * Which market data drives a simulated exchange's matching. Data is matched once: a bot that receives ticks (paper
 * trading on a live feed) matches on ticks, and the candles built from those same ticks only feed its strategy;
 * candle replay (open-high-low-close) is for runs where candles are the only data (backtests on candle files).
 * A kernel on a simulated exchange must be told which (see {@link KernelBuilder#matchOn}).
 */
public enum MatchingData {
    TICKS, CANDLES
}
