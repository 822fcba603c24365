package dev.botfleet.server.market;

import dev.botfleet.engine.runtime.MarketDataHub;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class MarketConfig {
    /**
     * The one in-process hub: last price per exchange+symbol; ticks to bots in shards of {@code tick-shard-size} on
     * their turns' executor, and to the event stream. With {@code skip-quiet-ticks} (the default) a bot is not visited
     * for a tick its quiet band holds (engine {@code BotRunner}, docs/architecture.md "Life of a tick").
     */
    @Bean
    MarketDataHub marketDataHub(BotTurns turns, @Value("${botfleet.runtime.tick-shard-size:64}") int shardSize,
                                @Value("${botfleet.runtime.skip-quiet-ticks:true}") boolean skipQuiet) {
        if (shardSize < 1) {
            throw new IllegalArgumentException("botfleet.runtime.tick-shard-size must be at least 1, was " + shardSize);
        }
        return new MarketDataHub(turns.executor(), shardSize, skipQuiet);
    }
}
