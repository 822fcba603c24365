package dev.botfleet.engine.market;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A tradable market on one exchange, with the reference data every order is resolved against: prices are multiples
 * of {@code tickSize}, quantities multiples of {@code lotSize}, and an order's notional must reach {@code minNotional}.
 * Fees are fractions (0.001 = 0.1%).
 *
 * <p>A perpetual future carries its {@link Derivative} terms; spot has none. Both trade in base-asset quantities.
 *
 * @param symbol "BTC/USDT" (base/quote), the form used in our API
 * @param derivative the perpetual's terms, or null for spot
 */
public record Instrument(
        String exchange,
        String symbol,
        String baseAsset,
        String quoteAsset,
        BigDecimal tickSize,
        BigDecimal lotSize,
        BigDecimal minQuantity,
        BigDecimal minNotional,
        BigDecimal makerFee,
        BigDecimal takerFee,
        Derivative derivative) {

    /** A spot instrument. */
    public Instrument(String exchange, String symbol, String baseAsset, String quoteAsset, BigDecimal tickSize,
                      BigDecimal lotSize, BigDecimal minQuantity, BigDecimal minNotional, BigDecimal makerFee,
                      BigDecimal takerFee) {
        this(exchange, symbol, baseAsset, quoteAsset, tickSize, lotSize, minQuantity, minNotional, makerFee, takerFee,
                null);
    }

    /** The same market as a perpetual with these terms. */
    public Instrument asPerpetual(Derivative terms) {
        return new Instrument(exchange, symbol, baseAsset, quoteAsset, tickSize, lotSize, minQuantity, minNotional,
                makerFee, takerFee, terms);
    }

    /** True for a perpetual future: it can be sold short, needs margin, and pays or receives funding. */
    public boolean isPerpetual() { return derivative != null; }

    /** The asset balances are checked in for a buy: the settle asset of a perpetual, else the quote asset. */
    public String marginAsset() { return derivative != null ? derivative.settleAsset() : quoteAsset; }

    /** Rounds a price down to the tick grid for a buy and up for a sell would be a policy; this is plain half-even. */
    public BigDecimal roundPrice(BigDecimal price) {
        return roundToIncrement(price, tickSize, RoundingMode.HALF_EVEN);
    }

    /** Quantities round down: never trade more than was asked for. */
    public BigDecimal roundQuantity(BigDecimal quantity) {
        return roundToIncrement(quantity, lotSize, RoundingMode.DOWN);
    }

    public boolean isOnTick(BigDecimal price) {
        return isMultiple(price, tickSize);
    }

    public boolean isOnLot(BigDecimal quantity) {
        return isMultiple(quantity, lotSize);
    }

    /**
     * Whether {@code value} is a whole multiple of {@code increment}. Checked on every order (risk check and the
     * simulated exchange): the usual increment is a power of ten (0.01, 0.001, 1), which divides every value with at
     * most as many decimals, so that case needs no division; any other case takes the exact remainder.
     */
    static boolean isMultiple(BigDecimal value, BigDecimal increment) {
        if (value.scale() <= increment.scale() && increment.equals(increment.ulp())) return true;
        return value.remainder(increment).signum() == 0;
    }

    /** Number of decimals of the tick size, e.g. 2 for 0.01: how prices are shown. */
    public int priceScale() {
        return Math.max(0, tickSize.stripTrailingZeros().scale());
    }

    public int quantityScale() {
        return Math.max(0, lotSize.stripTrailingZeros().scale());
    }

    static BigDecimal roundToIncrement(BigDecimal value, BigDecimal increment, RoundingMode mode) {
        BigDecimal units = value.divide(increment, 0, mode);
        return units.multiply(increment).setScale(Math.max(0, increment.stripTrailingZeros().scale()), RoundingMode.UNNECESSARY);
    }
}
