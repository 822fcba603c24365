package dev.botfleet.engine.strategy;

import dev.botfleet.engine.strategy.definition.StrategyConfig;

/**
 * A strategy that takes a new config while it runs (hot reload: PUT on an ACTIVE bot). The kernel calls it on the bot's
 * turn, with the position and open orders as they are; only parameters the definition marks
 * {@link dev.botfleet.engine.strategy.definition.ParameterDefinition#liveEditable() live-editable} differ from the
 * running config. The strategy keeps its state (phase, deal, indicators) and applies the new values from this turn on;
 * what happens to a resting order whose price came from an old value is the strategy's to say (and to document).
 */
public interface Reconfigurable {
    /** @param config validated by the strategy's definition */
    void reconfigure(StrategyContext ctx, StrategyConfig config);
}
