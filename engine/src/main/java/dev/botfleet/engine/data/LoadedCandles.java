package dev.botfleet.engine.data;

/**
 * The result of loading a candle file.
 *
 * @param series the candles, gaps filled
 * @param format the format the file was read as
 * @param filledCandles how many candles were missing and filled (open = high = low = close = previous close,
 *     volume 0, as Freqtrade does before computing indicators)
 * @param warnings what was accepted but deserves a look (zero or negative prices), each naming the file and place
 */
public record LoadedCandles(CandleSeries series, CandleFormat format, int filledCandles, java.util.List<String> warnings) {
    public LoadedCandles {
        warnings = java.util.List.copyOf(warnings);
    }

    public LoadedCandles(CandleSeries series, CandleFormat format, int filledCandles) {
        this(series, format, filledCandles, java.util.List.of());
    }
}
