package dev.botfleet.server.venue;

import dev.botfleet.exchanges.coinbase.CoinbaseVenue;
import dev.botfleet.exchanges.coindcx.CoinDcxVenue;
import dev.botfleet.exchanges.kraken.KrakenTier;
import dev.botfleet.exchanges.kraken.KrakenVenue;
import java.util.function.Supplier;
import dev.botfleet.exchanges.Venue;
import dev.botfleet.exchanges.VenueSettings;
import dev.botfleet.exchanges.binance.BinanceVenue;
import dev.botfleet.exchanges.bybit.BybitVenue;

import java.util.Map;
import java.util.function.Function;

/** The venues botfleet has adapters for, by the id used in configuration ({@code botfleet.venues.<id>}). */
final class KnownVenues {
    private static final Map<String, Function<VenueProperties.Venue, Venue>> ADAPTERS = Map.of(
            "binance", v -> new BinanceVenue(v.settings()),
            "bybit", v -> new BybitVenue(v.settings()),
            "kraken", v -> new KrakenVenue(v.settings(), krakenTier(v.tier())),
            "coinbase", v -> new CoinbaseVenue(v.settings()),
            "coindcx", v -> new CoinDcxVenue(v.settings(),
                    v.publicRest() == null ? CoinDcxVenue.PUBLIC_HOST : v.publicRest()));

    private KnownVenues() {
    }

    static Venue create(String id, VenueProperties.Venue config) {
        VenueSettings settings = config.settings();
        Function<VenueProperties.Venue, Venue> adapter = ADAPTERS.get(id);
        if (adapter == null) {
            throw new IllegalStateException("botfleet.venues." + id + ": no adapter for '" + id + "'; known: "
                    + String.join(", ", ADAPTERS.keySet().stream().sorted().toList()));
        }
        if (settings.live().rest() == null || settings.live().marketStream() == null
                || settings.live().userStream() == null) {
            throw new IllegalStateException("botfleet.venues." + id + ": rest, market-stream and user-stream are required");
        }
        return adapter.apply(config);
    }

    private static Supplier<KrakenTier> krakenTier(String name) {
        KrakenTier tier = switch (name == null ? "starter" : name.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "starter" -> KrakenTier.STARTER;
            case "intermediate" -> KrakenTier.INTERMEDIATE;
            case "pro" -> KrakenTier.PRO;
            default -> throw new IllegalStateException("botfleet.venues.kraken.tier: '" + name
                    + "' is not a Kraken tier; one of starter, intermediate, pro");
        };
        return () -> tier;
    }
}
