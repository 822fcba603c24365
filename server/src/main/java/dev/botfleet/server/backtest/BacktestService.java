package dev.botfleet.server.backtest;

import dev.botfleet.engine.backtest.BacktestResult;
import dev.botfleet.engine.backtest.Backtester;
import dev.botfleet.engine.backtest.signals.SignalCache;
import dev.botfleet.server.backtest.config.ConfigRun;
import dev.botfleet.server.backtest.config.PortfolioBacktests;
import dev.botfleet.server.backtest.portfolio.EnginePortfolioBacktests;
import dev.botfleet.server.common.Violations;
import dev.botfleet.server.common.ApiException;
import dev.botfleet.server.common.Decimals;
import dev.botfleet.server.common.PageResponse;
import dev.botfleet.server.common.Paging;
import dev.botfleet.server.common.Times;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs backtests in the background on a small pool of platform threads (backtests are CPU-bound), stores each run and
 * its result, and reports progress while it runs. A user may have a few runs queued or running at once.
 */
@Service
public class BacktestService {
    private static final Logger log = LoggerFactory.getLogger(BacktestService.class);

    private final BacktestRepository runs;
    private final BacktestRequests requests;
    private final ConfigRequests configRequests;
    private final PortfolioBacktests portfolio;
    private final JsonMapper json;
    private final Clock clock;
    private final int maxUnfinishedPerUser;
    private final int sweepThreads;
    private final ExecutorService pool;
    /** Present only in a cluster: sweeps and walk-forwards are then spread over the nodes instead of run here. */
    private final ClusterSweeps clusterSweeps;
    /** Fraction done of each run that is queued or running; a finished run's progress is 1. */
    private final Map<UUID, Double> progress = new ConcurrentHashMap<>();

