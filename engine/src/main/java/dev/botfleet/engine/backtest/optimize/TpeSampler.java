package dev.botfleet.engine.backtest.optimize;

import dev.botfleet.engine.backtest.optimize.Dimension.CategoricalDim;
import dev.botfleet.engine.backtest.optimize.Dimension.IntDim;
import dev.botfleet.engine.backtest.optimize.Dimension.RealDim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Tree-structured Parzen Estimator (Bergstra et al. 2011), each dimension independently as Optuna's default:
 * the first {@code startupTrials} are random; then the history is split at the {@code gamma} quantile of the loss
 * into good (lowest losses) and bad, each dimension gets a density l(x) from the good values and g(x) from the bad,
 * {@code candidates} values are drawn from l and the one with the largest l(x)/g(x) is proposed.
 * Integer and decimal dimensions are searched as reals on [lo - half a step, hi + half a step] and rounded.
 */
public final class TpeSampler implements Sampler {
    private final int startupTrials;
    private final int candidates;
    private final double gamma;

    public TpeSampler(int startupTrials, int candidates, double gamma) {
        if (startupTrials < 2) throw new IllegalArgumentException("startupTrials must be at least 2, got " + startupTrials);
        if (candidates < 1) throw new IllegalArgumentException("candidates must be at least 1, got " + candidates);
        if (!(gamma > 0 && gamma < 1)) throw new IllegalArgumentException("gamma must be between 0 and 1, got " + gamma);
        this.startupTrials = startupTrials;
        this.candidates = candidates;
        this.gamma = gamma;
    }

    /** 10 random trials, 24 candidates, the best 10% are "good" (Optuna's defaults, without its cap of 25). */
    public TpeSampler() { this(10, 24, 0.1); }

    @Override
    public Optional<Map<String, Object>> propose(List<Dimension> space, int index, List<Trial> history, long seed) {
        SplittableRandom random = Sampler.randomFor(seed, index);
        if (history.size() < startupTrials) return Optional.of(RandomSampler.draw(space, random));
        List<Trial> ranked = new ArrayList<>(history);
        ranked.sort(Trial.BEST_FIRST);
        int goodCount = Math.min(ranked.size() - 1, Math.max(1, (int) Math.ceil(gamma * ranked.size())));
        List<Trial> good = ranked.subList(0, goodCount);
        List<Trial> bad = ranked.subList(goodCount, ranked.size());
        Map<String, Object> params = new LinkedHashMap<>();
        for (Dimension d : space) {
            params.put(d.name(), d instanceof CategoricalDim c ? pickCategory(c, good, bad, random) : pickNumber(d, good, bad, random));
        }
        return Optional.of(params);
    }

    private Object pickNumber(Dimension d, List<Trial> good, List<Trial> bad, SplittableRandom random) {
        double[] bounds = searchBounds(d);
        if (bounds[0] == bounds[1]) return fromSearchValue(d, bounds[0]);
        ParzenEstimator l = new ParzenEstimator(searchValues(d, good), bounds[0], bounds[1]);
        ParzenEstimator g = new ParzenEstimator(searchValues(d, bad), bounds[0], bounds[1]);
        double bestX = Double.NaN, bestScore = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < candidates; c++) {
            double x = snap(d, l.sample(random));
            double score = l.logDensity(x) - g.logDensity(x);
            if (score > bestScore || Double.isNaN(bestX)) { bestScore = score; bestX = x; }
        }
        return fromSearchValue(d, bestX);
    }

    private Object pickCategory(CategoricalDim d, List<Trial> good, List<Trial> bad, SplittableRandom random) {
        double[] l = categoryWeights(d, good), g = categoryWeights(d, bad);
        int best = -1;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < candidates; c++) {
            int k = drawIndex(l, random);
            double score = StrictMath.log(l[k]) - StrictMath.log(g[k]);
            if (score > bestScore || best < 0) { bestScore = score; best = k; }
        }
        return d.values().get(best);
    }

    /** Smoothed frequencies: each value's count plus a prior of one observation spread evenly, normalised. */
    private static double[] categoryWeights(CategoricalDim d, List<Trial> trials) {
        int k = d.values().size();
        double[] w = new double[k];
        java.util.Arrays.fill(w, 1.0 / k);
        for (Trial t : trials) {
            int i = d.values().indexOf(t.params().get(d.name()));
            if (i >= 0) w[i] += 1;
        }
        double total = trials.size() + 1.0;
        for (int i = 0; i < k; i++) w[i] /= total;
        return w;
    }

    private static int drawIndex(double[] weights, SplittableRandom random) {
        double u = random.nextDouble(), acc = 0;
        for (int i = 0; i < weights.length; i++) {
            acc += weights[i];
            if (u < acc) return i;
        }
        return weights.length - 1;
    }

    /** The real interval searched: integer steps widened by half a step so the end values get a fair share. */
    private static double[] searchBounds(Dimension d) {
        return switch (d) {
            case IntDim i -> i.lo() == i.hi() ? new double[]{i.lo(), i.lo()} : new double[]{i.lo() - 0.5, i.hi() + 0.5};
            case RealDim r when r.discrete() -> r.lowStep() == r.highStep()
                    ? new double[]{r.lowStep(), r.lowStep()} : new double[]{r.lowStep() - 0.5, r.highStep() + 0.5};
            case RealDim r -> new double[]{r.lo(), r.hi()};
            case CategoricalDim c -> throw new IllegalStateException("categorical " + c.name() + " has no bounds");
        };
    }

    /** Rounds to the nearest value the dimension can take (in search units), inside its range. */
    private static double snap(Dimension d, double x) {
        return switch (d) {
            case IntDim i -> Math.clamp(Math.round(x), i.lo(), i.hi());
            case RealDim r when r.discrete() -> Math.clamp(Math.round(x), r.lowStep(), r.highStep());
            default -> x;
        };
    }

    private static double[] searchValues(Dimension d, List<Trial> trials) {
        double[] values = new double[trials.size()];
        for (int i = 0; i < values.length; i++) {
            double v = ((Number) trials.get(i).params().get(d.name())).doubleValue();
            values[i] = d instanceof RealDim r && r.discrete() ? Math.round(v * r.scale()) : v;
        }
        return values;
    }

    private static Object fromSearchValue(Dimension d, double x) {
        return switch (d) {
            case IntDim i -> (int) x;
            case RealDim r when r.discrete() -> r.valueOfStep((long) x);
            case RealDim r -> x;
            case CategoricalDim c -> throw new IllegalStateException("categorical " + c.name());
        };
    }

    @Override
    public String describe() { return "tpe(startup=" + startupTrials + ",candidates=" + candidates + ",gamma=" + gamma + ")"; }
}
