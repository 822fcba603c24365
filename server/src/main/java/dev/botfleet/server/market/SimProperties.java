package dev.botfleet.server.market;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The built-in {@code sim} market feed.
 *
 * @param enabled      false: no sim ticks at all (prices stay unknown)
 * @param timeScale    how much faster than real time the simulated price moves: at 300 each real second carries
 *                     five simulated minutes of volatility (published ticks keep real timestamps)
 * @param tickInterval real time between two ticks of one market
 * @param seed         fixes the price walk
 * @param history      how much past the feed makes up at start (1m candles ending at the first live price), so bots
 *                     warm up at once and charts have something to show; 0 for none
 */
@ConfigurationProperties("botfleet.sim")
public record SimProperties(@DefaultValue("true") boolean enabled,
                            @DefaultValue("300") double timeScale,
                            @DefaultValue("250ms") Duration tickInterval,
                            @DefaultValue("42") long seed,
                            @DefaultValue("24h") Duration history) {
    public SimProperties {
        if (history.isNegative()) throw new IllegalArgumentException("botfleet.sim.history must not be negative");
        if (!(timeScale > 0)) throw new IllegalArgumentException("botfleet.sim.time-scale must be > 0, was " + timeScale);
        if (tickInterval.toMillis() < 1) {
            throw new IllegalArgumentException("botfleet.sim.tick-interval must be at least 1ms, was " + tickInterval);
        }
    }
}