    public BacktestService(BacktestRepository runs, BacktestRequests requests, ConfigRequests configRequests,
                           PortfolioBacktests portfolio, JsonMapper json, Clock clock,
                           @Value("${botfleet.backtest.threads:2}") int threads,
                           @Value("${botfleet.backtest.max-unfinished-per-user:5}") int maxUnfinishedPerUser,
                           @Value("${botfleet.backtest.sweep-threads:1}") int sweepThreads,
                           ObjectProvider<ClusterSweeps> clusterSweeps) {
        this.runs = runs;
        this.requests = requests;
        this.configRequests = configRequests;
        this.portfolio = portfolio;
        this.json = json;
        this.clock = clock;
        this.maxUnfinishedPerUser = maxUnfinishedPerUser;
        this.sweepThreads = Math.max(1, sweepThreads);
        this.clusterSweeps = clusterSweeps.getIfAvailable();
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "backtest-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @EventListener(ApplicationReadyEvent.class)
    public void failRunsAStoppedServerLeftBehind() {
        int failed = runs.failUnfinished("interrupted: the server stopped before this run finished", Times.now(clock));
        if (failed > 0) log.info("Marked {} unfinished backtest run(s) as FAILED after a restart", failed);
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }

    public BacktestRun submit(UUID ownerId, BacktestRequest request) {
        if (request.config() != null) return submitConfig(ownerId, request);
        BacktestRequests.Resolved resolved = requests.resolveRun(ownerId, request);
        BacktestJob job = resolved.job();
        checkUnfinished(ownerId);
        Map<String, Object> stored = stored(job);
        if (resolved.sweep() != null) stored.putAll(SweepRuns.stored(resolved.sweep(), request.sweep()));
        BacktestRun run = new BacktestRun(UUID.randomUUID(), ownerId, job.strategy().name(), job.dataset(), job.symbol(),
                job.candles().timeframe().code(), job.fillModel().id(), json.writeValueAsString(stored),
                BacktestStatus.QUEUED, null, null, Times.now(clock), null, null);
        if (clusterSweeps != null && resolved.sweep() != null) {
            clusterSweeps.submit(run, request, resolved.sweep());  // any node's sweep workers run it (walk-forward too)
            return run;
        }
        runs.insert(run);
        progress.put(run.id(), 0.0);
        if (resolved.sweep() != null) pool.execute(() -> executeSweep(run.id(), job, resolved.sweep()));
        else pool.execute(() -> execute(run.id(), job));
        return run;
    }

    private void checkUnfinished(UUID ownerId) {
        if (runs.countUnfinished(ownerId) >= maxUnfinishedPerUser) {
            throw new ApiException.RateLimited("You already have " + maxUnfinishedPerUser
                    + " backtests queued or running; wait for one to finish", Duration.ofSeconds(5));
        }
    }

    /** A multi-pair run stated as a Freqtrade config, run by {@link PortfolioBacktests}. */
    private BacktestRun submitConfig(UUID ownerId, BacktestRequest request) {
        ConfigRun job = configRequests.resolve(request);
        Violations v = new Violations();
        String protections = EnginePortfolioBacktests.protectionsProblem(job.config(), job.pairs());
        if (protections != null) v.add("config.protections", protections, null);
        // every candle of every pair, recorded once: the run reuses these signals
        SignalCache signals = EnginePortfolioBacktests.runCache(job.pairs());
        String refusal = EnginePortfolioBacktests.precheck(job.config(), job.pairs(), job.strategy(), job.params(),
                signals);
        if (refusal != null) v.add("config.strategy", refusal, job.strategy().name());
        v.throwIfAny();
        checkUnfinished(ownerId);
        Map<String, Object> stored = new LinkedHashMap<>();
        stored.put("strategy", job.strategy().name());
        stored.put("params", job.params());
        stored.put("config", request.config());
        stored.put("notes", job.config().notes());
        BacktestRun run = new BacktestRun(UUID.randomUUID(), ownerId, job.strategy().name(), "config",
                pairsLabel(job), job.pairs().timeframe().code(), "freqtrade", json.writeValueAsString(stored),
                BacktestStatus.QUEUED, null, null, Times.now(clock), null, null);
        runs.insert(run);
        progress.put(run.id(), 0.0);
        pool.execute(() -> executeConfig(run.id(), job, signals));
        return run;
    }

    /** "LTC/BTC +2" for the list view (the symbol column holds 32 characters). */
    private static String pairsLabel(ConfigRun job) {
        var pairs = job.pairs().pairs();
        String label = pairs.getFirst().pair() + (pairs.size() > 1 ? " +" + (pairs.size() - 1) : "");
        return label.length() <= 32 ? label : label.substring(0, 32);
    }

    private void executeConfig(UUID id, ConfigRun job, SignalCache signals) {
        try {
            runs.started(id, Times.now(clock));
            PortfolioBacktests.PortfolioOutcome outcome = portfolio.run(job.config(), job.pairs(), job.strategy(),
                    job.params(), (done, total) -> progress.put(id, (double) done / total), signals);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("pairs", job.pairs().pairs().stream().map(p -> Map.of("pair", p.pair(), "file", p.file(),
                    "candles", p.candles().size())).toList());
            result.put("notes", job.config().notes());
            result.put("warnings", job.pairs().warnings());
            result.put("result", outcome.report());
            runs.finished(id, outcome.failure() == null ? BacktestStatus.DONE : BacktestStatus.FAILED,
                    truncate(outcome.failure()), json.writeValueAsString(result), Times.now(clock));
        } catch (IllegalArgumentException e) {
            runs.finished(id, BacktestStatus.FAILED, truncate(e.getMessage()), null, Times.now(clock));
        } catch (RuntimeException e) {
            log.error("Backtest {} failed", id, e);
            runs.finished(id, BacktestStatus.FAILED, "internal error while running the backtest", null, Times.now(clock));
        } finally {
            progress.remove(id);
        }
    }

    private void execute(UUID id, BacktestJob job) {
        try {
            runs.started(id, Times.now(clock));
            BacktestResult result = Backtester.run(job.spec(), (done, total) -> progress.put(id, (double) done / total));
            String report = json.writeValueAsString(BacktestReport.of(job, result));
            runs.finished(id, result.failed() ? BacktestStatus.FAILED : BacktestStatus.DONE,
                    result.failed() ? truncate(result.stopReason()) : null, report, Times.now(clock));
        } catch (IllegalArgumentException e) {
            // A combination the request check cannot see, e.g. a limit-order strategy with the freqtrade model.
            runs.finished(id, BacktestStatus.FAILED, truncate(e.getMessage()), null, Times.now(clock));
        } catch (RuntimeException e) {
            log.error("Backtest {} failed", id, e);
            runs.finished(id, BacktestStatus.FAILED, "internal error while running the backtest", null, Times.now(clock));
        } finally {
            progress.remove(id);
        }
    }

    /** A sweep or walk-forward: its report is the ranking or the folds, stored like any result. */
    private void executeSweep(UUID id, BacktestJob job, SweepPlan plan) {
        try {
            runs.started(id, Times.now(clock));
            SweepRuns.Outcome outcome = SweepRuns.run(job, plan, sweepThreads, SweepRuns.TOP, "sweep.ranges.",
                    // runs finish in any order on the sweep's threads: progress only moves forward
                    (done, total) -> progress.merge(id, (double) done / total, Math::max));
            runs.finished(id, BacktestStatus.DONE, null, json.writeValueAsString(outcome.report()), Times.now(clock));
        } catch (IllegalArgumentException e) {
            runs.finished(id, BacktestStatus.FAILED, truncate(e.getMessage()), null, Times.now(clock));
        } catch (RuntimeException e) {
            log.error("Backtest sweep {} failed", id, e);
            runs.finished(id, BacktestStatus.FAILED, "internal error while running the sweep", null, Times.now(clock));
        } finally {
            progress.remove(id);
        }
    }

    public PageResponse<BacktestRun> list(UUID ownerId, Paging paging) {
        List<BacktestRun> items = runs.page(ownerId, paging.size(), paging.offset());
        return new PageResponse<>(items, paging.page(), paging.size(), runs.count(ownerId));
    }

    public BacktestRun get(UUID ownerId, UUID id) {
        return runs.find(ownerId, id).orElseThrow(() -> new ApiException.NotFound("No backtest " + id));
    }

    /** 0..1; 1 once finished. */
    public double progressOf(BacktestRun run) {
        return switch (run.status()) {
            case DONE, FAILED -> 1.0;
            case QUEUED, RUNNING -> {
                Double here = progress.get(run.id());
                if (here != null || clusterSweeps == null) yield here == null ? 0.0 : here;
                yield clusterSweeps.progress(run.id()).orElse(0.0);
            }
        };
    }

    /** The chunks of a sweep spread over the cluster; null outside a cluster or for any other run. */
    List<BacktestController.ChunkView> clusterChunks(BacktestRun run) {
        if (clusterSweeps == null) return null;
        List<SweepChunks.ChunkState> chunks = clusterSweeps.chunks(run.id());
        return chunks.isEmpty() ? null : chunks.stream().map(BacktestController.ChunkView::of).toList();
    }

    private static Map<String, Object> stored(BacktestJob job) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("strategy", job.strategy().name());
        m.put("dataset", job.dataset());
        m.put("params", job.params());
        m.put("fillModel", job.fillModel().id());
        m.put("fee", Decimals.format(job.fee()));
        m.put("balance", Decimals.format(job.startingBalance()));
        m.put("slippageTicks", job.slippageTicks());
        m.put("stoploss", job.stoploss());
        return m;
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 2000 ? s : s.substring(0, 1997) + "...";
    }
}
