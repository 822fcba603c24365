package dev.botfleet.server.venue;

import dev.botfleet.exchanges.Venue;
import dev.botfleet.exchanges.VenueSettings;
import dev.botfleet.exchanges.binance.BinanceVenue;
import dev.botfleet.exchanges.bybit.BybitVenue;

import java.util.Map;
import java.util.function.Function;

/** The venues botfleet has adapters for, by the id used in configuration ({@code botfleet.venues.<id>}). */
final class KnownVenues {
    private static final Map<String, Function<VenueSettings, Venue>> ADAPTERS = Map.of(
            "binance", BinanceVenue::new,
            "bybit", BybitVenue::new);

    private KnownVenues() {
    }

    static Venue create(String id, VenueSettings settings) {
        Function<VenueSettings, Venue> adapter = ADAPTERS.get(id);
        if (adapter == null) {
            throw new IllegalStateException("botfleet.venues." + id + ": no adapter for '" + id + "'; known: "
                    + String.join(", ", ADAPTERS.keySet().stream().sorted().toList()));
        }
        if (settings.live().rest() == null || settings.live().marketStream() == null
                || settings.live().userStream() == null) {
            throw new IllegalStateException("botfleet.venues." + id + ": rest, market-stream and user-stream are required");
        }
        return adapter.apply(settings);
    }
}
