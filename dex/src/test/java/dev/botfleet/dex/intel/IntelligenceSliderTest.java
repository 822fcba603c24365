package dev.botfleet.dex.intel;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Pins the slider's table: a change to it must change this test and docs/dex.md together. */
class IntelligenceSliderTest {

    @Test
    void theTableIsPinnedRowByRow() {
        // level, max risk, position %, slippage bps, gas, lane
        List<String> expected = List.of(
                "1 20 1 50 SLOW SMART", "2 25 2 50 SLOW SMART", "3 30 3 100 SLOW SMART",
                "4 40 4 100 STANDARD SMART", "5 45 5 150 STANDARD SMART", "6 50 6 200 STANDARD SMART",
                "7 60 8 300 FAST FAST", "8 65 10 400 FAST FAST", "9 70 12 500 URGENT FAST", "10 75 15 500 URGENT FAST");
        assertThat(IntelligenceSlider.TABLE.stream().map(l -> l.level() + " " + l.maxRiskScore() + " "
                + l.positionPercent().toPlainString() + " " + l.slippageBps() + " " + l.gas() + " " + l.lane()).toList())
                .isEqualTo(expected);
        assertThat(IntelligenceSlider.level(1).checks()).containsExactlyInAnyOrder(Check.values());
        assertThat(IntelligenceSlider.level(10).checks()).containsExactlyInAnyOrder(Check.LIQUIDITY, Check.HONEYPOT, Check.MEMPOOL);
        assertThat(IntelligenceSlider.level(5).slippageFraction()).isEqualByComparingTo(new BigDecimal("0.015"));
        assertThat(GasAggressiveness.URGENT.rewardPercentile()).isEqualTo(90);
        assertThat(GasAggressiveness.SLOW.baseFeeMultiple()).isEqualByComparingTo("1.5");
    }

    @Test
    void everyColumnMovesOneWayAsTheLevelRises() {
        for (int i = 1; i < IntelligenceSlider.TABLE.size(); i++) {
            IntelLevel lower = IntelligenceSlider.TABLE.get(i - 1);
            IntelLevel higher = IntelligenceSlider.TABLE.get(i);
            assertThat(higher.level()).isEqualTo(lower.level() + 1);
            assertThat(higher.maxRiskScore()).isGreaterThan(lower.maxRiskScore());
            assertThat(higher.positionPercent()).isGreaterThan(lower.positionPercent());
            assertThat(higher.slippageBps()).isGreaterThanOrEqualTo(lower.slippageBps());
            assertThat(higher.gas()).isGreaterThanOrEqualTo(lower.gas());
            assertThat(higher.lane()).isLessThanOrEqualTo(lower.lane()); // SMART before FAST: never back to SMART
            assertThat(lower.checks()).containsAll(higher.checks());
        }
    }

    @Test
    void levelsOutsideOneToTenAreRefusedInWords() {
        assertThat(IntelligenceSlider.level(7).name()).isEqualTo("Bold");
        assertThatThrownBy(() -> IntelligenceSlider.level(0)).hasMessage("the intelligence level must be 1 to 10, not 0");
        assertThatThrownBy(() -> IntelligenceSlider.level(11)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void docsShowTheSameTable() throws IOException {
        String docs = Files.readString(Path.of("..", "docs", "dex.md"));
        assertThat(docs).contains(IntelligenceSlider.markdownTable());
    }
}
