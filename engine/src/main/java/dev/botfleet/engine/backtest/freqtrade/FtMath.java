package dev.botfleet.engine.backtest.freqtrade;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Freqtrade's number handling, reproduced so results agree to the last bit: products and sums of money are exact
 * decimals built from each double's shortest decimal form (Freqtrade's FtPrecise works on {@code str(float)}, and
 * Java's {@link Double#toString} gives the same shortest digits), ratios are plain doubles, and profit ratios are
 * rounded to 8 decimals half-even on the exact binary value (Python's {@code float(f"{x:.8f}")}).
 */
final class FtMath {

    private FtMath() {
    }

    static BigDecimal exact(double value) {
        return new BigDecimal(Double.toString(value));
    }

    /** Python's {@code float(f"{x:.8f}")}. */
    static double round8(double value) {
        if (!Double.isFinite(value)) {
            return value;
        }
        return new BigDecimal(value).setScale(8, RoundingMode.HALF_EVEN).doubleValue();
    }

    /** amount·rate·(1 + fee) when {@code addFee}, else amount·rate·(1 − fee), exactly, then to double. */
    static double valueWithFee(double amount, double rate, double fee, boolean addFee) {
        BigDecimal gross = exact(amount).multiply(exact(rate));
        BigDecimal fees = gross.multiply(exact(fee));
        return (addFee ? gross.add(fees) : gross.subtract(fees)).doubleValue();
    }

    /** amount·rate·fee, the fee cost of one fill. */
    static double feeCost(double amount, double rate, double fee) {
        return exact(amount).multiply(exact(rate)).multiply(exact(fee)).doubleValue();
    }

    static double product(double a, double b) {
        return exact(a).multiply(exact(b)).doubleValue();
    }

    /**
     * Rounds a price to the tick: to the nearest tick (half up, as ccxt's ROUND) when {@code mode} is HALF_UP, else
     * UP (ceiling, for long stops) or DOWN (floor, for short stops). A null tick leaves the price alone.
     */
    static double priceToPrecision(double price, BigDecimal tick, RoundingMode mode) {
        if (tick == null || !Double.isFinite(price)) {
            return price;
        }
        BigDecimal ticks = exact(price).divide(tick, 0, toTickMode(mode));
        return ticks.multiply(tick).doubleValue();
    }

    /** Amounts are truncated to the step (never trade more than the stake pays for). */
    static double amountToPrecision(double amount, BigDecimal step) {
        if (step == null) {
            return amount;
        }
        return exact(amount).divide(step, 0, RoundingMode.DOWN).multiply(step).doubleValue();
    }

    private static RoundingMode toTickMode(RoundingMode mode) {
        return switch (mode) {
            case UP, CEILING -> RoundingMode.CEILING;
            case DOWN, FLOOR -> RoundingMode.FLOOR;
            default -> RoundingMode.HALF_UP;
        };
    }
}
