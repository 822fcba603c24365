package dev.botfleet.ml.features;

import dev.botfleet.ml.candles.CandleWindow;

import java.util.List;

/**
 * Feature set {@code seed-v1}: the features of seed 001's bot (returns, moving averages, volatility, RSI, momentum,
 * volume, buy/sell flow, VWAP, range), each defined exactly in docs/ml.md, computed from the newest 60 closed
 * 1-second candles. Every feature is scale-free (a ratio or a return), so a model does not learn the price level
 * itself. The formulas below are the definition; the docs table mirrors them.
 */
public final class SeedV1Features implements FeatureSet {

    public static final int WINDOW = 60;

    private static final List<String> NAMES = List.of(
            "ret_1", "ret_5", "ret_10", "ret_20", "ret_30",
            "dist_ma_5", "dist_ma_10", "dist_ma_20", "dist_ma_30",
            "ma_5_over_ma_20", "ma_10_over_ma_30",
            "volatility_10", "volatility_30", "volatility_59",
            "rsi_14",
            "momentum_accel_5", "up_ratio_30",
            "volume_ratio_5", "volume_ratio_10",
            "net_flow_10", "net_flow_30", "net_flow_60",
            "vwap_dist_60",
            "range_10", "range_60", "range_position_60");

    @Override
    public String name() { return "seed"; }

    @Override
    public int version() { return 1; }

    @Override
    public List<String> featureNames() { return NAMES; }

    @Override
    public int windowSeconds() { return WINDOW; }

    @Override
    public void compute(CandleWindow w, double[] out) {
        if (w.size() < WINDOW) {
            throw new IllegalStateException("seed-v1 needs " + WINDOW + " closed 1-second candles, has " + w.size());
        }
        if (out.length != NAMES.size()) {
            throw new IllegalArgumentException("seed-v1 writes " + NAMES.size() + " features, out has " + out.length);
        }
        int last = w.size() - 1;
        double close = w.close(last);
        int k = 0;
        out[k++] = ret(w, last, 1);
        out[k++] = ret(w, last, 5);
        out[k++] = ret(w, last, 10);
        out[k++] = ret(w, last, 20);
        out[k++] = ret(w, last, 30);
        double ma5 = meanClose(w, last, 5);
        double ma10 = meanClose(w, last, 10);
        double ma20 = meanClose(w, last, 20);
        double ma30 = meanClose(w, last, 30);
        out[k++] = close / ma5 - 1;
        out[k++] = close / ma10 - 1;
        out[k++] = close / ma20 - 1;
        out[k++] = close / ma30 - 1;
        out[k++] = ma5 / ma20 - 1;
        out[k++] = ma10 / ma30 - 1;
        out[k++] = returnStdDev(w, last, 10);
        out[k++] = returnStdDev(w, last, 30);
        out[k++] = returnStdDev(w, last, WINDOW - 1);
        out[k++] = rsi(w, last, 14);
        out[k++] = ret(w, last, 5) - ret(w, last - 5, 5);
        out[k++] = upRatio(w, last, 30);
        out[k++] = volumeRatio(w, last, 5);
        out[k++] = volumeRatio(w, last, 10);
        out[k++] = netFlow(w, last, 10);
        out[k++] = netFlow(w, last, 30);
        out[k++] = netFlow(w, last, WINDOW);
        out[k++] = vwapDistance(w, last, WINDOW);
        out[k++] = range(w, last, 10) / close;
        out[k++] = range(w, last, WINDOW) / close;
        out[k++] = rangePosition(w, last, WINDOW);
    }

    /** close[t] / close[t-n] - 1. */
    static double ret(CandleWindow w, int t, int n) {
        return w.close(t) / w.close(t - n) - 1;
    }

    /** Mean close of the n candles ending at t. */
    static double meanClose(CandleWindow w, int t, int n) {
        double sum = 0;
        for (int i = t - n + 1; i <= t; i++) sum += w.close(i);
        return sum / n;
    }

    /** Population standard deviation of the n one-second returns ending at t. */
    static double returnStdDev(CandleWindow w, int t, int n) {
        double sum = 0;
        for (int i = t - n + 1; i <= t; i++) sum += ret(w, i, 1);
        double mean = sum / n;
        double squares = 0;
        for (int i = t - n + 1; i <= t; i++) {
            double d = ret(w, i, 1) - mean;
            squares += d * d;
        }
        return Math.sqrt(squares / n);
    }

    /**
     * RSI over the n close-to-close changes ending at t with simple means (Cutler's RSI): the window holds no
     * history before it, so Wilder's smoothing, which depends on everything before, is not used. 50 when flat.
     */
    static double rsi(CandleWindow w, int t, int n) {
        double gains = 0;
        double losses = 0;
        for (int i = t - n + 1; i <= t; i++) {
            double change = w.close(i) - w.close(i - 1);
            if (change > 0) gains += change;
            else losses -= change;
        }
        if (gains == 0 && losses == 0) return 50;
        if (losses == 0) return 100;
        return 100 - 100 / (1 + gains / losses);
    }

    /** Share of the n one-second returns ending at t that are positive. */
    static double upRatio(CandleWindow w, int t, int n) {
        int up = 0;
        for (int i = t - n + 1; i <= t; i++) {
            if (w.close(i) > w.close(i - 1)) up++;
        }
        return (double) up / n;
    }

    /** Mean volume of the last n candles over the mean volume of the whole window; 1 when the window traded nothing. */
    static double volumeRatio(CandleWindow w, int t, int n) {
        double recent = 0;
        for (int i = t - n + 1; i <= t; i++) recent += w.volume(i);
        double all = 0;
        for (int i = t - WINDOW + 1; i <= t; i++) all += w.volume(i);
        if (all == 0) return 1;
        return (recent / n) / (all / WINDOW);
    }

    /** (buy volume - sell volume) / (buy + sell) over the last n candles; 0 without volume. */
    static double netFlow(CandleWindow w, int t, int n) {
        double buy = 0;
        double sell = 0;
        for (int i = t - n + 1; i <= t; i++) {
            buy += w.buyVolume(i);
            sell += w.sellVolume(i);
        }
        double total = buy + sell;
        return total == 0 ? 0 : (buy - sell) / total;
    }

    /** close / VWAP - 1, VWAP = Σ quote volume / Σ volume over the last n candles; 0 without volume. */
    static double vwapDistance(CandleWindow w, int t, int n) {
        double quote = 0;
        double base = 0;
        for (int i = t - n + 1; i <= t; i++) {
            quote += w.quoteVolume(i);
            base += w.volume(i);
        }
        if (base == 0) return 0;
        return w.close(t) / (quote / base) - 1;
    }

    /** Highest high - lowest low of the last n candles. */
    static double range(CandleWindow w, int t, int n) {
        return highest(w, t, n) - lowest(w, t, n);
    }

    /** (close - lowest low) / (highest high - lowest low) over the last n candles; 0.5 when the range is 0. */
    static double rangePosition(CandleWindow w, int t, int n) {
        double lo = lowest(w, t, n);
        double span = highest(w, t, n) - lo;
        return span == 0 ? 0.5 : (w.close(t) - lo) / span;
    }

    private static double highest(CandleWindow w, int t, int n) {
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = t - n + 1; i <= t; i++) hi = Math.max(hi, w.high(i));
        return hi;
    }

    private static double lowest(CandleWindow w, int t, int n) {
        double lo = Double.POSITIVE_INFINITY;
        for (int i = t - n + 1; i <= t; i++) lo = Math.min(lo, w.low(i));
        return lo;
    }
}
