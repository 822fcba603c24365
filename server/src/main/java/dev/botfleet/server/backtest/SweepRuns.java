package dev.botfleet.server.backtest;

import dev.botfleet.engine.backtest.BacktestProgress;
import dev.botfleet.engine.backtest.Metrics;
import dev.botfleet.engine.backtest.Sweep;
import dev.botfleet.engine.backtest.WalkForward;
import dev.botfleet.engine.data.CandleSeries;
import dev.botfleet.engine.strategy.definition.StrategyConfig;
import dev.botfleet.server.common.Decimals;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs a {@link SweepPlan} on the engine's {@link Sweep} / {@link WalkForward} and shapes the report. The command
 * line's sweep.json and the REST run's result are built here, so both show the same numbers for the same inputs.
 */
public final class SweepRuns {
    /** How many ranked combinations a REST run keeps (the command line's sweep.json keeps all). */
    public static final int TOP = 50;

    private SweepRuns() {
    }

    /** What a stored run's request shows of its sweep: the ranges as given, the rest after defaults. */
    static Map<String, Object> stored(SweepPlan plan, tools.jackson.databind.JsonNode given) {
        Map<String, Object> sweep = new LinkedHashMap<>();
        sweep.put("ranges", given.get("ranges"));
        sweep.put("search", plan.search());
        sweep.put("combinations", plan.combinations().size());
        if (given.has("seed")) sweep.put("seed", given.get("seed"));
        sweep.put("metric", plan.metric().id());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sweep", sweep);
        if (plan.walkForward() != null) {
            m.put("walkForward", Map.of("folds", plan.walkForward().folds(), "inSample", plan.walkForward().inSample()));
        }
        return m;
    }

    /** The engine's answers and the report made of them. */
    public record Outcome(Map<String, Object> report, List<Sweep.Entry> ranked, List<WalkForward.Fold> folds) {
    }

    /**
     * @param threads   worker threads of the sweep (the ranking does not depend on them)
     * @param top       how many ranked combinations the report keeps (the best first)
     * @param paramName how a refused combination names its parameter ("--sweep " on the command line)
     */
    public static Outcome run(BacktestJob job, SweepPlan plan, int threads, int top, String paramName,
                              BacktestProgress progress) {
        Sweep sweep = new Sweep(job.spec(), configs(job, paramName), plan.metric(), threads);
        if (plan.walkForward() == null) {
            List<Sweep.Entry> ranked = sweep.run(plan.combinations(), progress);
            return new Outcome(rankedReport(job, plan, ranked, top), ranked, null);
        }
        List<WalkForward.Fold> folds = walkForward(sweep, plan).run(job.spec(), plan.combinations(), progress);
        return new Outcome(walkForwardReport(job, plan, folds), null, folds);
    }

    /** The engine's walk-forward of a plan that has one, choosing with {@code sweep}. */
    static WalkForward walkForward(Sweep sweep, SweepPlan plan) {
        return new WalkForward(sweep, plan.walkForward().folds(), plan.walkForward().inSample());
    }

    /**
     * A walk-forward's report from its folds. A walk-forward spread over cluster nodes (ClusterWalkForwards) makes
     * its folds with the engine's steps and reports them here, so its report is the one a single node would have made.
     */
    static Map<String, Object> walkForwardReport(BacktestJob job, SweepPlan plan, List<WalkForward.Fold> folds) {
        Map<String, Object> report = header(job, plan);
        CandleSeries candles = job.candles();
        report.put("inSampleShare", plan.walkForward().inSample());
        report.put("walkForward", folds.stream().map(fold -> foldView(fold, candles)).toList());
        report.put("outOfSample", outOfSample(folds, candles));
        return report;
    }

