package dev.botfleet.server.backtest.hyperopt;

import dev.botfleet.engine.backtest.optimize.Hyperopt;
import dev.botfleet.engine.backtest.optimize.HyperoptResult;
import dev.botfleet.server.backtest.config.PortfolioBacktests;
import dev.botfleet.server.backtest.optimize.HyperoptPlan;
import dev.botfleet.server.common.ApiException;
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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs hyperopts in the background, one at a time (each uses all its threads within the memory bound of
 * {@link HyperoptPlan}), stores progress and the best epoch after every epoch, and keeps each run's checkpoint in
 * {@code botfleet.hyperopt.checkpoint-dir}. A run that was queued or running when the server stopped is resolved
 * again from its stored request at the next start and continues from its checkpoint: finished epochs are not redone.
 * In a cluster, runs are spread over every node's workers instead ({@link ClusterHyperopts}); a restarting node
 * leaves those to the cluster.
 */
@Service
public class HyperoptService {
    private static final Logger log = LoggerFactory.getLogger(HyperoptService.class);

    private final HyperoptRepository runs;
    private final HyperoptRequests requests;
    private final PortfolioBacktests portfolio;
    private final JsonMapper json;
    private final Clock clock;
    private final Path checkpoints;
    private final int maxUnfinishedPerUser;
    private final ExecutorService pool;
    private final Map<UUID, Hyperopt> running = new ConcurrentHashMap<>();
    /** Present only in a cluster: runs are then spread over the nodes' workers instead of run here. */
    private final ClusterHyperopts cluster;

    public HyperoptService(HyperoptRepository runs, HyperoptRequests requests, PortfolioBacktests portfolio,
                           JsonMapper json, Clock clock,
                           @Value("${botfleet.hyperopt.checkpoint-dir:${botfleet.data-dir}/hyperopt}") Path checkpoints,
                           @Value("${botfleet.hyperopt.max-unfinished-per-user:2}") int maxUnfinishedPerUser,
                           ObjectProvider<ClusterHyperopts> cluster) {
        this.runs = runs;
        this.requests = requests;
        this.portfolio = portfolio;
        this.json = json;
        this.clock = clock;
        this.checkpoints = checkpoints;
        this.maxUnfinishedPerUser = maxUnfinishedPerUser;
        this.cluster = cluster.getIfAvailable();
        this.pool = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "hyperopt");
            t.setDaemon(true);
            return t;
        });
    }

    @EventListener(ApplicationReadyEvent.class)
    public void resumeRunsAStoppedServerLeftBehind() {
        for (HyperoptRun run : runs.unfinished()) {
            if (cluster != null && cluster.isQueued(run.id())) continue;  // the cluster's workers carry it on
            HyperoptPlan plan;
            try {
                plan = requests.resolve(json.readValue(run.request(), HyperoptRequest.class));
            } catch (RuntimeException e) {  // the datasets or the strategy changed since
                runs.finished(run.id(), HyperoptRun.Status.FAILED, "cannot resume after a restart: " + e.getMessage(),
                        null, null, Times.now(clock));
                continue;
            }
            log.info("Resuming hyperopt {} from its checkpoint", run.id());
            pool.execute(() -> execute(run.id(), plan));
        }
    }

    @PreDestroy
    void stop() {
        running.values().forEach(Hyperopt::cancel);
        pool.shutdownNow();
    }

    public HyperoptRun submit(UUID ownerId, HyperoptRequest request) {
        HyperoptPlan plan = requests.resolve(request);
        if (runs.countUnfinished(ownerId) >= maxUnfinishedPerUser) {
            throw new ApiException.RateLimited("You already have " + maxUnfinishedPerUser
                    + " hyperopts queued or running; wait for one to finish or cancel it", Duration.ofSeconds(30));
        }
        HyperoptRun run = new HyperoptRun(UUID.randomUUID(), ownerId, plan.run().strategy().name(),
                json.writeValueAsString(request), HyperoptRun.Status.QUEUED, 0, plan.epochs(), null, null, null,
                Times.now(clock), null, null);
        if (cluster != null) {
            cluster.submit(run, plan);  // any node's hyperopt workers evaluate its trials
            return run;
        }
        runs.insert(run);
        pool.execute(() -> execute(run.id(), plan));
        return run;
    }

    public dev.botfleet.server.common.PageResponse<HyperoptRun> list(UUID ownerId, dev.botfleet.server.common.Paging paging) {
        return new dev.botfleet.server.common.PageResponse<>(runs.page(ownerId, paging.size(), paging.offset()),
                paging.page(), paging.size(), runs.count(ownerId));
    }

    public HyperoptRun get(UUID ownerId, UUID id) {
        return runs.find(ownerId, id).orElseThrow(() -> new ApiException.NotFound("No hyperopt " + id));
    }

    /** Stops a queued or running run; its epochs so far and best stay. A finished run is answered as it is. */
    public HyperoptRun cancel(UUID ownerId, UUID id) {
        HyperoptRun run = get(ownerId, id);
        if (run.status().finished()) return run;
        if (cluster != null && cluster.isQueued(id)) {
            cluster.cancel(id);
            return get(ownerId, id);
        }
        synchronized (running) {  // with execute's start: either it sees the row cancelled, or we see its Hyperopt
            Hyperopt h = running.get(id);
            if (h != null) h.cancel();
            else runs.finished(id, HyperoptRun.Status.CANCELLED, null, null, null, Times.now(clock));
        }
        return get(ownerId, id);
    }

    private void execute(UUID id, HyperoptPlan plan) {
        try {
            Files.createDirectories(checkpoints);
            Hyperopt h = plan.hyperopt(portfolio, checkpoints.resolve(id + ".checkpoint"), (done, total, best) ->
                    runs.progress(id, done, total, best == null ? null : json.writeValueAsString(plan.best(best))));
            synchronized (running) {  // see cancel
                if (runs.unfinished().stream().noneMatch(r -> r.id().equals(id))) return;  // cancelled while queued
                running.put(id, h);
                runs.started(id, Times.now(clock));
            }
            HyperoptResult result = h.run();
            runs.finished(id, result.cancelled() ? HyperoptRun.Status.CANCELLED : HyperoptRun.Status.DONE, null,
                    HyperoptOutcome.best(json, plan, result.best()), HyperoptOutcome.top(json, plan, result.trials()),
                    Times.now(clock));
        } catch (IllegalArgumentException | IllegalStateException e) {
            runs.finished(id, HyperoptRun.Status.FAILED, truncate(e.getMessage()), null, null, Times.now(clock));
        } catch (IOException | UncheckedIOException e) {
            log.error("Hyperopt {}: checkpoint", id, e);
            runs.finished(id, HyperoptRun.Status.FAILED, "cannot write the checkpoint", null, null, Times.now(clock));
        } catch (RuntimeException e) {
            log.error("Hyperopt {} failed", id, e);
            runs.finished(id, HyperoptRun.Status.FAILED, "internal error while running the hyperopt", null, null,
                    Times.now(clock));
        } finally {
            running.remove(id);
        }
    }

    /** The best epoch's values (JSON) of a DONE or CANCELLED run, or a 409 saying why there are none. */
    Map<String, Object> bestOf(HyperoptRun run) {
        if (run.best() == null) {
            throw new ApiException.Conflict("Hyperopt " + run.id() + " has no best epoch yet (status " + run.status() + ")");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> best = json.readValue(run.best(), LinkedHashMap.class);
        return best;
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 2000 ? s : s.substring(0, 1997) + "...";
    }
}
