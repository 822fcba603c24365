package dev.botfleet.engine.data;

/**
 * The result of loading a candle file.
 *
 * @param series the candles, gaps filled
 * @param format the format the file was read as
 * @param filledCandles how many candles were missing and filled (open = high = low = close = previous close,
 *     volume 0, as Freqtrade does before computing indicators)
 */
public record LoadedCandles(CandleSeries series, CandleFormat format, int filledCandles) {
}
