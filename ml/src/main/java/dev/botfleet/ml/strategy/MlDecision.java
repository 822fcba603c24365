package dev.botfleet.ml.strategy;

import java.time.Instant;

/**
 * One decision of an ml-signal bot: at {@code time} (the trade time that reached the decision grid) the model
 * {@code modelId} answered {@code confidence} for {@code features}; {@code acted} when an entry order was placed
 * ({@code clientOrderId}), else {@code clientOrderId} is null and {@code note} says why not (below the threshold, at
 * max positions, below the minimum order).
 */
public record MlDecision(Instant time, String modelId, double confidence, double threshold, boolean acted,
                         String clientOrderId, String note, double[] features) {
}
