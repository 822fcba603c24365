package dev.botfleet.engine.backtest.freqtrade;

import java.util.Arrays;

/**
 * {@code --timeframe-detail} as Freqtrade 2024.10 runs it (semantics §2.8): a main candle of a pair that has an entry
 * signal or an open trade is replayed as its detail candles {@code [t, t + timeframe)}, each carrying the main
 * candle's signals, with the time advancing by the detail timeframe. Entries only on the first detail candle; fills,
 * timeouts, exits and callbacks on every one. Without detail candles for that main candle the main candle is used.
 * Pairs still take turns per main candle (they are not interleaved detail candle by detail candle).
 */
final class DetailCandles {

    private DetailCandles() {
    }

    /** One visit of {@code cursor}'s main {@code row}; {@code canEnter} is false on the backtest's last step. */
    static void visit(PairStep step, PairCursor cursor, Row row, boolean canEnter) {
        int s = row.index() - 1;
        CandleColumns detail = cursor.data.detail();
        if (detail == null || (cursor.trade == null && step.entryDirection(cursor.data.signals(), s) == null)) {
            step.step(cursor, row, s, canEnter);
            return;
        }
        long end = row.time() + cursor.data.candles().timeframe().toMillis();
        int i = firstAtOrAfter(detail.openTime(), row.time());
        if (i >= detail.size() || detail.openTime()[i] >= end) {
            step.step(cursor, row, s, canEnter); // no detail data for this candle
            return;
        }
        long now = row.time();
        long detailStep = detail.timeframe().toMillis();
        boolean first = true;
        for (; i < detail.size() && detail.openTime()[i] < end; i++) {
            // Freqtrade's clock for detail candles starts at the main candle and adds one detail timeframe per row.
            Row detailRow = new Row(row.index(), now, detail.open()[i], detail.high()[i], detail.low()[i],
                    detail.close()[i]);
            step.step(cursor, detailRow, s, first && canEnter);
            now += detailStep;
            first = false;
        }
    }

    private static int firstAtOrAfter(long[] times, long time) {
        int found = Arrays.binarySearch(times, time);
        return found >= 0 ? found : -found - 1;
    }
}
