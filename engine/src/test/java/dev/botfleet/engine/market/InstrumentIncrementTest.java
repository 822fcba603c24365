package dev.botfleet.engine.market;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The tick/lot check's shortcut for power-of-ten increments answers as the exact remainder does. */
class InstrumentIncrementTest {

    private static final List<BigDecimal> INCREMENTS = List.of(new BigDecimal("0.01"), new BigDecimal("0.001"),
            BigDecimal.ONE, new BigDecimal("0.010"), new BigDecimal("0.5"), new BigDecimal("0.25"),
            new BigDecimal("5"), new BigDecimal("1E+1"), new BigDecimal("0.00000001"));

    @Test
    void agreesWithTheRemainderOnManyValues() {
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            BigDecimal value = BigDecimal.valueOf(random.nextLong() % 10_000_000, random.nextInt(12) - 2);
            for (BigDecimal increment : INCREMENTS) {
                boolean exact = value.remainder(increment).signum() == 0;
                assertThat(Instrument.isMultiple(value, increment)).as("%s on %s", value, increment).isEqualTo(exact);
            }
        }
    }

    @Test
    void edgeCases() {
        assertThat(Instrument.isMultiple(new BigDecimal("1.23"), new BigDecimal("0.01"))).isTrue();
        assertThat(Instrument.isMultiple(new BigDecimal("1.234"), new BigDecimal("0.01"))).isFalse();
        assertThat(Instrument.isMultiple(new BigDecimal("1.230"), new BigDecimal("0.01"))).isTrue();
        assertThat(Instrument.isMultiple(new BigDecimal("-0.5"), new BigDecimal("0.25"))).isTrue();
        assertThat(Instrument.isMultiple(new BigDecimal("0.75"), new BigDecimal("0.5"))).isFalse();
        assertThat(Instrument.isMultiple(new BigDecimal("20"), new BigDecimal("1E+1"))).isTrue();
        assertThat(Instrument.isMultiple(new BigDecimal("25"), new BigDecimal("1E+1"))).isFalse();
        assertThat(Instrument.isMultiple(BigDecimal.ZERO, new BigDecimal("0.001"))).isTrue();
    }
}
