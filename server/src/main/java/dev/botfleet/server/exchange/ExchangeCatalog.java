package dev.botfleet.server.exchange;

import dev.botfleet.engine.sim.SimMarkets;
import dev.botfleet.exchanges.VenueInstrument;
import dev.botfleet.server.venue.VenueRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The exchanges this server knows: the built-in simulated exchange {@code sim} (paper only) and every configured real
 * venue with the instruments it lists now (markets the venue has halted are left out).
 */
@Component
public class ExchangeCatalog {
    private static final Exchange SIM = new Exchange(SimMarkets.EXCHANGE, "Simulated exchange", false,
            SimMarkets.instruments());
    private static final Exchange SIM_PERP = new Exchange(SimMarkets.PERPETUAL_EXCHANGE, "Simulated perpetuals", false,
            SimMarkets.perpetuals());
    private final List<Exchange> fixed;
    private final VenueRegistry venues;
    private volatile Cached cached;
    private List<ExchangeSource> sources = List.of();

    private record Cached(List<Object> key, List<Exchange> exchanges) {
    }

    @Autowired
    public ExchangeCatalog(VenueRegistry venues) {
        this.fixed = List.of(SIM, SIM_PERP);
        this.venues = venues;
    }

    /** Exchanges provided by other features (DEX markets), listed after the fixed ones and the venues. */
    @Autowired(required = false)
    void sources(List<ExchangeSource> sources) {
        this.sources = List.copyOf(sources);
    }

    public ExchangeCatalog() {
        this(List.of(SIM, SIM_PERP));
    }

    public ExchangeCatalog(List<Exchange> exchanges) {
        this.fixed = List.copyOf(exchanges);
        this.venues = null;
    }

    public List<Exchange> exchanges() {
        if (sources.isEmpty()) return fixedAndVenues();
        List<Exchange> all = new ArrayList<>(fixedAndVenues());
        for (ExchangeSource source : sources) all.addAll(source.exchanges());
        return all;
    }

    private List<Exchange> fixedAndVenues() {
        if (venues == null) return fixed;
        // Rebuilt only when a venue's list changed (the lists are immutable snapshots, compared by identity).
        List<Object> key = new ArrayList<>();
        for (VenueRegistry.Entry e : venues.all()) key.add(e.instruments().snapshot());
        Cached c = cached;
        if (c != null && sameIdentity(c.key(), key)) return c.exchanges();
        List<Exchange> all = new ArrayList<>(fixed);
        for (VenueRegistry.Entry e : venues.all()) {
            List<dev.botfleet.engine.market.Instrument> trading = e.instruments().all().stream()
                    .filter(VenueInstrument::trading).map(VenueInstrument::instrument).toList();
            all.add(new Exchange(e.venue().id(), e.venue().name(), true, e.venue().hasTestnet(),
                    e.instruments().loaded(), e.instruments().problem(), trading, null));
        }
        List<Exchange> built = List.copyOf(all);
        cached = new Cached(key, built);
        return built;
    }

    private static boolean sameIdentity(List<Object> a, List<Object> b) {
        if (a.size() != b.size()) return false;
        for (int i = 0; i < a.size(); i++) if (a.get(i) != b.get(i)) return false;
        return true;
    }

    public Optional<Exchange> find(String id) {
        return exchanges().stream().filter(e -> e.id().equals(id)).findFirst();
    }

    public String ids() {
        return String.join(", ", exchanges().stream().map(Exchange::id).toList());
    }
}
