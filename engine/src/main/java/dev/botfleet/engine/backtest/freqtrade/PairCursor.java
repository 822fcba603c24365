package dev.botfleet.engine.backtest.freqtrade;

/**
 * One pair's position in the backtest: which of its rows comes next, and its open trade (one per pair: Freqtrade
 * without position stacking). Rows before {@link #firstRow} are startup candles plus the row lost to the signal shift.
 */
final class PairCursor {

    final PairData data;
    final String pair;
    final ExitPricing exitPricing;
    /** First and last usable row; first > last when the pair has no usable rows. */
    final int firstRow;
    final int lastRow;
    private int next;
    RunningTrade trade;
    /** PortfolioBacktest's bookkeeping: the pair had a row already; it is listed among the open trades' pairs. */
    boolean seen;
    boolean listedFirst;

    PairCursor(PairData data, FreqtradeSettings settings) {
        this.data = data;
        this.pair = data.pair();
        this.exitPricing = new ExitPricing(settings, data.candles().timeframeMinutes());
        // Startup rows are dropped after signals were computed; then the shift by one candle drops one more row.
        this.firstRow = settings.startupCandleCount() + 1;
        this.lastRow = data.candles().size() - 1;
        this.next = firstRow;
    }

    /** True when the trimmed data (before the shift drops its first row) is not empty: it counts for min/max date. */
    boolean hasTrimmedRows() {
        return firstRow - 1 <= lastRow;
    }

    /** Open time of the first row after the startup trim (Freqtrade's per-pair min date). */
    long trimmedStart() {
        return data.candles().openTime()[firstRow - 1];
    }

    long lastTime() {
        return data.candles().openTime()[lastRow];
    }

    /**
     * Freqtrade's {@code validate_row}: the next row if its time has come ({@code row.date <= now}), consuming it;
     * null when the pair's data starts later or has ended.
     */
    Row nextRow(long now) {
        if (next > lastRow || data.candles().openTime()[next] > now) {
            return null;
        }
        return row(next++);
    }

    Row lastRowData() {
        return row(lastRow);
    }

    Row row(int i) {
        CandleColumns c = data.candles();
        return new Row(i, c.openTime()[i], c.open()[i], c.high()[i], c.low()[i], c.close()[i]);
    }
}
