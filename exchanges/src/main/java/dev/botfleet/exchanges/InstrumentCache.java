package dev.botfleet.exchanges;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * A venue's instrument list, loaded from the venue and kept: refreshed when older than {@code maxAgeMillis}, and when
 * a refresh fails the last good list stays in use (with the failure reported). Symbols resolve both ways through it.
 */
public final class InstrumentCache {
    private static final Logger log = LoggerFactory.getLogger(InstrumentCache.class);

    private final MarketDataClient client;
    private final long maxAgeMillis;
    private final LongSupplier clock;
    private volatile Map<String, VenueInstrument> bySymbol = Map.of();
    private volatile Map<String, VenueInstrument> byVenueSymbol = Map.of();
    private volatile long loadedAt = Long.MIN_VALUE;
    private volatile String problem = "not loaded yet";
    private volatile Object snapshot = new Object();
    private volatile boolean attempted;

    public InstrumentCache(MarketDataClient client, long maxAgeMillis, LongSupplier clock) {
        this.client = client;
        this.maxAgeMillis = maxAgeMillis;
        this.clock = clock;
    }

    public String venue() { return client.venue(); }

    /** Loads now; keeps the old list and records the reason when the venue cannot be reached. */
    public synchronized boolean refresh() {
        try {
            return load();
        } finally {
            attempted = true;
        }
    }

    private boolean load() {
        try {
            List<VenueInstrument> loaded = client.instruments();
            Map<String, VenueInstrument> ours = new LinkedHashMap<>();
            Map<String, VenueInstrument> theirs = new LinkedHashMap<>();
            for (VenueInstrument i : loaded) {
                ours.put(i.symbol(), i);
                theirs.put(i.venueSymbol(), i);
            }
            bySymbol = Map.copyOf(ours);
            byVenueSymbol = Map.copyOf(theirs);
            loadedAt = clock.getAsLong();
            problem = null;
            snapshot = new Object();
            return true;
        } catch (RuntimeException e) {
            problem = e.getMessage();
            snapshot = new Object();
            log.warn("{}: instruments not loaded: {}", client.venue(), e.getMessage());
            return false;
        }
    }

    /** Refreshes if the list is older than the maximum age. */
    public void refreshIfStale() {
        if (loadedAt == Long.MIN_VALUE || clock.getAsLong() - loadedAt >= maxAgeMillis) refresh();
    }

    public boolean loaded() { return loadedAt != Long.MIN_VALUE; }

    /** Whether a load has been tried (and finished), successfully or not. */
    public boolean attempted() { return attempted; }

    /** Why the last load failed, or null when it worked. */
    public String problem() { return problem; }

    public List<VenueInstrument> all() { return List.copyOf(bySymbol.values()); }

    /** The current list as one immutable object: a new identity after every successful load (and every problem). */
    public Object snapshot() { return snapshot; }

    public Optional<VenueInstrument> find(String symbol) { return Optional.ofNullable(bySymbol.get(symbol)); }

    public Optional<VenueInstrument> findVenueSymbol(String venueSymbol) {
        return Optional.ofNullable(byVenueSymbol.get(venueSymbol));
    }
}
