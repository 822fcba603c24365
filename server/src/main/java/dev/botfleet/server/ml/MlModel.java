package dev.botfleet.server.ml;

import java.time.Instant;
import java.util.UUID;

/** A registered model version (a row of ml_models); the file is in {@link ModelFiles}. */
public record MlModel(UUID id, UUID ownerId, String name, int version, String symbol, String description,
                      String featureSet, int featureSetVersion, int featureCount, String objective, int trees,
                      long fileSize, String sha256, Instant createdAt) {

    /** e.g. {@code seed-v1}, as docs/ml.md names feature sets. */
    public String featureSetId() {
        return featureSet + "-v" + featureSetVersion;
    }
}
