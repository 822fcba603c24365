package dev.botfleet.server.backtest;

import dev.botfleet.server.backtest.config.PortfolioBacktests;
import dev.botfleet.server.backtest.portfolio.EnginePortfolioBacktests;
import dev.botfleet.strategies.StrategyCatalog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class BacktestBeans {
    @Bean
    StrategyResolver backtestStrategies(StrategyCatalog catalog) {
        return new CatalogStrategies(catalog);
    }

    /** Runs config-driven multi-pair backtests on the engine's portfolio loop. */
    @Bean
    PortfolioBacktests portfolioBacktests() {
        return new EnginePortfolioBacktests();
    }
}
