package dev.botfleet.strategies;

import dev.botfleet.engine.market.Instrument;
import dev.botfleet.engine.strategy.Strategy;
import dev.botfleet.engine.strategy.StrategyFactory;
import dev.botfleet.engine.strategy.definition.StrategyConfig;
import dev.botfleet.engine.strategy.definition.StrategyDefinition;
import dev.botfleet.strategies.dca.DcaDefinition;
import dev.botfleet.strategies.dca.DcaStrategy;
import dev.botfleet.strategies.external.ExternalSignalDefinition;
import dev.botfleet.strategies.external.ExternalSignalStrategy;
import dev.botfleet.strategies.grid.GridDefinition;
import dev.botfleet.strategies.grid.GridStrategy;
import dev.botfleet.strategies.rules.RulesStrategy;
import dev.botfleet.strategies.scalper.Scalper;
import dev.botfleet.strategies.scalper.ScalperDefinition;
import dev.botfleet.strategies.simpledca.SimpleDcaStrategy;
import dev.botfleet.strategies.signal.BollingerStrategy;
import dev.botfleet.strategies.signal.DipStrategy;
import dev.botfleet.strategies.signal.EmaCrossStrategy;
import dev.botfleet.strategies.signal.MacdDcaStrategy;
import dev.botfleet.strategies.signal.MomentumStrategy;
import dev.botfleet.strategies.signal.RsiStrategy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every strategy botfleet ships, by id, in a stable order (the order the dashboard lists them in): its definition
 * (parameters, validation) and the factory that makes a running instance for one bot.
 */
public final class StrategyCatalog {
    private record Entry(StrategyDefinition definition, StrategyFactory factory) {
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();

    public StrategyCatalog() {
        register(ScalperDefinition.definition(), Scalper::new);
        register(GridDefinition.definition(), GridStrategy::new);
        register(DcaDefinition.definition(), DcaStrategy::new);
        register(SimpleDcaStrategy.definition(), SimpleDcaStrategy::new);
        register(RsiStrategy.definition(), RsiStrategy::new);
        register(BollingerStrategy.definition(), BollingerStrategy::new);
        register(MacdDcaStrategy.definition(), MacdDcaStrategy::new);
        register(EmaCrossStrategy.definition(), EmaCrossStrategy::new);
        register(DipStrategy.definition(), DipStrategy::new);
        register(MomentumStrategy.definition(), MomentumStrategy::new);
        register(RulesStrategy.definition(), RulesStrategy::new);
        register(ExternalSignalDefinition.definition(), ExternalSignalStrategy::new);
    }

    /**
     * Adds a strategy from outside this module (the server registers module ml's {@code ml-signal}, whose factory needs
     * the model registry). Register before the catalog is shared: it is not thread-safe.
     *
     * @throws IllegalStateException if a strategy with the same id is already registered
     */
    public void register(StrategyDefinition definition, StrategyFactory factory) {
        if (entries.putIfAbsent(definition.id(), new Entry(definition, factory)) != null) {
            throw new IllegalStateException("strategy id registered twice: " + definition.id());
        }
    }

    public List<StrategyDefinition> definitions() {
        return entries.values().stream().map(Entry::definition).toList();
    }

    public Optional<StrategyDefinition> find(String id) {
        return Optional.ofNullable(entries.get(id)).map(Entry::definition);
    }

    /**
     * A fresh strategy for one bot.
     *
     * @param config validated by this strategy's definition ({@link StrategyDefinition#validate})
     * @param instrument the market the bot trades: prices and quantities are resolved against it
     * @throws IllegalArgumentException if no strategy has this id
     */
    public Strategy create(String id, StrategyConfig config, Instrument instrument) {
        Entry entry = entries.get(id);
        if (entry == null) throw new IllegalArgumentException("unknown strategy '" + id + "'");
        return entry.factory().create(config, instrument);
    }
}
