package dev.botfleet.engine.backtest.freqtrade;

import java.time.Duration;

/** Test fixture: hourly candles from {open, high, low, close} rows, and signal columns marked by row index. */
final class Bars {

    static final long T0 = 1_700_000_000_000L - 1_700_000_000_000L % 3_600_000L;
    static final long HOUR = 3_600_000L;

    private Bars() {
    }

    static long at(int row) {
        return T0 + row * HOUR;
    }

    static CandleColumns hourly(double[]... ohlc) {
        int n = ohlc.length;
        long[] t = new long[n];
        double[] o = new double[n];
        double[] h = new double[n];
        double[] l = new double[n];
        double[] c = new double[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = at(i);
            o[i] = ohlc[i][0];
            h[i] = ohlc[i][1];
            l[i] = ohlc[i][2];
            c[i] = ohlc[i][3];
            v[i] = 1;
        }
        return new CandleColumns(t, o, h, l, c, v, Duration.ofHours(1));
    }

    static double[] bar(double open, double high, double low, double close) {
        return new double[] {open, high, low, close};
    }

    /** A flat candle at {@code price}. */
    static double[] flat(double price) {
        return bar(price, price, price, price);
    }

    static boolean[] rows(int n, int... marked) {
        boolean[] column = new boolean[n];
        for (int i : marked) {
            column[i] = true;
        }
        return column;
    }

    static SignalColumns longSignals(int n, int[] enter, int[] exit) {
        return SignalColumns.longOnly(rows(n, enter), rows(n, exit));
    }

    static FreqtradeSettings.Builder spot() {
        return FreqtradeSettings.builder().stakeAmount(100).startingBalance(1000).fee(0.0).stoploss(-0.10);
    }
}
