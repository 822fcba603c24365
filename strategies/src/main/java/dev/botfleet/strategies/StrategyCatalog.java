package dev.botfleet.strategies;

import dev.botfleet.engine.strategy.definition.StrategyDefinition;
import dev.botfleet.strategies.scalper.ScalperDefinition;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every strategy botfleet ships, by id, in a stable order (the order the dashboard lists them in). */
public final class StrategyCatalog {
    private final Map<String, StrategyDefinition> definitions = new LinkedHashMap<>();

    public StrategyCatalog() {
        register(ScalperDefinition.definition());
    }

    private void register(StrategyDefinition definition) {
        definitions.put(definition.id(), definition);
    }

    public List<StrategyDefinition> definitions() {
        return List.copyOf(definitions.values());
    }

    public Optional<StrategyDefinition> find(String id) {
        return Optional.ofNullable(definitions.get(id));
    }
}
