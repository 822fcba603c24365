package dev.botfleet.engine.backtest.optimize;

import dev.botfleet.engine.backtest.optimize.Dimension.CategoricalDim;
import dev.botfleet.engine.backtest.optimize.Dimension.IntDim;
import dev.botfleet.engine.backtest.optimize.Dimension.RealDim;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

class SpacesTest {
    @Test
    void roiSpaceFor5mIsFreqtradesLegacyRanges() {
        assertThat(RoiSpace.forTimeframe(5)).containsExactly(
                new IntDim("roi_t1", 10, 120), new IntDim("roi_t2", 10, 60), new IntDim("roi_t3", 10, 40),
                new RealDim("roi_p1", 0.01, 0.04, 3), new RealDim("roi_p2", 0.01, 0.07, 3), new RealDim("roi_p3", 0.01, 0.20, 3));
    }

    @Test
    void roiSpaceScalesTimesLinearlyAndProfitsLogarithmically() {
        // 1h: times x 60/5 = 12 -> t1 120..1440, t2 120..720, t3 120..480
        // profits x ln(61)/ln(6) = 2.2943224 -> p1 0.022943..0.091773, truncated to 3 decimals: steps 22..91
        List<Dimension> roi = RoiSpace.forTimeframe(60);
        assertThat(roi.subList(0, 3)).containsExactly(
                new IntDim("roi_t1", 120, 1440), new IntDim("roi_t2", 120, 720), new IntDim("roi_t3", 120, 480));
        RealDim p1 = (RealDim) roi.get(3), p2 = (RealDim) roi.get(4), p3 = (RealDim) roi.get(5);
        assertThat(new long[]{p1.lowStep(), p1.highStep(), p2.lowStep(), p2.highStep(), p3.lowStep(), p3.highStep()})
                .containsExactly(22, 91, 22, 160, 22, 458);  // 0.07 * 2.2943 = 0.1606, 0.20 * 2.2943 = 0.4589
        assertThatThrownBy(() -> RoiSpace.forTimeframe(0)).hasMessageContaining("timeframe");
    }

    @Test
    void roiTableIsGeneratedAsFreqtradeDoes() {
        // 0 -> p1+p2+p3, t3 -> p1+p2, t3+t2 -> p1, t3+t2+t1 -> 0
        Map<String, Object> p = Map.of("roi_t1", 100, "roi_t2", 50, "roi_t3", 30, "roi_p1", 0.02, "roi_p2", 0.03, "roi_p3", 0.1);
        assertThat(RoiSpace.table(p)).containsExactly(
                entry(0, 0.02 + 0.03 + 0.1), entry(30, 0.05), entry(80, 0.02), entry(180, 0.0));
        assertThatThrownBy(() -> RoiSpace.table(Map.of("roi_t1", 1))).hasMessageContaining("roi_t2");
    }

    @Test
    void stoplossSpaceIsThreeDecimalsBetweenMinus35AndMinus2Percent() {
        RealDim sl = (RealDim) StoplossSpace.dimensions().getFirst();
        assertThat(sl.name()).isEqualTo("stoploss");
        assertThat(sl.lowStep()).isEqualTo(-350);
        assertThat(sl.highStep()).isEqualTo(-20);
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < 1000; i++) {
            double v = (Double) sl.sample(r);
            assertThat(v).isBetween(-0.35, -0.02);
            assertThat(Math.round(v * 1000) / 1000.0).isEqualTo(v);  // exactly k / 1000
        }
    }

    @Test
    void trailingOffsetIsPositivePlusP1SoAlwaysAbovePositive() {
        List<Dimension> dims = TrailingSpace.dimensions();
        assertThat(dims).extracting(Dimension::name).containsExactly("trailing_stop", "trailing_stop_positive",
                "trailing_stop_positive_offset_p1", "trailing_only_offset_is_reached");
        assertThat(((CategoricalDim) dims.getFirst()).values()).containsExactly(true);
        var params = TrailingSpace.params(Map.of("trailing_stop", true, "trailing_stop_positive", 0.02,
                "trailing_stop_positive_offset_p1", 0.015, "trailing_only_offset_is_reached", false));
        assertThat(params.trailingStopPositiveOffset()).isEqualTo(0.02 + 0.015);
        assertThat(params.trailingOnlyOffsetIsReached()).isFalse();
        assertThatThrownBy(() -> new TrailingSpace.TrailingParams(true, 0.05, 0.04, false))
                .hasMessageContaining("trailing_stop_positive_offset 0.04 is below trailing_stop_positive 0.05");
        assertThatThrownBy(() -> TrailingSpace.params(Map.of("trailing_stop", "yes")))
                .hasMessageContaining("trailing_stop: missing or not a boolean");
    }

    @Test
    void badDimensionsAreNamed() {
        assertThatThrownBy(() -> new IntDim("period", 20, 10)).hasMessage("period: lo 20 is above hi 10");
        assertThatThrownBy(() -> new RealDim("sl", -0.1, -0.2)).hasMessageContaining("sl: lo -0.1 is above hi -0.2");
        assertThatThrownBy(() -> new RealDim("x", 0, 1, 10)).hasMessageContaining("x: decimals must be between 0 and 9, got 10");
        assertThatThrownBy(() -> new RealDim("x", 0, Double.NaN)).hasMessageContaining("x: lo and hi must be finite");
        assertThatThrownBy(() -> new CategoricalDim("mode", List.of())).hasMessageContaining("mode: needs at least one value");
        assertThatThrownBy(() -> CategoricalDim.of("mode", new Object())).hasMessageContaining("mode: value");
        assertThatThrownBy(() -> new IntDim(" ", 1, 2)).hasMessageContaining("needs a name");
    }
}
