package dev.botfleet.server.backtest;

import dev.botfleet.server.backtest.config.CandleFiles;
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

    /**
     * Runs config-driven multi-pair backtests on the engine's portfolio loop; {@code timeframe_detail} candles come
     * from the shipped datasets, like the pairs' main candles (ConfigRequests).
     */
    @Bean
    PortfolioBacktests portfolioBacktests(Datasets datasets) {
        return new EnginePortfolioBacktests(config -> CandleFiles.byStem(
                "the server's datasets (GET /api/v1/backtests/datasets)",
                stem -> datasets.find(stem).map(Datasets.Dataset::series).orElse(null)));
    }
}
