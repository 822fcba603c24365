package dev.botfleet.engine.strategy.definition;

import java.util.List;

/**
 * A check across several parameters (e.g. sellPrice &gt; buyPrice), run after every single parameter passed its own
 * type and range check.
 */
@FunctionalInterface
public interface ConfigRule {
    List<ParameterViolation> check(StrategyConfig config);
}
