package dev.botfleet.server.backtest;

import dev.botfleet.server.backtest.config.PortfolioBacktests;
import dev.botfleet.strategies.StrategyCatalog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class BacktestBeans {
    @Bean
    StrategyResolver backtestStrategies(StrategyCatalog catalog) {
        return new CatalogStrategies(catalog);
    }

    /** Runs config-driven multi-pair backtests; refuses them until the engine's portfolio loop is wired in here. */
    @Bean
    PortfolioBacktests portfolioBacktests() {
        return PortfolioBacktests.NOT_WIRED;
    }
}
