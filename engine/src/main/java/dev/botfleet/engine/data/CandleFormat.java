package dev.botfleet.engine.data;

import java.util.Locale;

/** The candle file formats the loaders read. */
public enum CandleFormat {
    /** {@code timestamp,open,high,low,close,volume}; header optional; epoch s/ms or ISO-8601 timestamps. */
    CSV,
    /** Binance's public kline dumps (data.binance.vision): 12 columns, no header, open time in ms or µs. */
    BINANCE,
    /** Freqtrade's JSON: {@code [[open_time_ms, open, high, low, close, volume], ...]}. */
    FREQTRADE_JSON;

    /** By extension first (.json), then by content: a leading '[' is JSON, 12 columns without header Binance. */
    public static CandleFormat detect(String fileName, String content) {
        if (fileName.toLowerCase(Locale.ROOT).endsWith(".json")) {
            return FREQTRADE_JSON;
        }
        for (int i = 0; i < content.length(); i++) {
            char ch = content.charAt(i);
            if (ch == '[') {
                return FREQTRADE_JSON;
            }
            if (ch > ' ' && ch != '\uFEFF') {
                break;
            }
        }
        return CsvCandleParser.looksLikeBinance(content) ? BINANCE : CSV;
    }
}
