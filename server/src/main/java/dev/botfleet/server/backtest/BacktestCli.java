package dev.botfleet.server.backtest;

import dev.botfleet.server.backtest.portfolio.EnginePortfolioBacktests;
import dev.botfleet.strategies.StrategyCatalog;

/**
 * Entry of {@code java -jar botfleet-server.jar backtest ...}: the application's main hands over here before Spring
 * starts, so a backtest never opens a port, a database or a data directory.
 */
public final class BacktestCli {
    public static final String COMMAND = "backtest";

    private BacktestCli() {
    }

    public static int run(String[] args) {
        return new BacktestCommand(new CatalogStrategies(new StrategyCatalog()), new EnginePortfolioBacktests(),
                System.out, System.err).run(args);
    }
}
