package dev.botfleet.server.runtime;

import dev.botfleet.engine.runtime.BotCommand;
import dev.botfleet.engine.runtime.MarketDataHub;
import dev.botfleet.engine.sim.SimMarkets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Funding on the simulated perpetuals ({@code sim_perp}): at every multiple of the interval since the epoch (00:00,
 * 08:00 and 16:00 UTC by default, as venues fix it), each running bot's position pays or receives
 * {@code quantity × last price × rate}. Real venues' paper bots get no funding from here (see docs/exchanges.md).
 */
@Component
class SimFunding implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(SimFunding.class);

    /**
     * {@code botfleet.sim.funding.*}
     *
     * @param rate the funding rate of every fixing (0.0001 = 0.01 %; longs pay when positive)
     * @param interval time between fixings (real time)
     */
    @ConfigurationProperties("botfleet.sim.funding")
    record Properties(@DefaultValue("0.0001") BigDecimal rate, @DefaultValue("8h") Duration interval) {
        Properties {
            if (interval.toMillis() < 1000) throw new IllegalArgumentException("botfleet.sim.funding.interval must be at least 1s");
            if (rate.abs().compareTo(BigDecimal.ONE) >= 0) {
                throw new IllegalArgumentException("botfleet.sim.funding.rate must be a fraction (0.0001 = 0.01 %)");
            }
        }
    }

    private final TradingRuntime runtime;
    private final MarketDataHub hub;
    private final Properties properties;
    private final Clock clock;
    private ScheduledExecutorService scheduler;
    private volatile boolean running;

    SimFunding(TradingRuntime runtime, MarketDataHub hub, Properties properties, Clock clock) {
        this.runtime = runtime;
        this.hub = hub;
        this.properties = properties;
        this.clock = clock;
    }

    /** One fixing at {@code at}: every running sim_perp bot with a known price gets it. */
    int fix(Instant at) {
        return runtime.broadcast(SimMarkets.PERPETUAL_EXCHANGE, symbol -> hub.last(SimMarkets.PERPETUAL_EXCHANGE, symbol)
                .map(t -> (BotCommand) new BotCommand.FundingRate(at, properties.rate(), BigDecimal.valueOf(t.price())))
                .orElse(null));
    }

    @Override
    public void start() {
        long interval = properties.interval().toMillis();
        long now = clock.millis();
        long first = (now / interval + 1) * interval - now;
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("sim-funding").daemon().factory());
        scheduler.scheduleAtFixedRate(() -> {
            try {
                Instant at = Instant.ofEpochMilli(clock.millis() / interval * interval);
                int bots = fix(at);
                if (bots > 0) log.info("sim funding at {}: rate {} to {} bots", at, properties.rate(), bots);
            } catch (RuntimeException e) {
                log.error("sim funding failed", e);
            }
        }, first, interval, TimeUnit.MILLISECONDS);
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        if (scheduler != null) scheduler.shutdownNow();
    }

    @Override
    public boolean isRunning() { return running; }
}