    /**
     * A plain sweep's report from its ranking. A sweep spread over cluster nodes (ClusterSweeps) ranks the merged
     * results with {@link #rank} and reports them here, so its report is the one a single node would have made.
     */
    static Map<String, Object> rankedReport(BacktestJob job, SweepPlan plan, List<Sweep.Entry> ranked, int top) {
        Map<String, Object> report = header(job, plan);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < Math.min(top, ranked.size()); i++) {
            rows.add(Map.of("rank", i + 1, "params", ranked.get(i).params(),
                    "metrics", BacktestReport.MetricsView.of(ranked.get(i).metrics())));
        }
        report.put("ranked", rows);
        return report;
    }

    /** Best first, ties in the combinations' order: the engine's {@link Sweep} ranking (a stable sort). */
    static List<Sweep.Entry> rank(SweepPlan plan, List<Sweep.Entry> inPlanOrder) {
        List<Sweep.Entry> ranked = new ArrayList<>(inPlanOrder);
        ranked.sort(java.util.Comparator.comparing(Sweep.Entry::metrics, plan.metric().ranking()));
        return ranked;
    }

    private static Map<String, Object> header(BacktestJob job, SweepPlan plan) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("strategy", job.strategy().name());
        report.put("symbol", job.symbol());
        report.put("metric", plan.metric().id());
        report.put("search", plan.search());
        report.put("combinations", plan.combinations().size());
        return report;
    }

    /** Swept values over the run's own parameters, validated into a config; a refusal names the parameter. */
    static Function<Map<String, Object>, StrategyConfig> configs(BacktestJob job, String paramName) {
        return swept -> {
            Map<String, Object> merged = new LinkedHashMap<>(job.params());
            merged.putAll(swept);
            try {
                return job.strategy().configure(merged);
            } catch (StrategySource.InvalidParameters e) {
                throw new IllegalArgumentException(paramName + e.getMessage() + " (combination " + swept + ")", e);
            }
        };
    }

    private static Map<String, Object> foldView(WalkForward.Fold f, CandleSeries candles) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("fold", f.index());
        m.put("best", f.best());
        m.put("inSample", window(f.inSampleFrom(), f.inSampleTo(), f.inSample(), candles));
        m.put("outOfSample", window(f.outOfSampleFrom(), f.outOfSampleTo(), f.outOfSample(), candles));
        return m;
    }

    /** Candle positions ({@code to} exclusive) and the times they cover: from the first open to the last close. */
    private static Map<String, Object> window(int from, int to, Metrics metrics, CandleSeries candles) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("from", from);
        m.put("to", to);
        m.put("fromTime", Instant.ofEpochMilli(candles.openTime(from)));
        m.put("toTime", Instant.ofEpochMilli(candles.closeTime(to - 1)));
        m.put("metrics", BacktestReport.MetricsView.of(metrics));
        return m;
    }

    /**
     * The out-of-sample parts together. Each fold's part starts again from the starting balance, so its net profits
     * add up exactly; the equity line chains them instead (each part growing the previous part's final equity by its
     * own return), the picture of trading the chosen combinations one after the other.
     */
    private static Map<String, Object> outOfSample(List<WalkForward.Fold> folds, CandleSeries candles) {
        BigDecimal netProfit = BigDecimal.ZERO;
        int trades = 0;
        int profitable = 0;
        BigDecimal start = folds.getFirst().outOfSample().startingEquity();
        BigDecimal equity = start;
        List<Map<String, Object>> line = new ArrayList<>();
        line.add(Map.of("time", Instant.ofEpochMilli(candles.openTime(folds.getFirst().outOfSampleFrom())),
                "equity", Decimals.format(equity)));
        for (WalkForward.Fold f : folds) {
            Metrics m = f.outOfSample();
            netProfit = netProfit.add(m.netProfit());
            trades += m.trades();
            if (m.netProfit().signum() > 0) profitable++;
            BigDecimal growth = m.finalEquity().divide(m.startingEquity(), MathContext.DECIMAL64);
            equity = equity.multiply(growth, MathContext.DECIMAL64);
            line.add(Map.of("time", Instant.ofEpochMilli(candles.closeTime(f.outOfSampleTo() - 1)),
                    "equity", Decimals.format(equity)));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("folds", folds.size());
        m.put("profitableFolds", profitable);
        m.put("trades", trades);
        m.put("netProfit", Decimals.format(netProfit));
        m.put("startingEquity", Decimals.format(start));
        m.put("chainedFinalEquity", Decimals.format(equity));
        m.put("chainedReturn", equity.divide(start, MathContext.DECIMAL64).subtract(BigDecimal.ONE).doubleValue());
        m.put("equity", line);
        return m;
    }
}
