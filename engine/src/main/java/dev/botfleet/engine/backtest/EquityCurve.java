package dev.botfleet.engine.backtest;

import java.util.Arrays;

/**
 * Account value in the quote asset at each candle's close (cash plus the position marked at the close). Kept as
 * {@code double} because it is a per-candle market-data derived series; reported money comes from exact balances.
 *
 * @param time    epoch milliseconds of each candle's close
 * @param equity  account value at that time
 * @param exposed whether a position was held at that close
 */
public record EquityCurve(long[] time, double[] equity, boolean[] exposed) {

    public EquityCurve {
        if (time.length != equity.length || time.length != exposed.length) {
            throw new IllegalArgumentException("equity curve columns differ in length");
        }
    }

    public int size() { return time.length; }

    public double first() { return equity[0]; }

    public double last() { return equity[equity.length - 1]; }

    /**
     * At most {@code maxPoints} points for charts: every k-th point plus the last, and within each bucket the lowest
     * value is kept so that drawdowns stay visible.
     */
    public EquityCurve downsample(int maxPoints) {
        int n = size();
        if (n <= maxPoints) return this;
        int step = (n + maxPoints - 1) / maxPoints;
        int m = (n + step - 1) / step;
        long[] t = new long[m];
        double[] e = new double[m];
        boolean[] x = new boolean[m];
        for (int b = 0; b < m; b++) {
            int from = b * step;
            int to = Math.min(n, from + step);
            int pick = b == m - 1 ? n - 1 : from;
            for (int i = from; i < to && b != m - 1; i++) {
                if (equity[i] < equity[pick]) pick = i;
            }
            t[b] = time[pick];
            e[b] = equity[pick];
            x[b] = exposed[pick];
        }
        return new EquityCurve(t, e, x);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EquityCurve c && Arrays.equals(time, c.time) && Arrays.equals(equity, c.equity)
                && Arrays.equals(exposed, c.exposed);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(time) + Arrays.hashCode(equity);
    }

    @Override
    public String toString() {
        return "EquityCurve[" + size() + " points]";
    }
}
