package dev.botfleet.exchanges;

import dev.botfleet.engine.market.Instrument;

/**
 * An instrument as a venue lists it: our reference data, the venue's own name for the symbol ({@code BTCUSDT}) and
 * whether the venue accepts orders on it right now.
 */
public record VenueInstrument(Instrument instrument, String venueSymbol, boolean trading) {

    public String symbol() { return instrument.symbol(); }
}
