package dev.botfleet.engine.position;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** The isolated liquidation estimate against worked numbers (see {@link Liquidation}). */
class LiquidationTest {
    static final BigDecimal TICK = new BigDecimal("0.01");
    static final BigDecimal MMR = new BigDecimal("0.005");

    static BigDecimal price(String qty, String entry, String leverage) {
        return Liquidation.price(new BigDecimal(qty), new BigDecimal(entry), new BigDecimal(leverage), MMR, TICK);
    }

    @Test
    void aLongAtTenTimesLiquidatesNinePointFivePercentBelowEntry() {
        // 50,000 × (1 − 0.1 + 0.005)
        assertThat(price("0.1", "50000", "10")).isEqualByComparingTo("45250.00");
    }

    @Test
    void aShortAtTenTimesLiquidatesNinePointFivePercentAboveEntry() {
        // 50,000 × (1 + 0.1 − 0.005)
        assertThat(price("-0.1", "50000", "10")).isEqualByComparingTo("54750.00");
    }

    @Test
    void offTheGridFiguresRoundTowardsTheEntrySoTheyAreNeverOptimistic() {
        // long at 3 ×: 30,001 × (1 − 1/3 + 0.005) = 20,150.6716…: rounds up
        assertThat(price("1", "30001", "3")).isEqualByComparingTo("20150.68");
        // short at 3 ×: 30,001 × (1 + 1/3 − 0.005) = 39,851.3283…: rounds down
        assertThat(price("-1", "30001", "3")).isEqualByComparingTo("39851.32");
        // and a third that is exact stays exact: 30,000 × (2/3 + 0.005) = 20,150
        assertThat(price("1", "30000", "3")).isEqualByComparingTo("20150.00");
    }

    @Test
    void oneTimesLongCannotBeLiquidatedAboveZeroMaintenance() {
        // 1×: 50,000 × 0.005 = 250: only a 99.5 % fall liquidates
        assertThat(price("0.1", "50000", "1")).isEqualByComparingTo("250.00");
        assertThat(price("0", "50000", "10")).isNull();
    }
}
