package dev.botfleet.server.backtest;

/** Finds a registered strategy by id; unknown ids are refused with an IllegalArgumentException naming the id. */
@FunctionalInterface
public interface StrategyResolver {
    StrategySource resolve(String id);
}
