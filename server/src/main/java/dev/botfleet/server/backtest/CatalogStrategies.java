package dev.botfleet.server.backtest;

import dev.botfleet.strategies.StrategyCatalog;

/** Resolves strategy ids against the catalog botfleet ships. */
public final class CatalogStrategies implements StrategyResolver {
    private final StrategyCatalog catalog;

    public CatalogStrategies(StrategyCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public StrategySource resolve(String id) {
        return catalog.find(id)
                .map(d -> new StrategySource(id, d, (config, instrument) -> catalog.create(id, config, instrument)))
                .orElseThrow(() -> new IllegalArgumentException("--strategy: unknown strategy '" + id + "'; one of "
                        + String.join(", ", catalog.definitions().stream().map(x -> x.id()).toList())));
    }
}
