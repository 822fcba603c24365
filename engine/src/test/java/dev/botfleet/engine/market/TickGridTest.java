package dev.botfleet.engine.market;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link TickGrid#snap} equals the plain {@code BigDecimal.valueOf(price).divide(tick, 0, HALF_EVEN).multiply(tick)},
 * value and scale, on prices on and off the grid, ties, signs, large and tiny values, for ticks that are powers of ten
 * (the shortcut) and ticks that are not.
 */
class TickGridTest {
    private static final List<BigDecimal> TICKS = List.of(new BigDecimal("0.01"), new BigDecimal("0.00001"),
            new BigDecimal("1"), new BigDecimal("0.1"), new BigDecimal("1E-8"), new BigDecimal("1E-15"),
            new BigDecimal("0.5"), new BigDecimal("0.25"), new BigDecimal("5"), new BigDecimal("1E+1"),
            new BigDecimal("0.010"), new BigDecimal("0.0001"));

    private static BigDecimal plain(double price, BigDecimal tick) {
        return BigDecimal.valueOf(price).divide(tick, 0, RoundingMode.HALF_EVEN).multiply(tick);
    }

    private static void same(double price, BigDecimal tick) {
        BigDecimal expected = plain(price, tick);
        BigDecimal actual = TickGrid.snap(price, tick);
        assertThat(actual).as("%s on tick %s", price, tick).isEqualTo(expected);
        assertThat(actual.scale()).isEqualTo(expected.scale());
    }

    @Test
    void sameAsThePlainConversionOnRandomPrices() {
        SplittableRandom random = new SplittableRandom(48);
        for (BigDecimal tick : TICKS) {
            for (int i = 0; i < 20_000; i++) {
                double magnitude = Math.pow(10, random.nextInt(-9, 16));
                long steps = random.nextLong(1L << 50);
                double price = switch (i % 5) {
                    case 0 -> random.nextDouble() * magnitude;                                  // off the grid
                    case 1 -> BigDecimal.valueOf(steps % 10_000_000, random.nextInt(0, 9)).doubleValue();  // on a grid
                    case 2 -> (steps % 100_000 + 0.5) / Math.pow(10, random.nextInt(0, 8));     // ties
                    case 3 -> -BigDecimal.valueOf(steps, random.nextInt(0, 16)).doubleValue();  // negative, up to 2^50 steps
                    default -> BigDecimal.valueOf(steps, random.nextInt(0, 16)).doubleValue();
                };
                same(price, tick);
            }
        }
    }

    @Test
    void edgeValues() {
        double[] prices = {0.0, -0.0, 1.005, 2.675, 0.125, 0.1 + 0.2, 1e15, 1e15 + 0.25, 2814749767106.56, 1e-320,
                Double.MIN_VALUE, 9_007_199_254_740_993.0, 123456.785, 0.015, 0.025, 99.995};
        for (BigDecimal tick : TICKS) for (double p : prices) same(p, tick);
    }

    @Test
    void notANumberIsRefusedAsBefore() {
        assertThatThrownBy(() -> TickGrid.snap(Double.NaN, new BigDecimal("0.01")))
                .isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> TickGrid.snap(Double.POSITIVE_INFINITY, new BigDecimal("0.01")))
                .isInstanceOf(NumberFormatException.class);
    }
}
