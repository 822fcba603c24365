package dev.botfleet.server.strategy;

import dev.botfleet.strategies.StrategyCatalog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class StrategyBeans {
    @Bean
    StrategyCatalog strategyCatalog() {
        return new StrategyCatalog();
    }
}
