package dev.botfleet.engine.backtest;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-candle loop of {@link MetricsCalculator} (drawdown divided out only at a new low, losses squared without a
 * branch) gives bit for bit what the plain loop gave: on random curves with flat stretches, ties, zero and negative
 * equity, signed zeros and NaN points.
 */
class MetricsCalculatorLoopTest {
    private static final long MINUTE = 60_000L;

    /** The loop as it was written first: every candle's drawdown divided out, losses summed behind a branch. */
    private record Plain(double maxDrawdown, Double sharpe, Double sortino, double exposure) {
        static Plain of(double start, EquityCurve curve, long candleMillis) {
            int n = curve.size();
            double peak = start;
            double maxDrawdown = 0;
            int exposedBars = 0;
            double previous = start;
            double sum = 0;
            double sumSquares = 0;
            double downsideSquares = 0;
            for (int i = 0; i < n; i++) {
                double e = curve.equity()[i];
                peak = Math.max(peak, e);
                if (peak > 0) maxDrawdown = Math.max(maxDrawdown, (peak - e) / peak);
                if (curve.exposed()[i]) exposedBars++;
                double r = previous == 0 ? 0 : e / previous - 1;
                sum += r;
                sumSquares += r * r;
                if (r < 0) downsideSquares += r * r;
                previous = e;
            }
            double periodsPerYear = (double) (long) (365.0 * 86_400_000L) / candleMillis;
            Double sharpe = null;
            Double sortino = null;
            if (n >= 2) {
                double mean = sum / n;
                double variance = (sumSquares - n * mean * mean) / (n - 1);
                double stdev = Math.sqrt(Math.max(variance, 0));
                if (stdev > 1e-15) sharpe = mean / stdev * Math.sqrt(periodsPerYear);
                double downside = Math.sqrt(downsideSquares / n);
                if (downside > 1e-15) sortino = mean / downside * Math.sqrt(periodsPerYear);
            }
            return new Plain(maxDrawdown, sharpe, sortino, n == 0 ? 0 : (double) exposedBars / n);
        }
    }

    @Test
    void sameFiguresAsThePlainLoopOnRandomCurves() {
        SplittableRandom random = new SplittableRandom(15);
        for (int curveNo = 0; curveNo < 3_000; curveNo++) {
            int n = 1 + random.nextInt(400);
            double start = switch (curveNo % 4) {
                case 0 -> 1_000;
                case 1 -> 0.01 + random.nextDouble();
                case 2 -> 5;  // walks near zero: negative and zero equity
                default -> 1e6;
            };
            long[] time = new long[n];
            double[] equity = new double[n];
            boolean[] exposed = new boolean[n];
            double e = start;
            boolean holding = false;
            for (int i = 0; i < n; i++) {
                if (random.nextInt(20) == 0) holding = !holding;
                if (holding) e += (random.nextDouble() - 0.5) * start * 0.05;
                if (random.nextInt(50) == 0) e = Math.round(e);  // ties with earlier points
                equity[i] = switch (random.nextInt(300)) {
                    case 0 -> 0.0;
                    case 1 -> -0.0;
                    case 2 -> curveNo % 10 == 0 ? Double.NaN : e;
                    default -> e;
                };
                exposed[i] = holding;
                time[i] = (i + 1) * MINUTE;
            }
            EquityCurve curve = new EquityCurve(time, equity, exposed);

            // the exact final equity given: a curve ending on NaN has no figure of its own
            Metrics m = MetricsCalculator.compute(BigDecimal.valueOf(start), BigDecimal.ONE, curve, List.of(), MINUTE, 2);
            Plain plain = Plain.of(start, curve, MINUTE);

            assertThat(new Plain(m.maxDrawdown(), m.sharpe(), m.sortino(), m.exposure()))
                    .as("curve %d", curveNo).isEqualTo(plain);
        }
    }

    @Test
    void aNaNPointEndsTheDrawdownAsBefore() {
        EquityCurve curve = new EquityCurve(new long[]{MINUTE, 2 * MINUTE, 3 * MINUTE, 4 * MINUTE},
                new double[]{90, Double.NaN, 50, 200}, new boolean[]{true, true, true, true});

        Metrics m = MetricsCalculator.compute(new BigDecimal("100"), curve, List.of(), MINUTE, 2);

        assertThat(m.maxDrawdown()).isEqualTo(0.1);  // the 90 counts; nothing after the NaN does (not the 50)
        assertThat(new Plain(m.maxDrawdown(), m.sharpe(), m.sortino(), m.exposure()))
                .isEqualTo(Plain.of(100, curve, MINUTE));
    }
}
