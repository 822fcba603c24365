package dev.botfleet.server.ml;

import java.time.Instant;
import java.util.UUID;

/** A training job (a row of ml_training_runs); {@code request} and {@code report} are JSON text. */
public record TrainingRun(UUID id, UUID ownerId, String name, String request, Status status, UUID modelId,
                          String report, String error, Instant createdAt, Instant startedAt, Instant finishedAt) {

    public enum Status {
        QUEUED, RUNNING, DONE, FAILED
    }
}
