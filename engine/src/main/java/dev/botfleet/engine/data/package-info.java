/**
 * Historical candle data: loading files into a columnar {@link dev.botfleet.engine.data.CandleSeries} (the form the
 * backtester walks), and resampling it to larger timeframes.
 *
 * <p>{@link dev.botfleet.engine.data.CandleLoader} reads generic CSV, Binance's kline dumps and Freqtrade's JSON,
 * refuses a bad file whole with a {@link dev.botfleet.engine.data.CandleDataException} naming the file, line or
 * element, and problem, and fills gaps the way Freqtrade does before computing indicators (missing candle: open = high
 * = low = close = previous close, volume 0). One difference from Freqtrade's cleaning: Freqtrade merges rows with a
 * duplicate timestamp (first open, max high, min low, last close, max volume); here a duplicate is refused, since it
 * means the file is not what it claims to be.
 */
package dev.botfleet.engine.data;
