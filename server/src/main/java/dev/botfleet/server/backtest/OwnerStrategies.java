package dev.botfleet.server.backtest;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Strategies whose backtests depend on whose run it is: an ml-signal run opens a model of the requesting user's
 * registry, never another user's. Implemented by the feature that owns such a strategy (package {@code server.ml}),
 * so this package does not depend on it.
 */
public interface OwnerStrategies {

    /** The source this owner's run of {@code strategyId} uses, or empty when the strategy is not one of these. */
    Optional<StrategySource> resolve(UUID ownerId, String strategyId);

    /**
     * Problems in already validated parameters that only the owner's data can show (a model id that is not theirs),
     * by parameter name; empty when there are none.
     */
    Map<String, String> problems(UUID ownerId, String strategyId, Map<String, Object> params);
}
