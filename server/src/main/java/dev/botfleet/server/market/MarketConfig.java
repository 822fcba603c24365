package dev.botfleet.server.market;

import dev.botfleet.engine.runtime.MarketDataHub;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class MarketConfig {
    /** The one in-process hub: last price per exchange+symbol, fan-out to bots' mailboxes and the event stream. */
    @Bean
    MarketDataHub marketDataHub() {
        return new MarketDataHub();
    }
}
