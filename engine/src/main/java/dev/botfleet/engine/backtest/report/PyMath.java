package dev.botfleet.engine.backtest.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;

/**
 * The float arithmetic Freqtrade's report gets from numpy, pandas and bottleneck, reproduced so the last bits agree:
 * numpy (and pandas' sum and mean) sums with 8-way pairwise summation, not left to right; pandas' standard deviation
 * goes to bottleneck, which sums left to right; Python's {@code round(x, n)} rounds the exact binary value half-even
 * while numpy's round scales first.
 */
final class PyMath {

    /** numpy's PW_BLOCKSIZE: blocks up to this size are summed with 8 accumulators. */
    private static final int PAIRWISE_BLOCK = 128;

    private PyMath() {
    }

    /** {@code numpy.sum} / {@code Series.sum()} of a float64 array (0.0 for none). */
    static double sum(double[] values) {
        return 0.0 + pairwiseSum(values, 0, values.length);
    }

    private static double pairwiseSum(double[] a, int from, int n) {
        if (n < 8) {
            double res = -0.0; // numpy starts at -0 so a sum of -0s stays -0
            for (int i = 0; i < n; i++) {
                res += a[from + i];
            }
            return res;
        }
        if (n <= PAIRWISE_BLOCK) {
            double[] r = new double[8];
            System.arraycopy(a, from, r, 0, 8);
            int i = 8;
            for (; i < n - (n % 8); i += 8) {
                for (int j = 0; j < 8; j++) {
                    r[j] += a[from + i + j];
                }
            }
            double res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
            for (; i < n; i++) {
                res += a[from + i];
            }
            return res;
        }
        int half = n / 2;
        half -= half % 8;
        return pairwiseSum(a, from, half) + pairwiseSum(a, from + half, n - half);
    }

    /** {@code Series.mean()}: sum / count; null for no values (pandas gives NaN). */
    static Double mean(double[] values) {
        return values.length == 0 ? null : sum(values) / values.length;
    }

    /** {@code Series.median()}: the middle value, or the mean of the two middle values; null for none. */
    static Double median(double[] values) {
        if (values.length == 0) {
            return null;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /**
     * pandas' standard deviation with {@code ddof} (np.std on a Series is ddof 0, Series.std() is ddof 1). pandas
     * hands it to bottleneck (a Freqtrade requirement), which sums LEFT TO RIGHT, unlike numpy:
     * mean = Σx / n, then sqrt(Σ(x − mean)² / (n − ddof)). Null when n − ddof ≤ 0 (pandas gives NaN).
     */
    static Double std(double[] values, int ddof) {
        int n = values.length;
        if (n - ddof <= 0) {
            return null;
        }
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        double mean = sum / n;
        double squares = 0;
        for (double v : values) {
            double d = v - mean;
            squares += d * d;
        }
        return Math.sqrt(squares / (n - ddof));
    }

    /**
     * numpy's {@code round(x, digits)} (what {@code round()} does to a numpy float, e.g. a pandas sum or mean):
     * x × 10^digits rounded half-even to an integer, divided by 10^digits. Unlike Python's float round this can
     * differ from rounding the exact binary value (numpy rounds 2.675 to 2.68, Python to 2.67).
     */
    static double numpyRound(double value, int digits) {
        double factor = Math.pow(10, digits);
        return Math.rint(value * factor) / factor;
    }

    /** Python's {@code round(x, digits)} on a Python float: the exact binary value rounded half-even. */
    static double round(double value, int digits) {
        if (!Double.isFinite(value)) {
            return value;
        }
        return new BigDecimal(value).setScale(digits, RoundingMode.HALF_EVEN).doubleValue();
    }

    /** Python's {@code round(x)} to an integer (half-even). */
    static long roundToLong(double value) {
        return new BigDecimal(value).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
    }

    /**
     * Python's {@code str(timedelta(minutes=m))}: "H:MM:SS", with "N day(s), " in front from one day on
     * ("1 day, 2:03:00", "-1 day, 23:59:00" for −1 minute).
     */
    static String timedelta(long minutes) {
        long days = Math.floorDiv(minutes, 1440);
        long rest = Math.floorMod(minutes, 1440);
        String clock = String.format("%d:%02d:00", rest / 60, rest % 60);
        if (days == 0) {
            return clock;
        }
        return days + (Math.abs(days) == 1 ? " day, " : " days, ") + clock;
    }

    /** The exact decimal of a double's shortest form, as Freqtrade's JSON writes floats. */
    static BigDecimal exact(double value) {
        return new BigDecimal(Double.toString(value));
    }
}
