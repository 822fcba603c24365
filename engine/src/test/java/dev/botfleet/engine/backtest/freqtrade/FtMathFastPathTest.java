package dev.botfleet.engine.backtest.freqtrade;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * FtMath's fast paths (issue 15) give exactly what the plain BigDecimal forms give: the shortest decimal's value
 * without printing it, and the 8-decimal rounding without an exact BigDecimal of the binary value.
 */
class FtMathFastPathTest {

    @Test
    void decimalValueIsTheValueDoubleToStringPrints() {
        SplittableRandom random = new SplittableRandom(15);
        for (int i = 0; i < 200_000; i++) {
            double v = sample(random);
            assertThat(FtMath.decimalValue(v).compareTo(new BigDecimal(Double.toString(v))))
                    .as("value %s", v).isZero();
        }
        for (double v : new double[] {0.0, -0.0, 1.0, 100.0, 0.1, 0.001, 1e-9, 9_999_999.99999999, 1e7, 123.45,
                0.30000000000000004, Double.MIN_VALUE, 1e300}) {
            assertThat(FtMath.decimalValue(v).compareTo(new BigDecimal(Double.toString(v)))).as("value %s", v).isZero();
        }
    }

    @Test
    void round8IsPythonsFormattedRounding() {
        SplittableRandom random = new SplittableRandom(8);
        for (int i = 0; i < 200_000; i++) {
            double v = sample(random);
            assertThat(FtMath.round8(v)).as("value %s", v).isEqualTo(slowRound8(v));
        }
        // Halves at the 8th decimal, as exact binary values, and results that round to zero from below.
        for (double v : new double[] {0.5e-8, 1.5e-8, 2.5e-8, -2.5e-8, 0.123456785, -0.123456785, -1e-12, -0.0, 0.0,
                85.899345915, 1e9, -3e12}) {
            assertThat(FtMath.round8(v)).as("value %s", v).isEqualTo(slowRound8(v));
        }
        assertThat(Double.doubleToRawLongBits(FtMath.round8(-1e-12))).isEqualTo(Double.doubleToRawLongBits(0.0));
    }

    /** Prices on a cent grid, amounts on 0.001, ratios, and arbitrary doubles over many magnitudes. */
    private static double sample(SplittableRandom random) {
        return switch (random.nextInt(5)) {
            case 0 -> Math.round(random.nextDouble(0, 100_000) * 100) / 100.0;
            case 1 -> Math.round(random.nextDouble(0, 10_000) * 1000) / 1000.0;
            case 2 -> random.nextDouble(-1, 1);
            case 3 -> (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(-12, 16));
            default -> Math.round(random.nextDouble(-1, 1) * 1e8) / 1e8 + (random.nextBoolean() ? 5e-9 : 0);
        };
    }

    private static double slowRound8(double v) {
        return new BigDecimal(v).setScale(8, RoundingMode.HALF_EVEN).doubleValue();
    }
}
