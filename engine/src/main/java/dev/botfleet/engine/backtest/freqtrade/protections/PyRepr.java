package dev.botfleet.engine.backtest.freqtrade.protections;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Numbers printed the way Python's {@code str()} prints them, so lock reasons read exactly like Freqtrade's
 * ({@code "-0.15 < 0.0 in 6 candles, ..."}): an int without a point; a float as its shortest round-trip digits, with
 * {@code .0} when whole, in exponent form ({@code 1e-05}, {@code 1.5e+16}) below 1e-4 or from 1e16 on.
 */
final class PyRepr {

    private PyRepr() {
    }

    /** Integers print as integers, every other number as a Python float. */
    static String of(Number n) {
        if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte
                || n instanceof BigInteger) {
            return n.toString();
        }
        return of(n.doubleValue());
    }

    static String of(double x) {
        if (Double.isNaN(x)) {
            return "nan";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "inf" : "-inf";
        }
        if (x == 0) {
            return 1 / x < 0 ? "-0.0" : "0.0";
        }
        BigDecimal shortest = shortest(Math.abs(x));
        String digits = shortest.unscaledValue().toString();
        int exponent = digits.length() - 1 - shortest.scale(); // power of ten of the first digit
        String sign = x < 0 ? "-" : "";
        if (exponent < -4 || exponent >= 16) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
        }
        if (exponent < 0) {
            return sign + "0." + "0".repeat(-exponent - 1) + digits;
        }
        if (exponent >= digits.length() - 1) {
            return sign + digits + "0".repeat(exponent - digits.length() + 1) + ".0";
        }
        return sign + digits.substring(0, exponent + 1) + "." + digits.substring(exponent + 1);
    }

    /**
     * The shortest decimal that reads back as {@code x} (x > 0). Java's {@code Double.toString} gives it, except that
     * it may pick a closer two-digit decimal where a one-digit one exists (4.9E-324 where Python prints 5e-324).
     */
    private static BigDecimal shortest(double x) {
        BigDecimal java = new BigDecimal(Double.toString(x)).stripTrailingZeros();
        if (java.precision() == 2) {
            for (RoundingMode mode : new RoundingMode[] {RoundingMode.HALF_EVEN, RoundingMode.DOWN, RoundingMode.UP}) {
                BigDecimal one = java.round(new MathContext(1, mode));
                if (Double.parseDouble(one.toString()) == x) {
                    return one.stripTrailingZeros();
                }
            }
        }
        return java;
    }
}
