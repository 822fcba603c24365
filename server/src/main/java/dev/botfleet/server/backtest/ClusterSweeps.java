package dev.botfleet.server.backtest;

import dev.botfleet.engine.backtest.BacktestSpec;
import dev.botfleet.engine.backtest.Backtester;
import dev.botfleet.engine.backtest.Metrics;
import dev.botfleet.engine.backtest.Sweep;
import dev.botfleet.engine.strategy.definition.StrategyConfig;
import dev.botfleet.server.common.ApiException;
import dev.botfleet.server.common.Times;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Sweeps (grid or random search) and walk-forward analyses spread over the cluster's nodes (docs/cluster.md "Sweeps
 * over the cluster"). Only with {@code botfleet.cluster.enabled=true}; without it {@link BacktestService} runs sweeps in
 * its own process as always.
 * <p>
 * The node a sweep is asked on stores the request and cuts the combinations into chunks ({@link SweepChunks}); every
 * node runs {@code workers} threads that claim a chunk, re-create the sweep from the stored request, backtest the
 * chunk's combinations and store their metrics. Whoever stores the last chunk merges: the metrics in plan order,
 * ranked as the engine's {@link Sweep} ranks them, reported by {@link SweepRuns#rankedReport} — the single node's
 * report. A walk-forward's chunks are slices of one fold's in-sample combinations; its merge ranks each fold, tests
 * the fold's best out of sample and reports the folds ({@link ClusterWalkForwards}) as a single node does. A chunk
 * whose node died is claimed again once its claim expires (database clock).
 */
@Component
@ConditionalOnProperty(name = "botfleet.cluster.enabled", havingValue = "true")
public class ClusterSweeps {
    private static final Logger log = LoggerFactory.getLogger(ClusterSweeps.class);
    /** Chunks per sweep when no chunk size is set: enough to share among a few nodes, few enough to cost little. */
    private static final int DEFAULT_CHUNKS = 16;

    private final SweepChunks chunks;
    private final BacktestRequests requests;
    private final BacktestRepository runs;
    private final JsonMapper json;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final int chunkSize;
    private final Duration claimTtl;
    private final Duration pollInterval;
    private final int workers;
    /** This process's name in claims and {@code ran_by}; unique per process, like a shard lease owner. */
    private final String node;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;
    /** Fault injection for tests: the next worker to claim a chunk stops dead, keeping the claim (a crashed node). */
    private final AtomicBoolean dieAfterNextClaim = new AtomicBoolean();  // taken by one worker only
    /** Fault injection for tests: the next worker to run a chunk stops dead after its first combination. */
    private volatile boolean dieMidChunk;
    private volatile SweepChunks.Claim abandoned;
    /** Test hook: the next chunk this node claims waits for another node to claim one of the same run (at most this). */
    private volatile Duration waitForAPeer;

