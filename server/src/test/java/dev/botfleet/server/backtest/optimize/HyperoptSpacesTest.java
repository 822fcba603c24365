package dev.botfleet.server.backtest.optimize;

import dev.botfleet.engine.backtest.optimize.Dimension;
import dev.botfleet.engine.backtest.optimize.Dimension.CategoricalDim;
import dev.botfleet.engine.backtest.optimize.Dimension.IntDim;
import dev.botfleet.engine.backtest.optimize.Dimension.RealDim;
import dev.botfleet.strategies.signal.RsiStrategy;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The params space read from a strategy definition, and Freqtrade's spaces by name. */
class HyperoptSpacesTest {
    private static List<Dimension> params(Map<String, Object> pinned, Map<String, String> ranges) {
        return HyperoptSpaces.build(List.of("params"), "--spaces", 5, RsiStrategy.definition(), pinned, ranges, "--param-range");
    }

    @Test
    void theDefinitionsRangesAndChoicesBecomeDimensions() {
        List<Dimension> dims = params(Map.of(), Map.of());
        assertThat(dims).contains(
                new IntDim("rsiPeriod", 2, 200),                       // integer min 2 max 200
                new RealDim("oversold", 0.001, 100, 3),                // greaterThan 0, no step: 3 decimals, one step above 0
                new RealDim("minProfitPercent", -100, 1000, 1),        // step 0.1: 1 decimal
                CategoricalDim.of("stopLossType", "FIXED", "TRAILING"));
        // no range (JSON steps, the ROI table) or the data's candle width: not searched
        assertThat(dims).extracting(Dimension::name).doesNotContain("timeframe", "takeProfitSteps", "minimalRoi");
    }

    @Test
    void pinnedParametersAreLeftOutAndRangesNarrowTheSearchToTheNamedOnes() {
        assertThat(params(Map.of("rsiPeriod", 14), Map.of())).extracting(Dimension::name).doesNotContain("rsiPeriod");
        // in the definition's order whatever the order given; no step declared: 3 decimals (Freqtrade's default)
        assertThat(params(Map.of(), Map.of("stopLossType", "FIXED", "overbought", "60.5:80", "rsiPeriod", "10:20")))
                .containsExactly(new IntDim("rsiPeriod", 10, 20), new RealDim("overbought", 60.5, 80, 3),
                        CategoricalDim.of("stopLossType", "FIXED"));
    }

    @Test
    void freqtradesSpacesByNameAndRefusalsNamingTheOption() {
        List<Dimension> all = HyperoptSpaces.build(List.of("roi", "stoploss", "trailing"), "--spaces", 5, null,
                Map.of(), Map.of(), "--param-range");
        assertThat(all).extracting(Dimension::name).containsExactly("roi_t1", "roi_t2", "roi_t3", "roi_p1", "roi_p2",
                "roi_p3", "stoploss", "trailing_stop", "trailing_stop_positive", "trailing_stop_positive_offset_p1",
                "trailing_only_offset_is_reached");
        assertThatThrownBy(() -> params(Map.of(), Map.of("rsiPeriod", "1:20")))
                .hasMessage("--param-range rsiPeriod: lo 1 is outside the parameter's range >= 2 and <= 200");
        assertThatThrownBy(() -> params(Map.of(), Map.of("rsiPeriod", "10.5:20")))
                .hasMessageStartingWith("--param-range rsiPeriod: an integer parameter needs whole bounds");
        assertThatThrownBy(() -> params(Map.of(), Map.of("stopLossType", "LOOSE")))
                .hasMessage("--param-range stopLossType: 'LOOSE' is not one of [FIXED, TRAILING]");
        assertThatThrownBy(() -> HyperoptSpaces.build(List.of("roi"), "--spaces", 5, null, Map.of(),
                Map.of("rsiPeriod", "10:20"), "--param-range"))
                .hasMessage("--param-range: parameter ranges need the params space in --spaces");
    }
}
