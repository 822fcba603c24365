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

    /**
     * The value of {@link #exact} (the shortest decimal that reads back as {@code value}, which is what
     * {@link Double#toString} prints), without printing and parsing it: for the arithmetic below, whose results are
     * doubles again, only the value counts, not the scale. Exact, not an approximation: below 10^7, decimals with k ≤ 8
     * fractional digits are at least 10^-8 apart while the doubles that read back as one decimal span less than
     * 2·10^-9, so at most one decimal of each k reads back as {@code value}, and the one with the fewest fractional
     * digits is the shortest, i.e. the one {@code Double.toString} prints. {@code m / 10^k == value} tests "reads
     * back" exactly (m and 10^k are exact doubles, the division is correctly rounded). Anything else goes the slow way.
     */
    static BigDecimal decimalValue(double value) {
        if (Math.abs(value) < 1e7) {
            double scale = 1;
            for (int k = 0; k <= 8; k++, scale *= 10) {
                double m = Math.rint(value * scale);
                if (m / scale == value) {
                    return BigDecimal.valueOf((long) m, k);
                }
            }
        }
        return exact(value);
    }

    /** Python's {@code float(f"{x:.8f}")}. */
    static double round8(double value) {
        if (!Double.isFinite(value)) {
            return value;
        }
        // Fast path, exact: below 2^33 the product value·10^8 is off the exact one by at most 2^-21 (half its ulp),
        // so unless it lies within 2^-10 of a half, it rounds to the same whole number k as the exact product would;
        // k / 10^8 is then one correctly rounded division, the same double as BigDecimal's (k·10^-8).doubleValue().
        // A zero result is +0.0, as from BigDecimal.
        double scaled = value * 1e8;
        if (Math.abs(scaled) < 0x1p33) {
            double k = Math.rint(scaled);
            if (Math.abs(Math.abs(scaled - k) - 0.5) > 0x1p-10) {
                return k == 0 ? 0.0 : k / 1e8;
            }
        }
        return new BigDecimal(value).setScale(8, RoundingMode.HALF_EVEN).doubleValue();
    }

    /** amount·rate·(1 + fee) when {@code addFee}, else amount·rate·(1 − fee), exactly, then to double. */
    static double valueWithFee(double amount, double rate, double fee, boolean addFee) {
        BigDecimal gross = decimalValue(amount).multiply(decimalValue(rate));
        BigDecimal fees = gross.multiply(decimalValue(fee));
        return (addFee ? gross.add(fees) : gross.subtract(fees)).doubleValue();
    }

    /** amount·rate·fee, the fee cost of one fill. */
    static double feeCost(double amount, double rate, double fee) {
        return decimalValue(amount).multiply(decimalValue(rate)).multiply(decimalValue(fee)).doubleValue();
    }

    static double product(double a, double b) {
        return decimalValue(a).multiply(decimalValue(b)).doubleValue();
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
