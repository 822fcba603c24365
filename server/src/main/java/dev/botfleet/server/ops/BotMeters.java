package dev.botfleet.server.ops;

import dev.botfleet.engine.market.Tick;
import dev.botfleet.engine.runtime.TickObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * The running bots' meters. Labels are exchange and mode only — never a bot or a user: those are unbounded, and one
 * time series per bot would grow Prometheus without limit. A session resolves its meters once, when it is built, so
 * counting on the bot's turn is a field read and an add (no lookup, no allocation).
 */
@Component
public class BotMeters {
    private final MeterRegistry registry;
    private final Clock clock;
    private final TickLatencyCollector tickLatencies = new TickLatencyCollector();
    /** One observer per exchange, shared by its bots: a tick shard tells its quiet bots' decisions per observer. */
    private final java.util.concurrent.ConcurrentHashMap<String, TickObserver> tickObservers =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** @param prometheus where the tick-to-decision histograms are scraped from; none: they are kept but not shown */
    public BotMeters(MeterRegistry registry, Clock clock, ObjectProvider<PrometheusRegistry> prometheus) {
        this.registry = registry;
        this.clock = clock;
        prometheus.ifAvailable(p -> p.register(tickLatencies));
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
     * transit (and any clock skew, clamped at 0). Resolution: 1 ms (a tick's time is in milliseconds). A bot whose
     * quiet band held the tick decided when its shard passed it over (engine {@code BotRunner}): counted then.
     */
    public TickObserver ticks(String exchange) {
        return tickObservers.computeIfAbsent(exchange, e -> new TickLatency(tickLatencies.histogram(e), clock));
    }

    private Counter counter(String name, String description, String exchange, String mode) {
        return Counter.builder(name).description(description).tag("exchange", exchange).tag("mode", mode)
                .register(registry);
    }

    /** One exchange+mode's counters, shared by all its bots. */
    public record Orders(Counter sentCounter, Counter deniedCounter, Counter rejectedCounter, Counter fillsCounter) {
        /** For sessions built without metrics (tests that assemble a runtime by hand). */
        public static final Orders NONE = new Orders(null, null, null, null);

        public void sent() { if (sentCounter != null) sentCounter.increment(); }

        public void denied() { if (deniedCounter != null) deniedCounter.increment(); }

        public void rejected() { if (rejectedCounter != null) rejectedCounter.increment(); }

        public void filled() { if (fillsCounter != null) fillsCounter.increment(); }
    }

    private record TickLatency(TickLatencyHistogram histogram, Clock clock) implements TickObserver {
        @Override
        public void handled(Tick tick) {
            histogram.record(Math.max(0, clock.millis() - tick.timestamp()), 1);
        }

        /** Bots that skipped the tick as quiet: decided when their shard passed them, counted all at once. */
        @Override
        public void handled(Tick tick, int bots) {
            histogram.record(Math.max(0, clock.millis() - tick.timestamp()), bots);
        }
    }
}
