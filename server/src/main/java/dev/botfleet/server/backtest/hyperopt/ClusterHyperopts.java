package dev.botfleet.server.backtest.hyperopt;

import dev.botfleet.engine.backtest.optimize.Hyperopt;
import dev.botfleet.engine.backtest.optimize.HyperoptProgress;
import dev.botfleet.engine.backtest.optimize.Trial;
import dev.botfleet.engine.backtest.optimize.TrialText;
import dev.botfleet.server.backtest.config.PortfolioBacktests;
import dev.botfleet.server.backtest.optimize.HyperoptPlan;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Hyperopt runs spread over the cluster's nodes (docs/cluster.md "Hyperopt over the cluster"). Only with
 * {@code botfleet.cluster.enabled=true}; without it {@link HyperoptService} runs them in its own process as always.
 * <p>
 * The engine's {@link Hyperopt} proposes its trials in batches, each from every earlier trial in index order, and
 * the trials of a batch are independent. So the asked node stores the run and its first batch
 * ({@link HyperoptTrials}); every node's workers claim trials, evaluate them ({@link Hyperopt#evaluate}) and store
 * them exactly ({@link TrialText}); whoever stores the last trial of a batch proposes the next one from the stored
 * trials ({@link Hyperopt#proposeBatch}) or, when none is left, ends the run with the best epochs. No node drives the
 * run: a node that dies leaves its claims to expire (database clock) and any node takes the step it owed, so the
 * trials, and the best epoch, are the ones a single node finds for the same seed.
 */
@Component
@ConditionalOnProperty(name = "botfleet.cluster.enabled", havingValue = "true")
public class ClusterHyperopts {
    private static final Logger log = LoggerFactory.getLogger(ClusterHyperopts.class);

    private final HyperoptTrials trials;
    private final HyperoptRequests requests;
    private final HyperoptRepository runs;
    private final PortfolioBacktests portfolio;
    private final JsonMapper json;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final Duration claimTtl;
    private final Duration pollInterval;
    private final int workers;
    /** This process's name in claims and {@code ran_by}; unique per process. */
    private final String node;
    private final List<Thread> threads = new ArrayList<>();
    /** Claims being evaluated here, renewed every ttl/3 until stored (a trial is one backtest: it cannot pause). */
    private final Set<HyperoptTrials.Claim> held = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService renewals = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("hyperopt-claims").factory());
    /** The runs this node works on (the last two), resolved once: resolving loads the pairs' candles. */
    private final Map<UUID, Resolved> resolved = new LinkedHashMap<>(4, 0.75f, true);
    private volatile boolean running = true;
    /** Fault injection for tests: the next claimed trial is held and never run (a node dead right after claiming). */
    private final AtomicBoolean dieAfterNextClaim = new AtomicBoolean();  // taken by one worker only
    /** Fault injection for tests: storing a batch's last trial is this node's last act (the next batch is owed). */
    private final AtomicBoolean dieAfterABatchsLastTrial = new AtomicBoolean();
    private volatile HyperoptTrials.Claim abandoned;
    /** Test hook: this node's workers do nothing (no claim, no step a dead node left). */
    private volatile boolean holdingClaims;
    /** Test hook: until another node claims a trial of the same run, this node's claims wait (at most this). */
    private volatile Duration waitForAPeer;

    private record Resolved(HyperoptPlan plan, Hyperopt hyperopt) {
    }

    public ClusterHyperopts(JdbcClient jdbc, HyperoptRequests requests, HyperoptRepository runs,
                            PortfolioBacktests portfolio, JsonMapper json, Clock clock,
                            PlatformTransactionManager transactions,
                            @Value("${botfleet.cluster.hyperopts.claim-ttl:30s}") Duration claimTtl,
                            @Value("${botfleet.cluster.hyperopts.poll-interval:1s}") Duration pollInterval,
                            @Value("${botfleet.cluster.hyperopts.workers:1}") int workers,
                            @Value("${botfleet.cluster.host:127.0.0.1}") String host,
                            @Value("${botfleet.cluster.port:25520}") int port) {
        this.trials = new HyperoptTrials(jdbc);
        this.requests = requests;
        this.runs = runs;
        this.portfolio = portfolio;
        this.json = json;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
        this.claimTtl = claimTtl;
        this.pollInterval = pollInterval;
        this.workers = Math.max(1, workers);
        this.node = host + ":" + port + "#" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Workers start once the node serves (the schema is migrated by then). */
    @EventListener(ApplicationReadyEvent.class)
    public void startWorkers() {
        for (int i = 0; i < workers; i++) {
            threads.add(Thread.ofPlatform().daemon().name("hyperopt-worker-" + (i + 1)).start(this::work));
        }
        long every = Math.max(1, claimTtl.toMillis() / 3);
        renewals.scheduleWithFixedDelay(this::renewHeld, every, every, TimeUnit.MILLISECONDS);
        log.info("Cluster hyperopt worker(s) of {}: {}", node, workers);
    }

    @PreDestroy
    void stop() {
        running = false;
        threads.forEach(Thread::interrupt);
        renewals.shutdownNow();
    }

    public String node() { return node; }

    /** The run row, its job and its first batch, in one transaction: a run is either fully queued or not at all. */
    void submit(HyperoptRun run, HyperoptPlan plan) {
        Hyperopt hyperopt = hyperopt(plan);
        List<Map<String, Object>> first = hyperopt.proposeBatch(0, List.of());
        tx.executeWithoutResult(s -> {
            runs.insert(run);
            trials.insertJob(run.id(), hyperopt.total());
            trials.insertBatch(run.id(), 0, texts(first), totalAfter(hyperopt, 0, first.size(), hyperopt.total()));
        });
    }

    /** Whether the run is (or was) one of the cluster's: its trials are in the queue, not in a node's process. */
    boolean isQueued(UUID hyperoptId) {
        return trials.isJob(hyperoptId);
    }

    /** Who ran (or holds) each proposed trial of a run; empty when the run was not spread over the cluster. */
    public List<HyperoptTrials.TrialState> trials(UUID hyperoptId) {
        return trials.trials(hyperoptId);
    }

    /** Stops a queued or running run over the cluster: no trial is claimed any more; the trials stored so far stay. */
    void cancel(UUID hyperoptId) {
        Resolved r = resolvedOrNull(hyperoptId);
        forget(hyperoptId);
        tx.executeWithoutResult(s -> {
            if (!trials.close(hyperoptId)) return;  // it ended meanwhile
            List<Trial> done = stored(hyperoptId);
            runs.finished(hyperoptId, HyperoptRun.Status.CANCELLED, null,
                    r == null ? null : HyperoptOutcome.best(json, r.plan(), best(done)),
                    r == null ? null : HyperoptOutcome.top(json, r.plan(), done), Times.now(clock));
        });
    }

    /** Fault injection: the next trial this node claims is held and never run, as if the node died right then. */
    public void dieAfterNextClaim() {
        abandoned = null;
        dieAfterNextClaim.set(true);
    }

    /**
     * Fault injection: the next time this node stores the last trial of a batch, it stops right there, before
     * proposing the next batch (the node that drives the run at that moment dies; another must take the step).
     */
    public void dieAfterABatchsLastTrial() {
        abandoned = null;
        dieAfterABatchsLastTrial.set(true);
    }

    /** Test hook: while on, this node's workers claim nothing and take no step, so another node's workers must. */
    public void holdClaims(boolean on) {
        holdingClaims = on;
    }

    /**
     * Test hook: this node's workers run what they claim only once another node has claimed a trial of the same run
     * (or after {@code atMost}), their claims renewed meanwhile. Each worker holds at most one trial, fewer than a batch,
     * so the other node can always claim. A test that shows a run shared by the nodes sets it on each: on a fast
     * machine one node can otherwise evaluate every trial within one poll interval of the other.
     */
    public void waitForAPeerOnNextClaims(Duration atMost) {
        waitForAPeer = atMost;
    }

    /** The trial the injected death left claimed or stored, once it happened. */
    public HyperoptTrials.Claim abandoned() {
        return abandoned;
    }

    private void work() {
        dev.botfleet.server.backtest.QueueWorkers.loop("Hyperopt worker " + node, pollInterval, () -> running,
                () -> holdingClaims ? Optional.<HyperoptTrials.Claim>empty() : trials.claim(node, claimTtl),
                () -> { if (!holdingClaims) for (UUID id : trials.stalled()) nextStep(id); },
                this::runUnlessDying, log);
    }

    /** {@link #run}, unless a fault was injected: then the trial is held and never run, and this worker stops. */
    private boolean runUnlessDying(HyperoptTrials.Claim claim) {
        Duration peerWait = waitForAPeer;
        if (peerWait != null && !awaitAPeer(claim, peerWait)) return false;
        if (!dieAfterNextClaim.compareAndSet(true, false)) return run(claim);
        abandoned = claim;
        log.warn("Hyperopt worker {} stops holding trial {} of {} (fault injected)", node, claim.trial(), claim.hyperoptId());
        return false;
    }

    /** {@link #waitForAPeerOnNextClaims}: false when interrupted (the node is closing). */
    private boolean awaitAPeer(HyperoptTrials.Claim claim, Duration atMost) {
        long until = System.nanoTime() + atMost.toNanos();
        held.add(claim);  // renewed while waiting
        try {
            while (System.nanoTime() < until && trials.trials(claim.hyperoptId()).stream()
                    .noneMatch(t -> t.claimedBy() != null && !t.claimedBy().equals(node))) {
                Thread.sleep(pollInterval);
            }
            waitForAPeer = null;
            return true;
        } catch (InterruptedException e) {
            return false;
        } finally {
            held.remove(claim);
        }
    }

    /** Evaluates a claimed trial and stores it; false when this worker is to stop (fault injection). */
    private boolean run(HyperoptTrials.Claim claim) {
        UUID id = claim.hyperoptId();
        Resolved r;
        try {
            r = resolve(id);
        } catch (ApiException | IllegalArgumentException e) {
            fail(id, "cannot be resolved on node " + node + ": " + e.getMessage());
            return true;
        } catch (NoSuchElementException e) {
            return true;  // the run was deleted meanwhile
        }
        runs.started(id, Times.now(clock));
        Trial trial;
        held.add(claim);
        try {
            trial = r.hyperopt().evaluate(claim.trial(), TrialText.parseParams(claim.params()));
        } catch (IllegalArgumentException | IllegalStateException e) {
            fail(id, e.getMessage());  // as a single node's run fails
            return true;
        } catch (RuntimeException e) {
            log.error("Hyperopt {}: trial {} failed", id, claim.trial(), e);
            fail(id, "internal error while running the hyperopt");
            return true;
        } finally {
            held.remove(claim);
        }
        if (!trials.store(claim, node, TrialText.format(trial))) return true;  // taken over; the new holder stores
        List<Trial> done = stored(id);
        trials.job(id).ifPresent(job ->
                trials.progress(id, done.size(), job.total(), HyperoptOutcome.best(json, r.plan(), best(done))));
        if (dieAfterABatchsLastTrial.get() && trials.stalled().contains(id)
                && dieAfterABatchsLastTrial.compareAndSet(true, false)) {
            abandoned = claim;
            log.warn("Hyperopt worker {} stops after storing trial {} of {}, the last of its batch (fault injected)",
                    node, claim.trial(), id);
            return false;
        }
        nextStep(id);
        return true;
    }

    /**
     * Once every proposed trial of a run is stored: proposes the next batch from them, or ends the run when none is
     * left. A no-op when trials remain, or another node takes the step right now; a node dying in it rolls it back.
     */
    private void nextStep(UUID id) {
        Resolved r;
        try {
            r = resolve(id);
        } catch (ApiException | IllegalArgumentException e) {
            fail(id, "cannot be resolved on node " + node + ": " + e.getMessage());
            return;
        } catch (NoSuchElementException e) {
            return;
        }
        tx.executeWithoutResult(s -> {
            Optional<HyperoptTrials.Job> job = trials.lockForNextStep(id);
            if (job.isEmpty()) return;
            List<Trial> done = stored(id);
            int next = job.get().nextTrial();
            // Read again now that the job is ours: the lock query's snapshot may predate a batch another node
            // proposed and committed just before (PostgreSQL re-checks only the locked row, not the NOT EXISTS).
            if (done.size() != next) return;
            List<Map<String, Object>> batch = next >= job.get().total() ? List.of()
                    : r.hyperopt().proposeBatch(next, done);
            if (!batch.isEmpty()) {
                trials.insertBatch(id, next, texts(batch), totalAfter(r.hyperopt(), next, batch.size(), job.get().total()));
                return;
            }
            trials.close(id);
            forget(id);
            String best = HyperoptOutcome.best(json, r.plan(), best(done));
            runs.progress(id, done.size(), done.size(), best);
            runs.finished(id, HyperoptRun.Status.DONE, null, best, HyperoptOutcome.top(json, r.plan(), done),
                    Times.now(clock));
        });
    }

    private void fail(UUID id, String error) {
        forget(id);
        tx.executeWithoutResult(s -> {
            if (!trials.close(id)) return;
            String shown = error == null || error.length() <= 2000 ? error : error.substring(0, 1997) + "...";
            runs.finished(id, HyperoptRun.Status.FAILED, shown, null, null, Times.now(clock));
        });
    }

    private void renewHeld() {
        for (HyperoptTrials.Claim c : held) {
            try {
                trials.renew(c, claimTtl);  // refused: taken over; whichever holder stores first counts
            } catch (RuntimeException e) {
                log.warn("Hyperopt worker {} could not renew trial {} of {}", node, c.trial(), c.hyperoptId(), e);
            }
        }
    }

    /** Every stored trial of the run in index order, read back bit for bit. */
    private List<Trial> stored(UUID id) {
        return trials.results(id).stream().map(TrialText::parse).toList();
    }

    private static Trial best(List<Trial> done) {
        return done.stream().min(Trial.BEST_FIRST).orElse(null);
    }

    /** The run's total after a batch: a batch shorter than asked means the sampler ran out there. */
    private static int totalAfter(Hyperopt hyperopt, int start, int proposed, int total) {
        int asked = Math.min(hyperopt.batchSize(), total - start);
        return proposed < asked ? start + proposed : total;
    }

    private static List<String> texts(List<Map<String, Object>> proposals) {
        return proposals.stream().map(TrialText::formatParams).toList();
    }

    /** The engine's run for the plan (trials share recorded signals); only its steps are used here. */
    private Hyperopt hyperopt(HyperoptPlan plan) {
        return plan.hyperopt(portfolio, null, HyperoptProgress.NONE);
    }

    /** The run re-created from its stored request, as a restarted single node resolves it. */
    private Resolved resolve(UUID id) {
        synchronized (resolved) {
            Resolved r = resolved.get(id);
            if (r != null) return r;
        }
        String request = runs.request(id).orElseThrow();
        HyperoptPlan plan = requests.resolve(json.readValue(request, HyperoptRequest.class));
        Resolved r = new Resolved(plan, hyperopt(plan));
        synchronized (resolved) {
            resolved.put(id, r);
            // least recently used out: each run holds its pairs' candles and a signal cache (an eighth of the heap)
            if (resolved.size() > 2) resolved.remove(resolved.keySet().iterator().next());
        }
        return r;
    }

    /** Drops a run that ended from the runs kept resolved. */
    private void forget(UUID id) {
        synchronized (resolved) {
            resolved.remove(id);
        }
    }

    private Resolved resolvedOrNull(UUID id) {
        try {
            return resolve(id);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
