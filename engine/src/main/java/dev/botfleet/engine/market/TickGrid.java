package dev.botfleet.engine.market;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * A market-data price (a double) put on the tick grid as an exact decimal, as
 * {@code BigDecimal.valueOf(price).divide(tick, 0, HALF_EVEN).multiply(tick)} gives it: the mark price of every risk
 * check and the simulated exchange's fill prices. {@code BigDecimal.valueOf(double)} goes through
 * {@code Double.toString}; for a tick that is a power of ten and a price already on its grid (what candles hold) the
 * same value comes from the grid index directly.
 *
 * <p>Why that is exact: if the nearest double to k·10^-s is {@code price}, the shortest decimal that
 * {@code Double.toString} prints for it is k·10^-s itself. Below 2^48 grid steps the doubles rounding to
 * {@code price} span less than a tenth of a step, so no other decimal of at most as many digits is among them.
 */
public final class TickGrid {
    private static final double[] POW10 = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13,
            1e14, 1e15, 1e16, 1e17, 1e18};
    private static final long MAX_STEPS = 1L << 48;

    private TickGrid() {
    }

    /** {@code price} rounded half-even to a multiple of {@code tick}, with the tick's scale. */
    public static BigDecimal snap(double price, BigDecimal tick) {
        int s = tick.scale();
        // unscaledValue() is cached in the tick after its first call, and 1 is BigInteger's own constant.
        if (s >= 0 && s < POW10.length && tick.unscaledValue().equals(BigInteger.ONE)) {
            long k = Math.round(price * POW10[s]);
            if (Math.abs(k) < MAX_STEPS && (double) k / POW10[s] == price) return BigDecimal.valueOf(k, s);
        }
        return BigDecimal.valueOf(price).divide(tick, 0, RoundingMode.HALF_EVEN).multiply(tick);
    }
}
