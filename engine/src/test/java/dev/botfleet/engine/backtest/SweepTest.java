package dev.botfleet.engine.backtest;

import dev.botfleet.engine.data.CandleSeries;
import dev.botfleet.engine.strategy.definition.StrategyConfig;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SweepTest {
    private static final CandleSeries ADA = Fixtures.candles("ADA_BTC-5m.json");
    private static final BacktestSpec BASE = new BacktestSpec("rsi-test", RsiTestStrategy.FACTORY,
            RsiTestStrategy.config(14, 30, 70, "0.5"), Fixtures.ADA_BTC, ADA, FillModel.REALISTIC, BigDecimal.ONE, 0, -1);
    private static final Function<Map<String, Object>, StrategyConfig> CONFIGS = p -> {
        long lower = ((Number) p.get("lower")).longValue();
        if (lower >= 50) throw new IllegalArgumentException("lower: must be below 50");
        return RsiTestStrategy.config(((Number) p.get("period")).intValue(), (int) lower, 70, "0.5");
    };

    private static ParameterSpace space() {
        return new ParameterSpace().values("period", List.of(7, 14, 21))
                .range("lower", new BigDecimal("20"), new BigDecimal("35"), new BigDecimal("5"));
    }

    @Test
    void gridIsEveryCombinationInOrder() {
        List<Map<String, Object>> grid = space().grid();

        assertThat(grid).hasSize(12);
        assertThat(grid.get(0)).containsExactly(Map.entry("period", 7), Map.entry("lower", 20L));
        assertThat(grid.get(1)).containsExactly(Map.entry("period", 7), Map.entry("lower", 25L));
        assertThat(grid.get(11)).containsExactly(Map.entry("period", 21), Map.entry("lower", 35L));
    }

    @Test
    void randomSearchIsSeededAndDistinct() {
        List<Map<String, Object>> a = space().random(5, 42);

        assertThat(a).hasSize(5).doesNotHaveDuplicates();
        assertThat(space().random(5, 42)).isEqualTo(a);
        assertThat(space().random(5, 43)).isNotEqualTo(a);
        assertThat(space().random(50, 1)).hasSize(12);
    }

    @Test
    void rankingIsBestFirstAndTheSameOnOneOrManyThreads() {
        List<Map<String, Object>> grid = space().grid();
        AtomicLong progress = new AtomicLong();

        List<Sweep.Entry> parallel = new Sweep(BASE, CONFIGS, Metric.SHARPE, 4).run(grid, (d, t) -> progress.set(d));
        List<Sweep.Entry> serial = new Sweep(BASE, CONFIGS, Metric.SHARPE, 1).run(grid, BacktestProgress.NONE);

        assertThat(parallel).isEqualTo(serial).hasSize(12);
        assertThat(progress.get()).isEqualTo(12);
        for (int i = 1; i < parallel.size(); i++) {
            Double before = parallel.get(i - 1).metrics().sharpe();
            Double after = parallel.get(i).metrics().sharpe();
            if (after != null) assertThat(before).isGreaterThanOrEqualTo(after);
        }
        // The winner really is what a single backtest of its parameters gives.
        Sweep.Entry best = parallel.getFirst();
        assertThat(Backtester.run(BASE.withConfig(CONFIGS.apply(best.params()))).metrics()).isEqualTo(best.metrics());
    }

    @Test
    void anInvalidCombinationFailsBeforeAnyRunNamingTheParameter() {
        List<Map<String, Object>> combos = List.of(Map.of("period", 14, "lower", 20L), Map.of("period", 14, "lower", 60L));

        assertThatThrownBy(() -> new Sweep(BASE, CONFIGS, Metric.SHARPE, 2).run(combos, BacktestProgress.NONE))
                .hasMessageStartingWith("lower:");
    }

    @Test
    void walkForwardOptimisesInSampleAndEvaluatesOutOfSample() {
        Sweep sweep = new Sweep(BASE, CONFIGS, Metric.TOTAL_RETURN, 2);

        List<WalkForward.Fold> folds = new WalkForward(sweep, 2, 0.75).run(BASE, space().grid());

        assertThat(folds).hasSize(2);
        WalkForward.Fold f0 = folds.get(0);
        int window = ADA.size() / 2;
        assertThat(f0.inSampleFrom()).isZero();
        assertThat(f0.inSampleTo()).isEqualTo(f0.outOfSampleFrom()).isEqualTo((int) (window * 0.75));
        assertThat(folds.get(1).outOfSampleTo()).isEqualTo(ADA.size());
        // In sample, the chosen combination is the sweep's winner on exactly those candles.
        BacktestSpec inSample = BASE.withCandles(ADA.slice(f0.inSampleFrom(), f0.inSampleTo()));
        List<Sweep.Entry> ranked = sweep.run(inSample, space().grid(), BacktestProgress.NONE);
        assertThat(f0.best()).isEqualTo(ranked.getFirst().params());
        BacktestSpec outOfSample = BASE.withCandles(ADA.slice(f0.outOfSampleFrom(), f0.outOfSampleTo()));
        assertThat(f0.outOfSample()).isEqualTo(Backtester.run(outOfSample.withConfig(CONFIGS.apply(f0.best()))).metrics());
    }

    @Test
    void walkForwardReportsProgressOverEveryFoldsRuns() {
        Sweep sweep = new Sweep(BASE, CONFIGS, Metric.TOTAL_RETURN, 2);
        List<long[]> calls = new java.util.concurrent.CopyOnWriteArrayList<>();
        int combinations = space().grid().size();

        new WalkForward(sweep, 2, 0.75).run(BASE, space().grid(), (done, total) -> calls.add(new long[]{done, total}));

        long total = 2L * (combinations + 1);  // each fold: every combination in sample, the best out of sample
        assertThat(calls).allSatisfy(c -> assertThat(c[1]).isEqualTo(total));
        assertThat(calls).hasSize((int) total);
        assertThat(calls.getLast()[0]).isEqualTo(total);
        assertThat(calls.stream().mapToLong(c -> c[0]).max().orElseThrow()).isEqualTo(total);
    }

    @Test
    void walkForwardRunInStepsGivesTheSameFolds() {
        Sweep sweep = new Sweep(BASE, CONFIGS, Metric.TOTAL_RETURN, 1);
        WalkForward wf = new WalkForward(sweep, 3, 0.7);
        List<Map<String, Object>> grid = space().grid();

        // what a cluster does: each window's combinations run in slices (anywhere), then ranked and decided
        List<WalkForward.Fold> stepwise = new java.util.ArrayList<>();
        for (WalkForward.Window w : wf.windows(ADA.size())) {
            BacktestSpec inSample = WalkForward.inSample(BASE, w);
            List<Sweep.Entry> inOrder = new java.util.ArrayList<>();
            for (Map<String, Object> c : grid) {
                inOrder.add(new Sweep.Entry(c, Backtester.run(inSample.withConfig(CONFIGS.apply(c))).metrics()));
            }
            stepwise.add(wf.fold(BASE, w, sweep.rank(inOrder)));
        }

        assertThat(stepwise).isEqualTo(wf.run(BASE, grid));
        assertThat(stepwise).extracting(WalkForward.Fold::index).containsExactly(0, 1, 2);
    }

    @Test
    void windowsRefuseTooFewCandles() {
        WalkForward wf = new WalkForward(new Sweep(BASE, CONFIGS, Metric.TOTAL_RETURN, 1), 3, 0.7);

        assertThatThrownBy(() -> wf.windows(9)).hasMessageContaining("9 candles are too few for 3 folds");
        assertThat(wf.windows(15)).extracting(WalkForward.Window::split).containsExactly(3, 8, 13);
    }
}
