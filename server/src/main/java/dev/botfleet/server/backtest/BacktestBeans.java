package dev.botfleet.server.backtest;

import dev.botfleet.strategies.StrategyCatalog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class BacktestBeans {
    @Bean
    StrategyResolver backtestStrategies(StrategyCatalog catalog) {
        return new CatalogStrategies(catalog);
    }
}
