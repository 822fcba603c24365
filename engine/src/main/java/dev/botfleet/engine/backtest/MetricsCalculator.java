package dev.botfleet.engine.backtest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;

/**
 * Computes {@link Metrics} from an equity curve (one point per candle close) and the completed trades. Returns are
 * per candle; annualisation uses 365 days (crypto trades every day) divided by the candle width. The risk-free rate is 0.
 */
public final class MetricsCalculator {
    static final double DAYS_PER_YEAR = 365.0;
    private static final long MILLIS_PER_YEAR = (long) (DAYS_PER_YEAR * 86_400_000L);

    private MetricsCalculator() {
    }

    /**
     * @param startingEquity the account value before the first candle (the curve's reference point)
     * @param candleMillis   the width of one candle, for annualising
     * @param moneyScale     decimals money is rounded to (the quote asset's precision)
     */
    public static Metrics compute(BigDecimal startingEquity, EquityCurve curve, List<BacktestTrade> trades,
                                  long candleMillis, int moneyScale) {
        return compute(startingEquity, null, curve, trades, candleMillis, moneyScale);
    }

    /**
     * @param exactFinalEquity the account's exact value at the end (balances at the last close), which the final
     *                         equity, net profit and total return are taken from; null: the curve's last point
     */
    public static Metrics compute(BigDecimal startingEquity, BigDecimal exactFinalEquity, EquityCurve curve,
                                  List<BacktestTrade> trades, long candleMillis, int moneyScale) {
        double start = startingEquity.doubleValue();
        int n = curve.size();
        double end = exactFinalEquity != null ? exactFinalEquity.doubleValue() : n == 0 ? start : curve.last();
        BigDecimal finalEquity = (exactFinalEquity != null ? exactFinalEquity : BigDecimal.valueOf(end))
                .setScale(moneyScale, RoundingMode.HALF_EVEN);
        double totalReturn = end / start - 1;

        // CAGR over the span the curve covers: from the first candle's open to the last candle's close.
        Double cagr = null;
        if (n > 0) {
            double years = (double) (curve.time()[n - 1] - curve.time()[0] + candleMillis) / MILLIS_PER_YEAR;
            if (years > 0 && end > 0) cagr = Math.pow(end / start, 1 / years) - 1;
            else if (years > 0) cagr = -1.0;
        }

        double peak = start;
        // The lowest equity since the peak: with the peak fixed, (peak - e) / peak only grows as e falls (rounding is
        // monotonic too), so the drawdown is divided out only at a new low, not on each of a million candles.
        double low = start;
        double maxDrawdown = 0;
        int exposedBars = 0;
        // Per-candle simple returns, the first one against the starting equity.
        double previous = start;
        double sum = 0;
        double sumSquares = 0;
        double downsideSquares = 0;
        double[] equity = curve.equity();
        boolean[] exposed = curve.exposed();
        for (int i = 0; i < n; i++) {
            double e = equity[i];
            if (e > peak) {
                peak = e;  // at a new peak the drawdown is 0
                low = e;
            } else if (e < low) {
                low = e;
                if (peak > 0) maxDrawdown = Math.max(maxDrawdown, (peak - e) / peak);
            } else if (Double.isNaN(e)) {
                peak = low = Double.NaN;  // as Math.max(peak, NaN) would: no drawdown is measured after it
            }
            if (exposed[i]) exposedBars++;
            double r = previous == 0 ? 0 : e / previous - 1;
            sum += r;
            sumSquares += r * r;
            // Only losses count; branch-free, as a return's sign is a coin toss while a position is held. min() gives
            // r below 0, else +-0 whose square adds nothing; a NaN return is skipped as "r < 0" skipped it.
            double loss = Math.min(r, 0.0);
            if (Double.isNaN(loss)) loss = 0.0;
            downsideSquares += loss * loss;
            previous = e;
        }
        double periodsPerYear = (double) MILLIS_PER_YEAR / candleMillis;
        Double sharpe = null;
        Double sortino = null;
        if (n >= 2) {
            double mean = sum / n;
            double variance = (sumSquares - n * mean * mean) / (n - 1);  // sample variance
            double stdev = Math.sqrt(Math.max(variance, 0));
            if (stdev > 1e-15) sharpe = mean / stdev * Math.sqrt(periodsPerYear);
            double downside = Math.sqrt(downsideSquares / n);
            if (downside > 1e-15) sortino = mean / downside * Math.sqrt(periodsPerYear);
        }
        Double calmar = cagr != null && maxDrawdown > 0 ? cagr / maxDrawdown : null;

        int count = trades.size();
        BigDecimal grossProfit = BigDecimal.ZERO;
        BigDecimal grossLoss = BigDecimal.ZERO;
        int wins = 0;
        long durationMillis = 0;
        for (BacktestTrade t : trades) {
            if (t.pnl().signum() > 0) {
                wins++;
                grossProfit = grossProfit.add(t.pnl());
            } else {
                grossLoss = grossLoss.add(t.pnl().negate());
            }
            durationMillis += t.duration().toMillis();
        }
        Double winRate = count == 0 ? null : (double) wins / count;
        Double profitFactor = grossLoss.signum() == 0 ? null
                : grossProfit.divide(grossLoss, 12, RoundingMode.HALF_EVEN).doubleValue();
        BigDecimal net = grossProfit.subtract(grossLoss);
        BigDecimal expectancy = count == 0 ? null
                : net.divide(BigDecimal.valueOf(count), moneyScale, RoundingMode.HALF_EVEN);
        Duration averageDuration = count == 0 ? null : Duration.ofMillis(durationMillis / count);
        double exposure = n == 0 ? 0 : (double) exposedBars / n;

        return new Metrics(startingEquity.setScale(moneyScale, RoundingMode.HALF_EVEN), finalEquity,
                finalEquity.subtract(startingEquity.setScale(moneyScale, RoundingMode.HALF_EVEN)), totalReturn, cagr,
                maxDrawdown, sharpe, sortino, calmar, winRate, profitFactor, expectancy, exposure, count,
                averageDuration);
    }
}
