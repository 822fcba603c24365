package dev.botfleet.ml.candles;

/**
 * One second of trades: OHLC, base volume split by aggressor, quote volume (Σ price × quantity, for the VWAP) and
 * the number of trades. A second without trades is a carried candle: open = high = low = close = the previous
 * close, all volumes 0, {@code trades} 0.
 *
 * @param second epoch milliseconds of the second's start (a multiple of 1000)
 */
public record OneSecondCandle(long second, double open, double high, double low, double close,
                              double buyVolume, double sellVolume, double quoteVolume, int trades) {

    public double volume() { return buyVolume + sellVolume; }

    /** The flat candle standing for a second without trades. */
    public static OneSecondCandle carried(long second, double previousClose) {
        return new OneSecondCandle(second, previousClose, previousClose, previousClose, previousClose, 0, 0, 0, 0);
    }

    public boolean isCarried() { return trades == 0; }
}
