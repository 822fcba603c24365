package dev.botfleet.engine.data;

import java.util.BitSet;
import java.util.List;

/**
 * The result of loading a candle file.
 *
 * @param series the candles, gaps filled
 * @param format the format the file was read as
 * @param filledCandles how many candles were missing and filled (open = high = low = close = previous close,
 *     volume 0, as Freqtrade does before computing indicators)
 * @param warnings what was accepted but deserves a look (zero or negative prices), each naming the file and place
 * @param filledAt which indexes of {@code series} were filled in (not in the file): a caller that trims the series
 *     to a time range can drop filled candles at its edges, as Freqtrade, which trims before it fills, never has them
 */
public record LoadedCandles(CandleSeries series, CandleFormat format, int filledCandles, List<String> warnings,
                            BitSet filledAt) {
    public LoadedCandles {
        warnings = List.copyOf(warnings);
        filledAt = (BitSet) filledAt.clone();
    }

    public LoadedCandles(CandleSeries series, CandleFormat format, int filledCandles) {
        this(series, format, filledCandles, List.of(), new BitSet());
    }

    /** A copy: the record stays immutable. */
    @Override
    public BitSet filledAt() {
        return (BitSet) filledAt.clone();
    }
}
