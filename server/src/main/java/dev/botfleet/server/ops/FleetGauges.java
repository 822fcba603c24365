package dev.botfleet.server.ops;

import dev.botfleet.server.bot.BotStatus;
import dev.botfleet.server.stream.EventStream;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.jdbc.core.simple.JdbcClient;
import dev.botfleet.server.runtime.TradingRuntime;
import org.springframework.stereotype.Component;

import java.util.EnumMap;
import java.util.Map;

/**
 * Gauges read at scrape time: bots by status (from the database, so bots of every server sharing it count, cached
 * for {@link #MAX_AGE_NANOS} so frequent scrapes cost one small query at most that often) and event-stream clients.
 */
@Component
class FleetGauges implements MeterBinder {
    static final long MAX_AGE_NANOS = 5_000_000_000L;

    private final JdbcClient jdbc;
    private final EventStream stream;
    private final TradingRuntime runtime;
    private Map<BotStatus, Long> counts = Map.of();
    private long readAt;
    private boolean read;

    FleetGauges(JdbcClient jdbc, EventStream stream, TradingRuntime runtime) {
        this.jdbc = jdbc;
        this.stream = stream;
        this.runtime = runtime;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (BotStatus status : BotStatus.values()) {
            Gauge.builder("botfleet.bots", this, g -> g.count(status))
                    .description("Bots by status (all users)").tag("status", status.name()).register(registry);
        }
        // botfleet.bots is the database's count, the same on every node of a cluster; this one is per node
        Gauge.builder("botfleet.bots.running", runtime, TradingRuntime::runningHere)
                .description("Bots running on this node").register(registry);
        Gauge.builder("botfleet.stream.clients", stream, EventStream::clients)
                .description("Connected event-stream (WebSocket) clients").register(registry);
    }

    synchronized double count(BotStatus status) {
        long now = System.nanoTime();
        if (!read || now - readAt >= MAX_AGE_NANOS) {
            try {
                Map<BotStatus, Long> fresh = new EnumMap<>(BotStatus.class);
                jdbc.sql("SELECT status, COUNT(*) AS n FROM bots GROUP BY status")
                        .query((rs, i) -> fresh.put(BotStatus.valueOf(rs.getString("status")), rs.getLong("n")))
                        .list();
                counts = fresh;
            } catch (RuntimeException e) {
                return Double.NaN;  // the database is away: say "unknown", not a stale or a zero count
            }
            readAt = now;
            read = true;
        }
        return counts.getOrDefault(status, 0L);
    }
}
