package dev.botfleet.server.ml;

import dev.botfleet.ml.strategy.MlSignalDefinition;
import dev.botfleet.ml.strategy.MlSignalStrategy;
import dev.botfleet.strategies.StrategyCatalog;
import org.springframework.stereotype.Component;

/**
 * Adds module ml's {@code ml-signal} strategy to the server's strategy catalog (module strategies does not depend on
 * ml): its bots open their owner's models from the registry and store every decision.
 */
@Component
public class MlSignalRegistration {
    public MlSignalRegistration(StrategyCatalog catalog, BotModels models, MlDecisionRecorder decisions) {
        catalog.register(MlSignalDefinition.definition(),
                (config, instrument) -> new MlSignalStrategy(config, instrument, models, decisions));
    }
}
