package dev.botfleet.server.venue;

import dev.botfleet.exchanges.InstrumentCache;
import dev.botfleet.exchanges.MarketDataClient;
import dev.botfleet.exchanges.Venue;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The real venues this server is configured for ({@code botfleet.venues.<id>.enabled}), each with its public market-data client and its instrument list.
 * Lists load in the background after start and are refreshed when stale, so a venue that cannot be reached never
 * delays start-up: it shows as UNAVAILABLE with the reason until it answers.
 */
@Component
public class VenueRegistry implements SmartLifecycle {
    /** One venue as the server holds it. */
    public record Entry(Venue venue, MarketDataClient marketData, InstrumentCache instruments) {
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private ScheduledExecutorService refresher;
    private volatile boolean running;

    public VenueRegistry(VenueProperties properties, Clock clock) {
        for (var configured : new java.util.TreeMap<>(properties.venues()).entrySet()) {
            VenueProperties.Venue config = configured.getValue();
            if (!config.enabled()) continue;
            Venue venue = KnownVenues.create(configured.getKey(), config);
            MarketDataClient market = venue.marketData(false);
            long maxAge = config.maxAge().toMillis();
            entries.put(venue.id(), new Entry(venue, market, new InstrumentCache(market, maxAge, clock::millis)));
        }
    }

    public List<Entry> all() { return List.copyOf(entries.values()); }

    public Optional<Entry> find(String id) { return Optional.ofNullable(entries.get(id)); }

    @Override
    public void start() {
        running = true;
        if (entries.isEmpty()) return;
        refresher = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("venue-instruments").factory());
        refresher.scheduleWithFixedDelay(() -> entries.values().forEach(e -> e.instruments().refreshIfStale()),
                0, 60, TimeUnit.SECONDS);
    }

    @Override
    public void stop() {
        running = false;
        if (refresher != null) refresher.shutdownNow();
        entries.values().forEach(e -> e.marketData().close());
    }

    @Override
    public boolean isRunning() { return running; }
}
