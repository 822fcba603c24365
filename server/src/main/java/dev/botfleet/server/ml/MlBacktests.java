package dev.botfleet.server.ml;

import dev.botfleet.ml.strategy.MlSignalDefinition;
import dev.botfleet.ml.strategy.MlSignalStrategy;
import dev.botfleet.server.backtest.OwnerStrategies;
import dev.botfleet.server.backtest.StrategySource;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Backtests of ml-signal (POST /backtests): the run opens a model of the requesting user's registry, named by the
 * {@code model} parameter; another user's model is refused before the run is queued, as for a bot. Decisions of a
 * backtest are not stored (they are not a bot's).
 */
@Component
public class MlBacktests implements OwnerStrategies {
    private final BotModels models;

    public MlBacktests(BotModels models) {
        this.models = models;
    }

    @Override
    public Optional<StrategySource> resolve(UUID ownerId, String strategyId) {
        if (!MlSignalDefinition.ID.equals(strategyId)) return Optional.empty();
        var source = models.forOwner(ownerId);
        return Optional.of(new StrategySource(strategyId, MlSignalDefinition.definition(),
                (config, instrument) -> new MlSignalStrategy(config, instrument, source)));
    }

    @Override
    public Map<String, String> problems(UUID ownerId, String strategyId, Map<String, Object> params) {
        Object model = params.get(MlSignalDefinition.MODEL);
        return models.problem(ownerId, model == null ? null : model.toString())
                .map(problem -> Map.of(MlSignalDefinition.MODEL, problem)).orElse(Map.of());
    }
}
