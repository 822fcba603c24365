package dev.botfleet.server.market;

import dev.botfleet.engine.market.Instrument;

import java.math.BigDecimal;

/** Market-data doubles become exact decimals once, at the boundary, on the instrument's tick grid. */
public final class Prices {
    private Prices() {
    }

    public static BigDecimal exact(Instrument instrument, double price) {
        return instrument.roundPrice(BigDecimal.valueOf(price));
    }

    /** Plain decimal string with the instrument's price scale ("64210.50"). */
    public static String format(Instrument instrument, double price) {
        return exact(instrument, price).setScale(instrument.priceScale(), java.math.RoundingMode.HALF_EVEN).toPlainString();
    }
}
