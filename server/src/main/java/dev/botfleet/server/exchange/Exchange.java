package dev.botfleet.server.exchange;

import dev.botfleet.engine.market.Instrument;

import java.util.List;
import java.util.Optional;

/**
 * A venue bots can trade on, with its instruments.
 *
 * @param liveTrading whether a live adapter exists; without one the exchange is paper-only
 */
public record Exchange(String id, String name, boolean liveTrading, List<Instrument> instruments) {
    public Exchange {
        instruments = List.copyOf(instruments);
    }

    public Optional<Instrument> instrument(String symbol) {
        return instruments.stream().filter(i -> i.symbol().equals(symbol)).findFirst();
    }
}
