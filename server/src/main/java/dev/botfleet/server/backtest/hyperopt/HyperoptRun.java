package dev.botfleet.server.backtest.hyperopt;

import java.time.Instant;
import java.util.UUID;

/**
 * A stored hyperopt run.
 *
 * @param request the POST body as given (JSON), resolved again to resume after a restart
 * @param best    the best epoch so far as {@code HyperoptPlan.best} writes it (JSON), null before the first epoch
 * @param trials  the best epochs, best first (JSON list), once finished
 */
public record HyperoptRun(UUID id, UUID ownerId, String strategy, String request, Status status, int epochsDone,
                          int epochsTotal, String best, String trials, String error, Instant createdAt,
                          Instant startedAt, Instant finishedAt) {
    public enum Status {
        QUEUED, RUNNING, DONE, FAILED, CANCELLED;

        public boolean finished() { return this == DONE || this == FAILED || this == CANCELLED; }
    }
}
