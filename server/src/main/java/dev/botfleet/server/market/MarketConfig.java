package dev.botfleet.server.market;

import dev.botfleet.engine.runtime.MarketDataHub;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class MarketConfig {
    /** The one in-process hub: last price per exchange+symbol, ticks to bots in shards on their turns' executor, and to the event stream. */
    @Bean
    MarketDataHub marketDataHub(BotTurns turns) {
        return new MarketDataHub(turns.executor());
    }
}
