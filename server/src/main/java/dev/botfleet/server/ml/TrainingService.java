package dev.botfleet.server.ml;

import dev.botfleet.ml.training.CandleTraining;
import dev.botfleet.ml.training.Trainer;
import dev.botfleet.server.backtest.Datasets;
import dev.botfleet.server.common.ApiException;
import dev.botfleet.server.common.PageResponse;
import dev.botfleet.server.common.Paging;
import dev.botfleet.server.common.Times;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Trains models in the background, one at a time (LightGBM runs on one thread: deterministic, and the other users'
 * bots keep the rest of the machine), at most {@code botfleet.ml.max-unfinished-trainings} queued or running per user.
 * A finished job registers its model as the next version of its name and keeps the report. A job the server was
 * running when it stopped is marked FAILED at the next start (training is minutes at most: submitting again is
 * cheaper than a checkpoint).
 */
@Service
public class TrainingService {
    private static final Logger log = LoggerFactory.getLogger(TrainingService.class);

    private final TrainingRepository runs;
    private final ModelService models;
    private final Datasets datasets;
    private final JsonMapper json;
    private final Clock clock;
    private final int maxUnfinishedPerUser;
    private final ExecutorService pool;

    public TrainingService(TrainingRepository runs, ModelService models, Datasets datasets, JsonMapper json,
                           Clock clock, @Value("${botfleet.ml.max-unfinished-trainings:2}") int maxUnfinishedPerUser) {
        this.runs = runs;
        this.models = models;
        this.datasets = datasets;
        this.json = json;
        this.clock = clock;
        this.maxUnfinishedPerUser = maxUnfinishedPerUser;
        this.pool = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "ml-training");
            t.setDaemon(true);
            return t;
        });
    }

    @EventListener(ApplicationReadyEvent.class)
    public void failJobsAStoppedServerLeftBehind() {
        for (TrainingRun run : runs.unfinished()) {
            runs.failed(run.id(), "interrupted by a server restart; submit it again", Times.now(clock));
        }
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }

    public TrainingRun submit(UUID ownerId, TrainingRequest request) {
        TrainingPlan plan = TrainingPlan.resolve(request, datasets);
        if (runs.countUnfinished(ownerId) >= maxUnfinishedPerUser) {
            throw new ApiException.RateLimited("You already have " + maxUnfinishedPerUser
                    + " training jobs queued or running; wait for one to finish", Duration.ofSeconds(30));
        }
        TrainingRun run = new TrainingRun(UUID.randomUUID(), ownerId, plan.name(), json.writeValueAsString(request),
                TrainingRun.Status.QUEUED, null, null, null, Times.now(clock), null, null);
        runs.insert(run);
        pool.execute(() -> execute(run, plan));
        return run;
    }

    public TrainingRun get(UUID ownerId, UUID id) {
        return runs.find(ownerId, id).orElseThrow(() -> new ApiException.NotFound("No training job " + id));
    }

    public PageResponse<TrainingRun> list(UUID ownerId, Paging paging) {
        return new PageResponse<>(runs.page(ownerId, paging.size(), paging.offset()), paging.page(), paging.size(),
                runs.count(ownerId));
    }

    private void execute(TrainingRun run, TrainingPlan plan) {
        try {
            runs.started(run.id(), Times.now(clock));
            Trainer.TrainedModel trained = CandleTraining.train(plan.candles(), plan.barrier(), plan.validationShare(),
                    plan.parameters());
            byte[] file = trained.modelText().getBytes(StandardCharsets.UTF_8);
            // the same checks as an upload: what the registry holds can always be loaded by a bot
            MlModel model = models.register(run.ownerId(), plan.name(), plan.symbol(),
                    "trained by job " + run.id(), file, models.validate(file));
            runs.done(run.id(), model.id(), json.writeValueAsString(TrainingReportJson.of(trained.report())),
                    Times.now(clock));
        } catch (IllegalArgumentException e) {  // too few rows for the split, a parameter LightGBM refused
            runs.failed(run.id(), truncate(e.getMessage()), Times.now(clock));
        } catch (ApiException e) {  // the trained model failed the registry's checks (should not happen)
            log.error("Training {}: the trained model was refused: {}", run.id(), e.getMessage());
            runs.failed(run.id(), truncate("the trained model was refused: " + e.getMessage()), Times.now(clock));
        } catch (RuntimeException e) {
            log.error("Training {} failed", run.id(), e);
            runs.failed(run.id(), "internal error while training", Times.now(clock));
        }
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 2000 ? s : s.substring(0, 1997) + "...";
    }
}
