package dev.botfleet.engine.indicator;

/**
 * When a denominator counts as zero (RSI's gain + loss, ADX's smoothed true range and DI sum, Bollinger's variance).
 *
 * <p>TA-Lib 0.4.0 uses an absolute epsilon of 1e-8. On markets quoted in small units (every X/BTC pair, or any pair
 * after a long flat stretch such as filled gaps, where Wilder averages decay) that epsilon swallows real values:
 * Bollinger Bands collapse onto the middle band and RSI drops to 0. {@link #EXACT} (the default) treats only a true
 * zero as zero; {@link #TA_LIB} reproduces TA-Lib (and so Freqtrade with TA-Lib) bit for bit, quirks included.
 */
public enum ZeroPolicy {
    /** Only 0 is zero (and for a variance, anything at or below 0). */
    EXACT,
    /** TA-Lib's {@code TA_IS_ZERO}: |x| < 1e-8; for a variance {@code TA_IS_ZERO_OR_NEG}: x < 1e-8. */
    TA_LIB;

    private static final double TA_LIB_EPSILON = 0.00000001;

    boolean isZero(double x) {
        return this == EXACT ? x == 0 : -TA_LIB_EPSILON < x && x < TA_LIB_EPSILON;
    }

    boolean isZeroOrNegative(double x) {
        return this == EXACT ? x <= 0 : x < TA_LIB_EPSILON;
    }
}
