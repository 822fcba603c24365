package dev.botfleet.strategies.dca;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.math.RoundingMode;

import static org.assertj.core.api.Assertions.assertThat;

/** The golden table of trading-formulas.md §3.3: P₀=1000, BO=100, v=200, d=1%, s=2, m=2, N=5, tp=1%. */
class DcaLadderTest {
    static final DcaLadder LADDER = new DcaLadder(new BigDecimal("100"), new BigDecimal("200"), BigDecimal.ONE,
            new BigDecimal("2"), new BigDecimal("2"), 5);
    static final BigDecimal P0 = new BigDecimal("1000");
    static final BigDecimal TP = BigDecimal.ONE;

    static String two(BigDecimal d) { return d.setScale(2, RoundingMode.HALF_UP).toPlainString(); }

    @ParameterizedTest(name = "SO {0}")
    @CsvSource({
            "1, 1,  990.00, 200,  300, 993.31, 1003.24,  1.34, 996.62",
            "2, 3,  970.00, 400,  700, 979.86,  989.65,  2.03, 981.25",
            "3, 7,  930.00, 800, 1500, 952.62,  962.15,  3.46, 953.25",
            "4, 15, 850.00, 1600, 3100, 896.74, 905.71,  6.55, 897.03",
            "5, 31, 690.00, 3200, 6300, 778.29, 786.08, 13.92, 778.42"})
    void matchesTheGoldenTable(int n, String deviation, String price, String volume, String cost, String average,
                               String tpTotal, String bounce, String tpBase) {
        assertThat(LADDER.cumulativeDeviation(n)).isEqualByComparingTo(deviation);
        assertThat(two(LADDER.price(P0, n))).isEqualTo(price);
        assertThat(LADDER.volume(n)).isEqualByComparingTo(volume);
        assertThat(LADDER.cost(n)).isEqualByComparingTo(cost);
        assertThat(two(LADDER.average(P0, n))).isEqualTo(average);
        BigDecimal tp = LADDER.takeProfitOnTotal(P0, n, TP);
        assertThat(two(tp)).isEqualTo(tpTotal);
        BigDecimal needed = tp.divide(LADDER.price(P0, n), DcaLadder.MC).subtract(BigDecimal.ONE).movePointRight(2);
        assertThat(two(needed)).isEqualTo(bounce);
        assertThat(two(LADDER.takeProfitOnBase(P0, n, TP))).isEqualTo(tpBase);
    }

    @Test
    void closedFormsAgreeWithTheSums() {
        // D_N = d·(s^N − 1)/(s − 1) = 31; Σ V = v·(m^N − 1)/(m − 1) = 6200; max funds = BO + Σ V = 6300
        assertThat(LADDER.cumulativeDeviation(5)).isEqualByComparingTo("31");
        assertThat(LADDER.safetyFunds()).isEqualByComparingTo("6200");
        assertThat(LADDER.maxFunds()).isEqualByComparingTo("6300");
        DcaLadder flat = new DcaLadder(new BigDecimal("10"), new BigDecimal("20"), new BigDecimal("1.5"),
                BigDecimal.ONE, BigDecimal.ONE, 4);
        assertThat(flat.cumulativeDeviation(4)).isEqualByComparingTo("6");   // n·d when s = 1
        assertThat(flat.safetyFunds()).isEqualByComparingTo("80");           // N·v when m = 1
    }

    @Test
    void theAverageIsQuantityWeightedNotQuoteWeighted() {
        // 100 USDT @100 + 100 USDT @50 averages 66.67 (§2.4), not 75.
        DcaLadder half = new DcaLadder(new BigDecimal("100"), new BigDecimal("100"), new BigDecimal("50"),
                BigDecimal.ONE, BigDecimal.ONE, 1);
        assertThat(two(half.average(new BigDecimal("100"), 1))).isEqualTo("66.67");
    }
}
