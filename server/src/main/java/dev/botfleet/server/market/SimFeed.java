package dev.botfleet.server.market;

import dev.botfleet.engine.market.Candle;
import dev.botfleet.engine.market.CandleBuilder;
import dev.botfleet.engine.market.MarketDataListener;
import dev.botfleet.engine.market.Tick;
import dev.botfleet.engine.market.Timeframe;
import dev.botfleet.engine.runtime.MarketDataHub;
import dev.botfleet.engine.sim.SimMarkets;
import dev.botfleet.engine.sim.SimPriceFeed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Drives the engine's {@link SimPriceFeed} from a scheduler and publishes its ticks to the {@link MarketDataHub}.
 *
 * <p>Each scheduler period ({@code tick-interval}) advances every market by one step of {@code tick-interval x
 * time-scale} simulated time, so prices move {@code time-scale} times faster than real time; every published tick
 * carries the server clock's time, so orders, fills and logs have ordinary timestamps. The feed's own candles are in
 * simulated time and are therefore not published; instead 1-minute candles are built from the published ticks, in
 * real time, and published when complete — candle-driven strategies (rsi, bollinger, rules, ...) run on them.
 */
@Component
public class SimFeed implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(SimFeed.class);

    private final MarketDataHub hub;
    private final SimProperties properties;
    private final Clock clock;
    private final java.util.List<LastPriceMirror> mirrors;
    private final CandleHistory history;
    private ScheduledExecutorService scheduler;
    private SimPriceFeed feed;
    private long lastPublished = Long.MIN_VALUE;
    private final java.util.Map<String, CandleBuilder> candles = new java.util.HashMap<>();
    private volatile boolean running;

    public SimFeed(MarketDataHub hub, SimProperties properties, Clock clock, java.util.List<LastPriceMirror> mirrors,
                   CandleHistory history) {
        this.history = history;
        this.hub = hub;
        this.properties = properties;
        this.clock = clock;
        this.mirrors = mirrors;
    }

    @Override
    public void start() {
        if (!properties.enabled()) {
            running = true;
            return;
        }
        Instant origin = clock.instant();
        for (SimMarkets market : SimMarkets.ALL) {
            for (Candle past : SimHistory.of(market, properties, origin.toEpochMilli())) {
                history.add(past);
                history.add(asPerpetual(past));
            }
        }
        Duration simulatedInterval = Duration.ofMillis(Math.max(1,
                Math.round(properties.tickInterval().toMillis() * properties.timeScale())));
        feed = new SimPriceFeed(SimMarkets.ALL, properties.seed(), simulatedInterval, origin.toEpochMilli());
        publishOnce();  // a price is known from the first moment: LTP answers and new bots can size orders
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("sim-feed").daemon().factory());
        long period = properties.tickInterval().toMillis();
        scheduler.scheduleAtFixedRate(this::publishSafely, period, period, TimeUnit.MILLISECONDS);
        running = true;
        log.info("sim feed: {} markets, a tick every {} per market, time scale {}x, seed {}", SimMarkets.ALL.size(),
                properties.tickInterval(), properties.timeScale(), properties.seed());
    }

    /** One trade per market per period: pacing comes from the scheduler, so a clock jump never floods the hub. */
    private void publishSafely() {
        try {
            publishNext();
        } catch (RuntimeException e) {
            log.error("sim feed failed to publish", e);  // keep the schedule alive: the next period tries again
        }
    }

    private void publishOnce() {
        publishNext();
    }

    /** One step of the walk for every market (the scheduler calls this; tests call it directly). */
    void publishNext() {
        feed.advanceTo(feed.nextTickAt(), sink);
    }

    private final MarketDataListener sink = new MarketDataListener() {
        @Override
        public void onTick(Tick tick) {
            // real time, strictly increasing, so every bot's clock (the latest event time) moves forward
            long now = Math.max(clock.millis(), lastPublished);
            lastPublished = now;
            publish(new Tick(tick.exchange(), tick.symbol(), now, tick.price(), tick.size()));
            // the simulated perpetual trades at the same price as the spot walk (no basis): one walk, two markets
            publish(new Tick(SimMarkets.PERPETUAL_EXCHANGE, tick.symbol(), now, tick.price(), tick.size()));
        }

        private void publish(Tick published) {
            // the completed candle goes out before the tick that opened the next one: bots see events in time order
            candles.computeIfAbsent(published.exchange() + "|" + published.symbol(),
                            k -> new CandleBuilder(published.exchange(), published.symbol(), Timeframe.M1))
                    .accept(published).ifPresent(candle -> {
                        history.add(candle);
                        hub.publish(candle);
                    });
            hub.publish(published);
            for (LastPriceMirror m : mirrors) m.onTick(published);
        }

        @Override
        public void onCandle(Candle candle) {
            // scaled-time candles would jump bots' clocks into the future; real-time ones are built from the ticks
        }
    };

    private static Candle asPerpetual(Candle c) {
        return new Candle(SimMarkets.PERPETUAL_EXCHANGE, c.symbol(), c.timeframe(), c.openTime(), c.open(), c.high(),
                c.low(), c.close(), c.volume());
    }

    @Override
    public void stop() {
        running = false;
        if (scheduler != null) scheduler.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the bot runtime (which starts later, phase above this) so resumed bots see prices at once. */
    @Override
    public int getPhase() {
        return 0;
    }
}
