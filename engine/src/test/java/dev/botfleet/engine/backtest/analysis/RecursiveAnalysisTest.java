package dev.botfleet.engine.backtest.analysis;

import dev.botfleet.engine.backtest.BacktestSpec;
import dev.botfleet.engine.data.CandleSeries;
import dev.botfleet.engine.strategy.Strategy;
import dev.botfleet.engine.strategy.definition.StrategyConfig;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class RecursiveAnalysisTest {
    private static final int N = 40;

    /** Closes alternate 90 / 110 and the last one is 110. */
    private static CandleSeries alternating() {
        double[] closes = new double[N];
        for (int t = 0; t < N; t++) closes[t] = (N - 1 - t) % 2 == 0 ? 110 : 90;
        return TestData.closes(closes);
    }

    private static BacktestSpec spec() {
        return BacktestSpec.of("ema", (config, instrument) -> new EmaReportingTestStrategy(),
                StrategyConfig.of(Map.of()), TestData.TEST, alternating(), new BigDecimal("1000"));
    }

    /*
     * EMA(4): k = 2/5 = 0.4, seeded with the SMA of its first 4 inputs. With S startup candles the run has S+1 candles;
     * the seed comes on its 4th candle and S-3 updates follow up to the last candle.
     * Alternating 100 ± 10 settles at 100 ± d with d = k·10/(2-k) = 4/1.6 = 2.5 (d = (1-k)(-d) + k·10), sign of the
     * current close. The seed window holds two 90s and two 110s: 100, i.e. 2.5 off the settled value; for odd S the
     * seed candle is 110 (S-3 candles before the last, an even number), so it starts 2.5 below and that error shrinks
     * by (1-k) = 0.6 per update: value(S) = 102.5 - 2.5·0.6^(S-3).
     *   S=5:  102.5 - 2.5·0.36                = 101.6
     *   S=9:  102.5 - 2.5·0.046656            = 102.38336
     *   S=15: 102.5 - 2.5·0.002176782336      = 102.49455804416
     *   S=31: 102.5 - 2.5·0.6^28 (6.1409e-7)  = 102.49999846476...   (the reference)
     * Differences vs S=31: S=5 -0.878 %, S=9 -0.114 %, S=15 -0.0053 %.
     */
    private static double expectedEma(int startup) {
        return 102.5 - 2.5 * Math.pow(0.6, startup - 3);
    }

    @Test
    void anEmaWithFewStartupCandlesDiffersLessTheMoreItHas() {
        RecursiveResult r = RecursiveAnalysis.run(spec(), List.of(15, 5, 31, 9), 0.01);

        assertThat(r.startupCandles()).containsExactly(5, 9, 15, 31);
        IndicatorDrift ema = r.indicators().getFirst();
        assertThat(ema.indicator()).isEqualTo("ema4");
        assertThat(ema.baseValue()).isCloseTo(expectedEma(31), within(1e-9));
        for (int s : List.of(5, 9, 15, 31)) {
            assertThat(ema.values().get(s)).as("ema with %d startup candles", s).isCloseTo(expectedEma(s), within(1e-9));
            double diff = (expectedEma(s) - expectedEma(31)) / expectedEma(31) * 100;
            assertThat(ema.differencePercent().get(s)).isCloseTo(diff, within(1e-9));
        }
        assertThat(ema.differencePercent().get(5)).isCloseTo(-0.87805, within(1e-5));
        assertThat(ema.differencePercent().get(9)).isCloseTo(-0.11380, within(1e-5));
        assertThat(ema.differencePercent().get(31)).isZero();
        assertThat(ema.flagged()).isTrue();  // 0.878 % and 0.114 % are above 0.01 %
        // The close does not depend on history: 0 everywhere, not flagged.
        IndicatorDrift close = r.indicators().get(1);
        assertThat(close.indicator()).isEqualTo("close");
        assertThat(close.differencePercent().values()).containsOnly(0.0);
        assertThat(close.flagged()).isFalse();
        assertThat(r.flaggedIndicators()).containsExactly("ema4");
    }

    @Test
    void theThresholdDecidesWhatIsFlagged() {
        // Only S=15 (-0.0053 %) against S=31: below a 0.01 % threshold.
        RecursiveResult r = RecursiveAnalysis.run(spec(), List.of(15, 31), 0.01);

        assertThat(r.flaggedIndicators()).isEmpty();
    }

    @Test
    void tooFewCandlesToWarmUpIsFlaggedAndAnUnreadyReferenceIsAWarning() {
        // 2 startup candles: 3 candles, EMA(4) not ready (NaN); the reference (9) is.
        RecursiveResult r = RecursiveAnalysis.run(spec(), List.of(2, 9), 0.01);
        assertThat(r.indicators().getFirst().differencePercent().get(2)).isNaN();
        assertThat(r.indicators().getFirst().flagged()).isTrue();

        RecursiveResult none = RecursiveAnalysis.run(spec(), List.of(1, 2), 0.01);
        assertThat(none.warnings()).containsExactly("ema4: not ready even with 2 startup candles: not compared");
    }

    @Test
    void aStrategyWithoutIndicatorsGetsAWarningNotAnEmptySuccess() {
        BacktestSpec silent = BacktestSpec.of("silent", (config, instrument) -> new Strategy() {
        }, StrategyConfig.of(Map.of()), TestData.TEST, alternating(), new BigDecimal("1000"));

        RecursiveResult r = RecursiveAnalysis.run(silent, List.of(5, 9), 0.01);

        assertThat(r.indicators()).isEmpty();
        assertThat(r.warnings()).containsExactly(
                "the strategy reports no indicators (IndicatorReporter): nothing to compare");
    }

    @Test
    void badCountsNameTheField() {
        assertThatThrownBy(() -> RecursiveAnalysis.run(spec(), List.of(5, 40), 0.01))
                .hasMessage("startupCandles: 40 startup candles need 41 candles of data, there are 40");
        assertThatThrownBy(() -> RecursiveAnalysis.run(spec(), List.of(), 0.01))
                .hasMessage("startupCandles: give at least one startup candle count");
        assertThatThrownBy(() -> RecursiveAnalysis.run(spec(), List.of(0), 0.01))
                .hasMessage("startupCandles: must be 1 or more, was 0");
        assertThatThrownBy(() -> RecursiveAnalysis.run(spec(), List.of(5), -1))
                .hasMessage("thresholdPercent: must be 0 or more, was -1.0");
    }
}
