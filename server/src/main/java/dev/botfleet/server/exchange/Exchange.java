package dev.botfleet.server.exchange;

import dev.botfleet.engine.market.Instrument;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A venue bots can trade on, with its instruments (indexed by symbol: a real venue lists thousands).
 *
 * @param liveTrading  whether bots may trade LIVE here (a real venue with an adapter); every venue allows PAPER
 * @param testnet      whether keys for this venue may be testnet keys
 * @param available    false while a real venue's instrument list could not be loaded
 * @param statusReason why it is unavailable, else null
 */
public record Exchange(String id, String name, boolean liveTrading, boolean testnet, boolean available,
                       String statusReason, List<Instrument> instruments, Map<String, Instrument> bySymbol) {

    public Exchange(String id, String name, boolean liveTrading, List<Instrument> instruments) {
        this(id, name, liveTrading, false, true, null, instruments, null);
    }

    public Exchange {
        instruments = List.copyOf(instruments);
        if (bySymbol == null) {
            Map<String, Instrument> index = new LinkedHashMap<>();
            for (Instrument i : instruments) index.put(i.symbol(), i);
            bySymbol = Map.copyOf(index);
        }
    }

    public Optional<Instrument> instrument(String symbol) {
        return Optional.ofNullable(symbol == null ? null : bySymbol.get(symbol));
    }
}
