package dev.botfleet.engine.backtest.optimize;

import dev.botfleet.engine.backtest.optimize.Dimension.CategoricalDim;
import dev.botfleet.engine.backtest.optimize.Dimension.IntDim;
import dev.botfleet.engine.backtest.optimize.Dimension.RealDim;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HyperoptTest {
    static final List<Dimension> SPACE = List.of(new RealDim("x", -1, 1), new IntDim("n", 1, 50),
            new RealDim("sl", -0.35, -0.02, 3), CategoricalDim.of("mode", "fast", "slow", "a b&c=d"));

    /** Deterministic, a few trades whose profits depend on every parameter. */
    static TrialOutcome backtest(Map<String, Object> p) {
        double x = (Double) p.get("x"), sl = (Double) p.get("sl");
        int n = (Integer) p.get("n");
        double bias = "slow".equals(p.get("mode")) ? 5 : 0;
        List<TrialTrade> trades = new ArrayList<>();
        for (int k = 0; k < n % 7 + 1; k++) {
            double profit = 10 - 20 * Math.abs(x - 0.4) - Math.abs(sl + 0.1) * 30 + bias - k;
            trades.add(new TrialTrade("P" + k, k * 3_600_000L, (k + 1) * 3_600_000L, profit / 100, profit));
        }
        return new TrialOutcome(trades, 1000, 0, 10 * 86_400_000L);
    }

    static Hyperopt hyperopt(Function<Map<String, Object>, TrialOutcome> objective, HyperoptOptions options) {
        return new Hyperopt(SPACE, new TpeSampler(), FreqtradeLoss.SharpeHyperOptLoss, objective, options);
    }

    static HyperoptOptions options(int trials) {
        return HyperoptOptions.of(trials).withSeed(42).withBatchSize(8);
    }

    @Test
    void sameSeedGivesIdenticalTrialsOnOneAndFourThreads() {
        HyperoptResult one = hyperopt(HyperoptTest::backtest, options(60).withThreads(1)).run();
        HyperoptResult four = hyperopt(HyperoptTest::backtest, options(60).withThreads(4)).run();
        assertThat(one.trials()).hasSize(60);
        assertThat(four.trials()).isEqualTo(one.trials());  // params, loss (bitwise) and summaries
        assertThat(four.best()).isEqualTo(one.best());
        assertThat(one.trials()).extracting(Trial::index).containsExactlyElementsOf(java.util.stream.IntStream.range(0, 60).boxed().toList());
        HyperoptResult otherSeed = hyperopt(HyperoptTest::backtest, options(60).withThreads(1).withSeed(43)).run();
        assertThat(otherSeed.trials().getFirst().params()).isNotEqualTo(one.trials().getFirst().params());
    }

    @Test
    void theBestIsTheLowestLossAndProgressIsReportedInOrder(@TempDir Path dir) {
        List<int[]> calls = new ArrayList<>();
        List<Double> bestLosses = new ArrayList<>();
        HyperoptResult r = hyperopt(HyperoptTest::backtest, options(20).withThreads(2).withProgress((done, total, best) -> {
            calls.add(new int[]{done, total});
            bestLosses.add(best.loss());
        })).run();
        double min = r.trials().stream().mapToDouble(Trial::loss).min().orElseThrow();
        assertThat(r.best().loss()).isEqualTo(min);
        assertThat(calls).extracting(c -> c[0]).containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 20).boxed().toList());
        assertThat(calls).allSatisfy(c -> assertThat(c[1]).isEqualTo(20));
        for (int i = 1; i < bestLosses.size(); i++) assertThat(bestLosses.get(i)).isLessThanOrEqualTo(bestLosses.get(i - 1));
        // the summary keeps the key metrics of the outcome
        Trial first = r.trials().getFirst();
        TrialOutcome o = backtest(first.params());
        assertThat(first.summary()).isEqualTo(new Trial.Summary(o.trades().size(),
                (int) o.trades().stream().filter(t -> t.profitAbs() > 0).count(), o.totalProfitAbs(), o.totalProfitAbs() / 1000));
    }

    @Test
    void resumingFromACheckpointCutMidWayEndsWithTheSameResult(@TempDir Path dir) throws IOException {
        Path full = dir.resolve("full.ckpt");
        HyperoptResult uninterrupted = hyperopt(HyperoptTest::backtest, options(40).withThreads(3).withCheckpoint(full)).run();
        List<String> lines = Files.readAllLines(full);
        assertThat(lines).hasSize(1 + 40);
        assertThat(lines.get(1)).startsWith("trial ");

        // a run killed after 13 trials had landed (in whatever order the threads finished), halfway through the 14th line
        Path killed = dir.resolve("killed.ckpt");
        String kept = String.join("\n", lines.subList(0, 1 + 13)) + "\n";
        String torn = lines.get(14).substring(0, lines.get(14).length() / 2);
        Files.writeString(killed, kept + torn, StandardCharsets.UTF_8);

        AtomicInteger evaluated = new AtomicInteger();
        HyperoptResult resumed = hyperopt(p -> { evaluated.incrementAndGet(); return backtest(p); },
                options(40).withThreads(2).withCheckpoint(killed)).run();

        assertThat(resumed.trials()).isEqualTo(uninterrupted.trials());
        assertThat(resumed.best()).isEqualTo(uninterrupted.best());
        assertThat(resumed.resumed()).isEqualTo(13);
        assertThat(evaluated.get()).isEqualTo(40 - 13);
        assertThat(Files.readAllLines(killed)).hasSize(1 + 40).noneMatch(l -> l.equals(torn));
    }

    @Test
    void aCheckpointOfAnotherRunOrAMalformedLineIsRefusedWithFileAndLine(@TempDir Path dir) throws IOException {
        Path ckpt = dir.resolve("run.ckpt");
        hyperopt(HyperoptTest::backtest, options(5).withThreads(1).withCheckpoint(ckpt)).run();
        assertThatThrownBy(() -> hyperopt(HyperoptTest::backtest, options(5).withSeed(7).withCheckpoint(ckpt)).run())
                .hasMessageContaining(ckpt + " line 1: checkpoint of a different run").hasMessageContaining("seed=7");

        List<String> lines = new ArrayList<>(Files.readAllLines(ckpt));
        lines.set(3, lines.get(3).replace("trial 2 ", "trial two "));
        Files.write(ckpt, lines);
        assertThatThrownBy(() -> hyperopt(HyperoptTest::backtest, options(5).withCheckpoint(ckpt)).run())
                .hasMessageContaining(ckpt + " line 4: ").hasMessageContaining("two");
    }

    @Test
    void aFinishedRunCanBeExtendedWithMoreTrials(@TempDir Path dir) {
        Path ckpt = dir.resolve("run.ckpt");
        hyperopt(HyperoptTest::backtest, options(16).withThreads(1).withCheckpoint(ckpt)).run();
        HyperoptResult more = hyperopt(HyperoptTest::backtest, options(24).withThreads(1).withCheckpoint(ckpt)).run();
        assertThat(more.resumed()).isEqualTo(16);
        assertThat(more.trials()).isEqualTo(hyperopt(HyperoptTest::backtest, options(24).withThreads(1)).run().trials());
    }

    @Test
    void aRecordedTrialThatThisRunWouldNotProposeIsRefused(@TempDir Path dir) throws IOException {
        Path ckpt = dir.resolve("run.ckpt");
        hyperopt(HyperoptTest::backtest, options(4).withThreads(1).withCheckpoint(ckpt)).run();
        List<String> lines = new ArrayList<>(Files.readAllLines(ckpt));
        int line = 0;
        for (int i = 1; i < lines.size(); i++) if (lines.get(i).startsWith("trial 2 ")) line = i;
        lines.set(line, lines.get(line).replaceFirst("&n=i:\\d+&", "&n=i:99&"));  // someone edited the file
        Files.write(ckpt, lines);
        assertThatThrownBy(() -> hyperopt(HyperoptTest::backtest, options(4).withCheckpoint(ckpt)).run())
                .hasMessageContaining(ckpt + " line " + (line + 1) + ": trial 2 was {x=")
                .hasMessageContaining("n=99").hasMessageContaining("but this run proposes");
    }

    @Test
    void tooFewTradesGetsFreqtradesMaxLoss() {
        Function<Map<String, Object>, TrialOutcome> noTrades = p -> new TrialOutcome(List.of(), 1000, 0, 86_400_000L);
        HyperoptResult r = hyperopt(noTrades, options(3).withThreads(1)).run();
        assertThat(r.trials()).extracting(Trial::loss).containsOnly(100000.0);
        // min_trades 0: the loss function decides (Sharpe of no trades is 0, loss -0.0)
        HyperoptResult zero = hyperopt(noTrades, options(3).withThreads(1).withMinTrades(0)).run();
        assertThat(zero.trials()).extracting(Trial::loss).containsOnly(-0.0);
    }

    @Test
    void theMemoryBoundCapsTrialsInFlight() {
        AtomicInteger running = new AtomicInteger(), peak = new AtomicInteger();
        CountDownLatch firstThreeTogether = new CountDownLatch(3);
        Function<Map<String, Object>, TrialOutcome> tracked = p -> {
            peak.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                // the first three trials wait for each other, so three really run at once while the other 29 of the
                // batch are queued: with 8 threads and no bound, more would start meanwhile and the peak would pass 3
                firstThreeTogether.countDown();
                if (!firstThreeTogether.await(60, TimeUnit.SECONDS)) throw new IllegalStateException("fewer than 3 trials ran at once");
                return backtest(p);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            } finally {
                running.decrementAndGet();
            }
        };
        // 1000 bytes of budget, 300 per trial -> 3 in flight although 8 threads are allowed
        HyperoptOptions o = options(32).withThreads(8).withBatchSize(32).withMemoryBound(1000, 300);
        assertThat(o.maxInFlight()).isEqualTo(3);
        HyperoptResult r = hyperopt(tracked, o).run();
        assertThat(r.trials()).hasSize(32);
        assertThat(r.maxInFlight()).isEqualTo(3);
        assertThat(peak.get()).isEqualTo(3);
        assertThat(options(1).withThreads(4).withMemoryBound(100, 1000).maxInFlight()).isEqualTo(1);  // never below 1
        assertThat(options(1).withThreads(4).maxInFlight()).isEqualTo(4);  // no estimate: no bound
    }

    @Test
    void cancellingStopsBeforeTheNextTrial() {
        Hyperopt[] self = new Hyperopt[1];
        self[0] = hyperopt(HyperoptTest::backtest, options(50).withThreads(1).withBatchSize(1)
                .withProgress((done, total, best) -> { if (done == 5) self[0].cancel(); }));
        HyperoptResult r = self[0].run();
        assertThat(r.cancelled()).isTrue();
        assertThat(r.trials()).hasSize(5);
    }

    @Test
    void aFailingTrialIsNamed() {
        Function<Map<String, Object>, TrialOutcome> failing = p -> { throw new IllegalArgumentException("period: too short"); };
        assertThatThrownBy(() -> hyperopt(failing, options(4).withThreads(2)).run())
                .hasMessageContaining("trial 0 {x=").hasMessageContaining("failed: period: too short");
    }

    @Test
    void badInputsAreNamed() {
        assertThatThrownBy(() -> new Hyperopt(List.of(), new RandomSampler(), FreqtradeLoss.OnlyProfitHyperOptLoss,
                HyperoptTest::backtest, options(1))).hasMessage("space: needs at least one dimension");
        assertThatThrownBy(() -> new Hyperopt(List.of(new IntDim("n", 1, 2), new IntDim("n", 3, 4)), new RandomSampler(),
                FreqtradeLoss.OnlyProfitHyperOptLoss, HyperoptTest::backtest, options(1))).hasMessageContaining("'n' appears twice");
        assertThatThrownBy(() -> HyperoptOptions.of(0)).hasMessage("trials must be at least 1, got 0");
        assertThatThrownBy(() -> HyperoptOptions.of(-5)).hasMessage("trials must be at least 1, got -5");
        assertThatThrownBy(() -> options(1).withThreads(0)).hasMessageContaining("threads");
        assertThatThrownBy(() -> options(1).withBatchSize(0)).hasMessageContaining("batchSize");
        assertThatThrownBy(() -> options(1).withMinTrades(-1)).hasMessageContaining("minTrades");
        assertThatThrownBy(() -> options(1).withMemoryBound(0, 10)).hasMessageContaining("heapBudgetBytes");
        assertThatThrownBy(() -> options(1).withMemoryBound(10, -1)).hasMessageContaining("estimatedBytesPerTrial");
    }

    @Test
    void batchByBatchElsewhereGivesTheTrialsOfRun() {
        HyperoptResult whole = hyperopt(HyperoptTest::backtest, options(30).withThreads(2)).run();

        // what a cluster does: propose a batch from the stored trials, evaluate each anywhere, store them as text
        Hyperopt h = hyperopt(HyperoptTest::backtest, options(30).withThreads(1));
        List<String> stored = new ArrayList<>();
        for (int start = 0; start < h.total(); start += h.batchSize()) {
            List<Trial> history = stored.stream().map(TrialText::parse).toList();
            List<Map<String, Object>> batch = h.proposeBatch(start, history);
            assertThat(batch).hasSize(Math.min(h.batchSize(), h.total() - start));
            for (int i = batch.size() - 1; i >= 0; i--) {  // any order: each trial depends only on its proposal
                stored.add(TrialText.format(h.evaluate(start + i, batch.get(i))));
            }
            stored.sort(java.util.Comparator.comparingInt(line -> TrialText.parse(line).index()));
            assertThat(TrialText.parseParams(TrialText.formatParams(batch.getFirst()))).isEqualTo(batch.getFirst());
        }

        List<Trial> trials = stored.stream().map(TrialText::parse).toList();
        assertThat(trials).isEqualTo(whole.trials());
        assertThat(trials.stream().min(Trial.BEST_FIRST).orElseThrow()).isEqualTo(whole.best());
    }

    @Test
    void aGridRunsOutAndProposesNoMore() {
        Hyperopt grid = new Hyperopt(List.of(new IntDim("n", 1, 3)), new GridSampler(),
                FreqtradeLoss.OnlyProfitHyperOptLoss, HyperoptTest::backtest, HyperoptOptions.of(10).withBatchSize(2));

        assertThat(grid.total()).isEqualTo(3);
        assertThat(grid.proposeBatch(2, List.of())).hasSize(1);
        assertThat(grid.proposeBatch(4, List.of())).isEmpty();
        assertThatThrownBy(() -> TrialText.parse("trial x")).isInstanceOf(IllegalArgumentException.class);
    }
}
