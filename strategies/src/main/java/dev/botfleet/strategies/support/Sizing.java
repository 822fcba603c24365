package dev.botfleet.strategies.support;

import dev.botfleet.engine.market.Instrument;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Turns amounts of quote currency into order quantities on the instrument's lot grid. */
public final class Sizing {
    private Sizing() {
    }

    /**
     * The base quantity that {@code quote} buys at {@code price}, rounded down to the lot size (never spend more than
     * asked). Zero when even one lot costs more.
     */
    public static BigDecimal quantityFor(Instrument instrument, BigDecimal quote, BigDecimal price) {
        BigDecimal raw = quote.divide(price, MathContext.DECIMAL64);
        return instrument.roundQuantity(raw);
    }

    /** True when an order of {@code quantity} at {@code price} meets the instrument's minimum quantity and value. */
    public static boolean meetsMinimums(Instrument instrument, BigDecimal quantity, BigDecimal price) {
        return quantity.signum() > 0 && quantity.compareTo(instrument.minQuantity()) >= 0
                && quantity.multiply(price).compareTo(instrument.minNotional()) >= 0;
    }

    /** A market price (double, from market data) as an exact decimal on the tick grid. */
    public static BigDecimal price(Instrument instrument, double price) {
        return instrument.roundPrice(BigDecimal.valueOf(price));
    }

    /** A buy price on the tick grid, rounded down so a buy never pays more than computed. */
    public static BigDecimal buyPrice(Instrument instrument, BigDecimal price) {
        BigDecimal tick = instrument.tickSize();
        return price.divide(tick, 0, RoundingMode.DOWN).multiply(tick).setScale(instrument.priceScale(), RoundingMode.UNNECESSARY);
    }

    /** A sell price on the tick grid, rounded up so a sell never receives less than computed. */
    public static BigDecimal sellPrice(Instrument instrument, BigDecimal price) {
        BigDecimal tick = instrument.tickSize();
        return price.divide(tick, 0, RoundingMode.UP).multiply(tick).setScale(instrument.priceScale(), RoundingMode.UNNECESSARY);
    }
}