    public ClusterSweeps(JdbcClient jdbc, BacktestRequests requests, BacktestRepository runs, JsonMapper json,
                         Clock clock, PlatformTransactionManager transactions,
                         @Value("${botfleet.cluster.sweeps.chunk-size:0}") int chunkSize,
                         @Value("${botfleet.cluster.sweeps.claim-ttl:30s}") Duration claimTtl,
                         @Value("${botfleet.cluster.sweeps.poll-interval:1s}") Duration pollInterval,
                         @Value("${botfleet.backtest.sweep-threads:1}") int workers,
                         @Value("${botfleet.cluster.host:127.0.0.1}") String host,
                         @Value("${botfleet.cluster.port:25520}") int port) {
        this.chunks = new SweepChunks(jdbc);
        this.requests = requests;
        this.runs = runs;
        this.json = json;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
        this.chunkSize = Math.max(0, chunkSize);
        this.claimTtl = claimTtl;
        this.pollInterval = pollInterval;
        this.workers = Math.max(1, workers);
        this.node = host + ":" + port + "#" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Workers start once the node serves (the schema is migrated by then). */
    @EventListener(ApplicationReadyEvent.class)
    public void startWorkers() {
        for (int i = 0; i < workers; i++) {
            Thread t = Thread.ofPlatform().daemon().name("sweep-worker-" + (i + 1)).start(this::work);
            threads.add(t);
        }
        log.info("Cluster sweep worker(s) of {}: {}", node, workers);
    }

    @PreDestroy
    void stop() {
        running = false;
        threads.forEach(Thread::interrupt);
    }

    public String node() { return node; }

    /** The run row, the job and its chunks, in one transaction: a sweep is either fully queued or not at all. */
    void submit(BacktestRun run, BacktestRequest request, SweepPlan plan) {
        String stored = json.writeValueAsString(request);
        List<SweepChunks.Slice> slices = slices(plan);
        tx.executeWithoutResult(s -> {
            runs.insert(run);
            chunks.insert(run.id(), run.ownerId(), stored, slices);
        });
    }

    /** Consecutive slices of the plan; a walk-forward's are cut per fold (each fold runs every combination). */
    private List<SweepChunks.Slice> slices(SweepPlan plan) {
        int combinations = plan.combinations().size();
        int runs = combinations * (plan.walkForward() == null ? 1 : plan.walkForward().folds());
        int size = chunkSize > 0 ? chunkSize : Math.max(1, (runs + DEFAULT_CHUNKS - 1) / DEFAULT_CHUNKS);
        if (plan.walkForward() != null) return ClusterWalkForwards.slices(plan, size);
        List<SweepChunks.Slice> slices = new ArrayList<>();
        for (int first = 0; first < combinations; first += size) {
            slices.add(new SweepChunks.Slice(null, first, Math.min(size, combinations - first)));
        }
        return slices;
    }

    /** Done share of a sweep run over the cluster; empty when the run is not one. */
    Optional<Double> progress(UUID backtestId) {
        List<SweepChunks.ChunkState> all = chunks.chunks(backtestId);
        if (all.isEmpty()) return Optional.empty();
        int total = all.stream().mapToInt(SweepChunks.ChunkState::combinations).sum();
        int done = all.stream().filter(SweepChunks.ChunkState::finished).mapToInt(SweepChunks.ChunkState::combinations).sum();
        return Optional.of(total == 0 ? 1.0 : (double) done / total);
    }

    /** Who ran (or holds) each chunk of a run; empty when the run was not spread over the cluster. */
    public List<SweepChunks.ChunkState> chunks(UUID backtestId) {
        return chunks.chunks(backtestId);
    }

    /** Fault injection: the next chunk this node claims is held and never run, as if the node died right then. */
    public void dieAfterNextClaim() {
        dieAfterNextClaim.set(true);
    }

    /**
     * Fault injection: the next chunk this node runs is given up after its first combination (the work so far lost,
     * the claim kept), as if the node died in the middle of it.
     */
    public void dieMidChunk() {
        dieMidChunk = true;
    }

    /**
     * Test hook: the next chunk this node claims is run only once another node has claimed a chunk of the same run (or
     * after {@code atMost}), its claim renewed meanwhile. A test that shows a run shared by the nodes sets it on each:
     * on a fast machine one node can otherwise run every chunk within one poll interval of the other.
     */
    public void waitForAPeerOnNextClaim(Duration atMost) {
        waitForAPeer = atMost;
    }

    /** The chunk the injected death left claimed, once it happened. */
    public SweepChunks.Claim abandoned() {
        return abandoned;
    }

    private void work() {
        QueueWorkers.loop("Sweep worker " + node, pollInterval, () -> running, () -> chunks.claim(node, claimTtl),
                () -> { for (UUID id : chunks.mergeable()) merge(id); }, this::runUnlessDying, log);
    }

    /** {@link #run}, unless a fault was injected: then the claim is held and never run, and this worker stops. */
    private boolean runUnlessDying(SweepChunks.Claim claim) {
        Duration peerWait = waitForAPeer;
        if (peerWait != null) {
            waitForAPeer = null;
            if (!awaitAPeer(claim, peerWait)) return false;
        }
        if (!dieAfterNextClaim.compareAndSet(true, false)) return run(claim);
        abandoned = claim;
        log.warn("Sweep worker {} stops holding chunk {} of {} (fault injected)", node, claim.chunk(), claim.backtestId());
        return false;
    }

    /** {@link #waitForAPeerOnNextClaim}: false when interrupted (the node is closing). */
    private boolean awaitAPeer(SweepChunks.Claim claim, Duration atMost) {
        long until = System.nanoTime() + atMost.toNanos();
        while (System.nanoTime() < until && chunks.chunks(claim.backtestId()).stream()
                .noneMatch(c -> c.claimedBy() != null && !c.claimedBy().equals(node))) {
            chunks.renew(claim, claimTtl);
            try {
                Thread.sleep(pollInterval);
            } catch (InterruptedException e) {
                return false;
            }
        }
        return true;
    }

    /** Re-creates the sweep from its stored request (every node resolves it the same way: same data, same seed). */
    private BacktestRequests.Resolved resolve(UUID backtestId) {
        SweepChunks.Job job = chunks.job(backtestId).orElseThrow();
        BacktestRequest request = json.readValue(job.request(), BacktestRequest.class);
        return requests.resolveRun(job.ownerId(), request);
    }

    /** Runs a claimed chunk and stores it; false when this worker is to stop (fault injection). */
    private boolean run(SweepChunks.Claim claim) {
        try {
            chunks.started(claim.backtestId());
            BacktestRequests.Resolved resolved;
            try {
                resolved = resolve(claim.backtestId());
            } catch (ApiException e) {
                // the request no longer resolves (e.g. the user's strategy was deleted since): the run cannot finish
                fail(claim.backtestId(), "the sweep can no longer be resolved: " + e.getMessage());
                return true;
            } catch (NoSuchElementException e) {
                return true;  // the run was deleted meanwhile (its job and chunks with it)
            }
            BacktestJob job = resolved.job();
            BacktestSpec chunkSpec;  // the run's candles, or the fold's in-sample part of them
            try {
                chunkSpec = ClusterWalkForwards.chunkSpec(job, resolved.sweep(), claim.fold());
            } catch (IllegalArgumentException e) {
                fail(claim.backtestId(), e.getMessage());  // too few candles for the folds: the request check's rule
                return true;
            }
            Function<Map<String, Object>, StrategyConfig> configs = SweepRuns.configs(job, "sweep.ranges.");
            List<Map<String, Object>> combinations = resolved.sweep().combinations()
                    .subList(claim.first(), claim.first() + claim.count());
            List<Metrics> metrics = new ArrayList<>();
            long renewed = System.nanoTime();
            for (Map<String, Object> combination : combinations) {
                BacktestSpec spec;
                try {
                    spec = chunkSpec.withConfig(configs.apply(combination));
                } catch (IllegalArgumentException e) {
                    fail(claim.backtestId(), e.getMessage());  // as a single node fails the run
                    return true;
                }
                metrics.add(Backtester.run(spec).metrics());
                if (dieMidChunk && combinations.size() > 1) {
                    dieMidChunk = false;
                    abandoned = claim;
                    log.warn("Sweep worker {} stops in the middle of chunk {} of {} (fault injected)", node,
                            claim.chunk(), claim.backtestId());
                    return false;
                }
                if (System.nanoTime() - renewed > claimTtl.toNanos() / 3) {
                    if (!chunks.renew(claim, claimTtl)) return true;  // taken over: the new holder runs and stores it
                    renewed = System.nanoTime();
                }
            }
            if (chunks.store(claim, node, SweepChunkMetrics.write(json, metrics))) merge(claim.backtestId());
            return true;
        } catch (RuntimeException e) {
            log.error("Sweep chunk {} of {} failed", claim.chunk(), claim.backtestId(), e);
            fail(claim.backtestId(), "internal error while running the sweep");
            return true;
        }
    }

    /** Merges a sweep whose chunks are all stored; a no-op when another node merged it or chunks remain. */
    private void merge(UUID backtestId) {
        BacktestRequests.Resolved resolved;
        try {
            resolved = resolve(backtestId);
        } catch (ApiException e) {
            fail(backtestId, "the sweep can no longer be resolved: " + e.getMessage());
            return;
        } catch (NoSuchElementException e) {
            return;  // the run was deleted meanwhile (its job and chunks with it)
        }
        SweepPlan plan = resolved.sweep();
        try {
            tx.executeWithoutResult(s -> {
                if (!chunks.closeToMerge(backtestId)) return;  // chunks remain, or another node merges it right now
                List<SweepChunks.Stored> stored = chunks.stored(backtestId);
                Map<String, Object> report = plan.walkForward() == null
                        ? sweepReport(resolved.job(), plan, stored)
                        : ClusterWalkForwards.report(resolved.job(), plan, stored, json);
                runs.finished(backtestId, BacktestStatus.DONE, null, json.writeValueAsString(report), Times.now(clock));
            });
        } catch (IllegalArgumentException e) {
            fail(backtestId, e.getMessage());  // rolled back above; fails the run as a single node's would fail
        }
    }

    private Map<String, Object> sweepReport(BacktestJob job, SweepPlan plan, List<SweepChunks.Stored> stored) {
        List<Metrics> all = new ArrayList<>();
        for (SweepChunks.Stored chunk : stored) all.addAll(SweepChunkMetrics.read(json, chunk.metrics()));
        List<Sweep.Entry> inOrder = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) inOrder.add(new Sweep.Entry(plan.combinations().get(i), all.get(i)));
        return SweepRuns.rankedReport(job, plan, SweepRuns.rank(plan, inOrder), SweepRuns.TOP);
    }

    private void fail(UUID backtestId, String error) {
        tx.executeWithoutResult(s -> {
            if (!chunks.close(backtestId, true)) return;
            String shown = error == null || error.length() <= 2000 ? error : error.substring(0, 1997) + "...";
            runs.finished(backtestId, BacktestStatus.FAILED, shown, null, Times.now(clock));
        });
    }
}
