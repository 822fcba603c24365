package dev.botfleet.server.ops;

import dev.botfleet.engine.market.Tick;
import dev.botfleet.engine.runtime.TickObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The running bots' meters. Labels are exchange and mode only — never a bot or a user: those are unbounded, and one
 * time series per bot would grow Prometheus without limit. A session resolves its meters once, when it is built, so
 * counting on the bot's turn is a field read and an add (no lookup, no allocation).
 */
@Component
public class BotMeters {
    private final MeterRegistry registry;
    private final Clock clock;

    public BotMeters(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    /** The order counters of one exchange and mode (registered now, so they show as 0 before the first order). */
    public Orders orders(String exchange, String mode) {
        return new Orders(counter("botfleet.orders.sent", "Orders journaled and handed to the exchange", exchange, mode),
                counter("botfleet.orders.denied", "Orders refused by the local risk checks", exchange, mode),
                counter("botfleet.orders.rejected", "Orders refused by the exchange", exchange, mode),
                counter("botfleet.fills", "Executions applied to bots' orders", exchange, mode));
    }

    /**
     * Tick-to-decision latency of one exchange: the server clock when the bot finished handling the tick (matching,
     * timers, the strategy's decision) minus the tick's own time. A sim tick carries the server clock at publish, so
     * that is publish-to-decision; a venue's tick carries the venue's trade time, so it also holds the venue-to-us
     * transit (and any clock skew, clamped at 0). Resolution: 1 ms (a tick's time is in milliseconds).
     */
    public TickObserver ticks(String exchange) {
        Timer timer = Timer.builder("botfleet.tick.to.decision")
                .description("From a tick's time to the end of a bot's handling of it")
                .tag("exchange", exchange)
                .serviceLevelObjectives(millis(1), millis(2), millis(5), millis(10), millis(25), millis(50),
                        millis(100), millis(250), millis(500), millis(1000), millis(2500), millis(5000))
                .register(registry);
        return new TickLatency(timer, clock);
    }

    private Counter counter(String name, String description, String exchange, String mode) {
        return Counter.builder(name).description(description).tag("exchange", exchange).tag("mode", mode)
                .register(registry);
    }

    private static Duration millis(long ms) { return Duration.ofMillis(ms); }

    /** One exchange+mode's counters, shared by all its bots. */
    public record Orders(Counter sentCounter, Counter deniedCounter, Counter rejectedCounter, Counter fillsCounter) {
        /** For sessions built without metrics (tests that assemble a runtime by hand). */
        public static final Orders NONE = new Orders(null, null, null, null);

        public void sent() { if (sentCounter != null) sentCounter.increment(); }

        public void denied() { if (deniedCounter != null) deniedCounter.increment(); }

        public void rejected() { if (rejectedCounter != null) rejectedCounter.increment(); }

        public void filled() { if (fillsCounter != null) fillsCounter.increment(); }
    }

    private record TickLatency(Timer timer, Clock clock) implements TickObserver {
        @Override
        public void handled(Tick tick) {
            timer.record(Math.max(0, clock.millis() - tick.timestamp()), TimeUnit.MILLISECONDS);
        }
    }
}
