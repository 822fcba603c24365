package dev.botfleet.engine.backtest.optimize;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A one-dimensional Parzen density on [low, high]: an equal-weight mixture of Gaussians truncated to the bounds, one
 * centred on each observation plus a wide prior centred mid-range (so a region never seen keeps some density).
 * Each kernel's width is the larger gap to its sorted neighbours, clipped to [range / min(100, n + 1), range] —
 * the rule of Bergstra's hyperopt and Optuna — so clustered observations give narrow kernels.
 */
final class ParzenEstimator {
    // StrictMath throughout: the same bits on every machine, so a checkpoint written on one resumes on another
    private final double low;
    private final double high;
    private final double[] mus;
    private final double[] sigmas;
    private final double[] logScales;       // per kernel: log(sigma * sqrt(2 pi) * mass inside [low, high])
    private final double[] scratch;         // per-kernel log terms of one logDensity call (one thread per estimator)

    ParzenEstimator(double[] observations, double low, double high) {
        this.low = low;
        this.high = high;
        double range = high - low;
        int n = observations.length;
        mus = new double[n + 1];
        sigmas = new double[n + 1];
        double[] sorted = observations.clone();
        Arrays.sort(sorted);
        double minSigma = range / Math.min(100.0, n + 1.0);
        for (int i = 0; i < n; i++) {
            double left = sorted[i] - (i == 0 ? low : sorted[i - 1]);
            double right = (i == n - 1 ? high : sorted[i + 1]) - sorted[i];
            mus[i] = sorted[i];
            sigmas[i] = Math.clamp(Math.max(left, right), minSigma, range);
        }
        mus[n] = (low + high) / 2;
        sigmas[n] = range;
        logScales = new double[n + 1];
        scratch = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            double mass = phi((high - mus[i]) / sigmas[i]) - phi((low - mus[i]) / sigmas[i]);
            logScales[i] = StrictMath.log(sigmas[i]) + 0.5 * StrictMath.log(2 * Math.PI) + StrictMath.log(Math.max(mass, 1e-12));
        }
    }

    /** A draw from the mixture: pick a kernel, draw until inside the bounds (uniform after 100 misses). */
    double sample(SplittableRandom random) {
        int k = random.nextInt(mus.length);
        for (int attempt = 0; attempt < 100; attempt++) {
            double x = mus[k] + sigmas[k] * random.nextGaussian();
            if (x >= low && x <= high) return x;
        }
        return low + random.nextDouble() * (high - low);
    }

    /**
     * Log density at x, by log-sum-exp over the kernels so far tails do not underflow to log 0. Kernels more than
     * e^-40 below the largest term are skipped: they cannot change the sum in double precision, and with
     * hundreds of observations most kernels are that far away (this is where a run's sampling time goes).
     */
    double logDensity(double x) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < mus.length; i++) {
            double z = (x - mus[i]) / sigmas[i];
            scratch[i] = -0.5 * z * z - logScales[i];
            if (scratch[i] > max) max = scratch[i];
        }
        double sum = 0;
        for (double t : scratch) if (t > max - 40) sum += StrictMath.exp(t - max);
        return max + StrictMath.log(sum / mus.length);
    }

    /** Standard normal CDF via erf (Abramowitz & Stegun 7.1.26, absolute error below 1.5e-7: ample for weights). */
    static double phi(double z) {
        double x = Math.abs(z) / Math.sqrt(2);
        double t = 1 / (1 + 0.3275911 * x);
        double erf = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592)
                * t * StrictMath.exp(-x * x);
        return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
    }
}
