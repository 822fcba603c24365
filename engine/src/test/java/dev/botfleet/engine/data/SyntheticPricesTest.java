package dev.botfleet.engine.data;

import dev.botfleet.engine.market.Timeframe;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15's loader rule: zero or negative prices (synthetic test contours) load as Freqtrade loads them, with one
 * warning naming the file, the count and the first place; ordinary data has no warning.
 */
class SyntheticPricesTest {
    @Test
    void zeroAndNegativePricesAreKeptWithOneWarning() {
        String csv = """
                1515560100000,1.0,1.5,0,1.2,10
                1515560400000,-0.5,0,-1.0,-0.2,0
                1515560700000,1.0,1.5,0.5,1.2,10
                """;
        LoadedCandles loaded = CandleLoader.parse("contour.csv", csv, null, Timeframe.M5);
        assertThat(loaded.series().size()).isEqualTo(3);
        assertThat(loaded.series().low(0)).isEqualTo(0.0);
        assertThat(loaded.series().close(1)).isEqualTo(-0.2);
        // line 1: low 0; line 2: open -0.5, high 0, low -1.0, close -0.2 -> 5 prices
        assertThat(loaded.warnings()).singleElement().asString()
                .startsWith("contour.csv: 5 zero or negative price(s), the first at line 1: low 0.0; kept as synthetic");
    }

    @Test
    void freqtradeJsonNamesTheElement() {
        LoadedCandles loaded = CandleLoader.parse("X_BTC-5m.json", "[[1515560100000, 1, 1, 0, 1, 0]]", null,
                Timeframe.M5);
        assertThat(loaded.warnings()).singleElement().asString()
                .contains("the first at element 1 (index 0): low 0.0");
    }

    @Test
    void ordinaryDataHasNoWarning() {
        LoadedCandles loaded = CandleLoader.parse("ok.csv", "1515560100000,1.0,1.5,0.5,1.2,10\n", null, Timeframe.M5);
        assertThat(loaded.warnings()).isEmpty();
    }
}
