package dev.botfleet.engine.backtest.analysis;

/** One signal candle: its index in the analysed candles and its open time (epoch ms). */
public record SignalRef(int candle, long openTime) {
}
