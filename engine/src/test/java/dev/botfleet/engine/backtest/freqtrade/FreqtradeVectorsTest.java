package dev.botfleet.engine.backtest.freqtrade;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every scenario of Freqtrade's test_backtest_detail.py (2024.10) and asserts exactly what that test asserts:
 * the number of trades, round(sum(profit_ratio), 3), and per trade exit_reason, enter_tag, open/close date, is_short.
 * Long-only scenarios are the spot acceptance set; the short/leverage ones run too, in margin mode.
 */
class FreqtradeVectorsTest {

    static List<FreqtradeVector> longOnly() {
        return FreqtradeVector.load().stream().filter(v -> !v.needsMargin()).toList();
    }

    static List<FreqtradeVector> shortOrLeveraged() {
        return FreqtradeVector.load().stream().filter(FreqtradeVector::needsMargin).toList();
    }

    @Test
    void theFileHoldsAllFiftyFourScenarios() {
        assertThat(FreqtradeVector.load()).hasSize(54);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("longOnly")
    void longOnlyScenario(FreqtradeVector vector) {
        assertMatchesFreqtrade(vector);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shortOrLeveraged")
    void shortOrLeveragedScenario(FreqtradeVector vector) {
        assertMatchesFreqtrade(vector);
    }

    private static void assertMatchesFreqtrade(FreqtradeVector vector) {
        FreqtradeResult result = new FreqtradeBacktest(vector.settings()).run(vector.candles(), vector.signals());

        assertThat(result.trades()).as("number of trades").hasSize(vector.trades().size());
        assertThat(pythonRound3(result.profitRatioSum())).as("round(sum(profit_ratio), 3)")
                .isEqualTo(pythonRound3(vector.profitPerc()));
        for (int i = 0; i < vector.trades().size(); i++) {
            FreqtradeVector.ExpectedTrade expected = vector.trades().get(i);
            FreqtradeTrade actual = result.trades().get(i);
            String at = "trade " + i + " ";
            assertThat(actual.exitReason()).as(at + "exit_reason").isEqualTo(expected.exitReason());
            assertThat(actual.enterTag()).as(at + "enter_tag").isEqualTo(expected.enterTag());
            assertThat(actual.openTime()).as(at + "open_date").isEqualTo(expected.openTime());
            assertThat(actual.closeTime()).as(at + "close_date").isEqualTo(expected.closeTime());
            assertThat(actual.isShort()).as(at + "is_short").isEqualTo(expected.isShort());
        }
    }

    /** Python's round(x, 3): half-even on the exact binary value. */
    static BigDecimal pythonRound3(double x) {
        return new BigDecimal(x).setScale(3, RoundingMode.HALF_EVEN);
    }
}
