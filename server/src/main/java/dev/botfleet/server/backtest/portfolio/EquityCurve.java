package dev.botfleet.server.backtest.portfolio;

import dev.botfleet.engine.backtest.freqtrade.FreqtradeTrade;

import java.util.List;
import java.util.Map;

/**
 * The wallet over time, for charts: at each candle of the backtest range, the starting wallet plus the profit of the
 * trades closed by then, plus every open trade marked at its pair's close (entry fee paid, exit fee not yet), and the
 * drawdown from the running peak of that value.
 *
 * @param time        candle open times, epoch ms, one timeframe apart
 * @param equity      the value at that candle's close
 * @param drawdown    equity / running peak - 1 (0 or negative)
 * @param drawdownAbs equity - running peak (0 or negative)
 */
public record EquityCurve(long[] time, double[] equity, double[] drawdown, double[] drawdownAbs) {

    /** A pair's closes from {@code firstTime} on, one per timeframe. */
    public record Closes(long firstTime, double[] close) {
        double at(long t, long step) {
            int i = (int) Math.floorDiv(t - firstTime, step);
            return close[Math.max(0, Math.min(close.length - 1, i))];
        }
    }

    static EquityCurve of(long start, long end, long step, double wallet, List<FreqtradeTrade> trades,
                          Map<String, Closes> closes) {
        int n = (int) ((end - start) / step) + 1;
        long[] time = new long[n];
        double[] equity = new double[n];
        for (int i = 0; i < n; i++) {
            time[i] = start + i * step;
            equity[i] = wallet;
        }
        for (FreqtradeTrade t : trades) {
            int open = index(t.openTime(), start, step, n);
            int close = index(t.closeTime(), start, step, n);
            // realized from the candle the exit filled on; marked at the close while open before that
            for (int i = close; i < n; i++) equity[i] += t.profitAbs().doubleValue();
            Closes c = closes.get(t.pair());
            double amount = t.amount().doubleValue();
            double rate = t.openRate().doubleValue();
            for (int i = open; i < close; i++) {
                double move = c.at(time[i], step) - rate;
                equity[i] += (t.isShort() ? -move : move) * amount - t.feeOpen().doubleValue();
            }
        }
        double[] dd = new double[n];
        double[] ddAbs = new double[n];
        double peak = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            peak = Math.max(peak, equity[i]);
            ddAbs[i] = equity[i] - peak;
            dd[i] = peak > 0 ? equity[i] / peak - 1 : 0;
        }
        return new EquityCurve(time, equity, dd, ddAbs);
    }

    private static int index(long t, long start, long step, int n) {
        return (int) Math.max(0, Math.min(n, Math.floorDiv(t - start, step)));
    }
}
