package dev.botfleet.engine.strategy;

import dev.botfleet.engine.market.Instrument;
import dev.botfleet.engine.strategy.definition.StrategyConfig;

/**
 * Makes a fresh strategy for one bot from its validated config, resolved against the instrument it trades (prices to
 * the tick grid, quantities to the lot size).
 */
@FunctionalInterface
public interface StrategyFactory {
    Strategy create(StrategyConfig config, Instrument instrument);
}
