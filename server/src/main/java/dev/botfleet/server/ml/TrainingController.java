package dev.botfleet.server.ml;

import dev.botfleet.server.auth.CurrentUser;
import dev.botfleet.server.common.PageResponse;
import dev.botfleet.server.common.Paging;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

/** Training jobs (docs/api/ml.md "Models"): POST /models/train, then poll GET /models/training/{id}. */
@RestController
public class TrainingController {
    private final TrainingService trainings;
    private final JsonMapper json;

    public TrainingController(TrainingService trainings, JsonMapper json) {
        this.trainings = trainings;
        this.json = json;
    }

    /** 202: queued; when DONE the job names the registered model and holds the report. */
    @PostMapping("/api/v1/models/train")
    public ResponseEntity<TrainingResponse> train(CurrentUser user, @RequestBody TrainingRequest request) {
        TrainingRun run = trainings.submit(user.id(), request);
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/v1/models/training/" + run.id()))
                .body(response(run));
    }

    @GetMapping("/api/v1/models/training")
    public PageResponse<TrainingResponse> list(CurrentUser user, @RequestParam(required = false) Integer page,
                                               @RequestParam(required = false) Integer size) {
        return trainings.list(user.id(), Paging.of(page, size)).map(this::response);
    }

    @GetMapping("/api/v1/models/training/{id}")
    public TrainingResponse get(CurrentUser user, @PathVariable UUID id) {
        return response(trainings.get(user.id(), id));
    }

    private TrainingResponse response(TrainingRun r) {
        return new TrainingResponse(r.id(), r.status().name(), r.name(), json.readTree(r.request()), r.modelId(),
                r.report() == null ? null : json.readTree(r.report()), r.error(), r.createdAt(), r.startedAt(),
                r.finishedAt());
    }

    /**
     * @param modelId the registered model once DONE
     * @param report  AUC, precision/recall at thresholds, feature importance (docs/ml.md "Training") once DONE
     */
    public record TrainingResponse(UUID id, String status, String name, JsonNode request, UUID modelId,
                                   JsonNode report, String error, Instant createdAt, Instant startedAt,
                                   Instant finishedAt) {
    }
}
