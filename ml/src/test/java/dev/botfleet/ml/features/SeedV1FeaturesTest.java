package dev.botfleet.ml.features;

import dev.botfleet.ml.candles.CandleWindow;
import dev.botfleet.ml.candles.OneSecondCandle;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.function.IntToDoubleFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Worked examples: tiny series whose features are computed by hand (docs/ml.md gives the formulas). */
class SeedV1FeaturesTest {

    private static final long T = 1_700_000_000_000L;
    private final SeedV1Features features = new SeedV1Features();

    /**
     * Closes 100, 101, ..., 159; high = close + 1, low = close - 1; volume 1 per second (2 in the last 10),
     * all bought on even seconds and sold on odd ones; every trade at the close.
     */
    private static CandleWindow linearRamp() {
        CandleWindow w = new CandleWindow(60);
        for (int i = 0; i < 60; i++) {
            double c = 100 + i;
            double v = i >= 50 ? 2 : 1;
            double buy = i % 2 == 0 ? v : 0;
            double sell = v - buy;
            w.push(new OneSecondCandle(T + i * 1000L, c, c + 1, c - 1, c, buy, sell, c * v, 1));
        }
        return w;
    }

    private double feature(double[] out, String name) {
        return out[features.featureNames().indexOf(name)];
    }

    @Test
    void namesAreFixedUniqueAndTwentySix() {
        assertThat(features.id()).isEqualTo("seed-v1");
        assertThat(features.featureCount()).isEqualTo(26);
        assertThat(new HashSet<>(features.featureNames())).hasSize(26);
        assertThat(features.featureNames().subList(0, 3)).containsExactly("ret_1", "ret_5", "ret_10");
    }

    @Test
    void returnsMovingAveragesAndMomentumOnALinearRamp() {
        double[] f = features.compute(linearRamp());

        assertThat(feature(f, "ret_1")).isEqualTo(159.0 / 158 - 1);
        assertThat(feature(f, "ret_5")).isEqualTo(159.0 / 154 - 1);
        assertThat(feature(f, "ret_10")).isEqualTo(159.0 / 149 - 1);
        assertThat(feature(f, "ret_20")).isEqualTo(159.0 / 139 - 1);
        assertThat(feature(f, "ret_30")).isEqualTo(159.0 / 129 - 1);
        // the mean of 155..159 is 157, of 150..159 is 154.5, of 140..159 is 149.5, of 130..159 is 144.5
        assertThat(feature(f, "dist_ma_5")).isCloseTo(159 / 157.0 - 1, within(1e-15));
        assertThat(feature(f, "dist_ma_10")).isCloseTo(159 / 154.5 - 1, within(1e-15));
        assertThat(feature(f, "dist_ma_20")).isCloseTo(159 / 149.5 - 1, within(1e-15));
        assertThat(feature(f, "dist_ma_30")).isCloseTo(159 / 144.5 - 1, within(1e-15));
        assertThat(feature(f, "ma_5_over_ma_20")).isCloseTo(157 / 149.5 - 1, within(1e-15));
        assertThat(feature(f, "ma_10_over_ma_30")).isCloseTo(154.5 / 144.5 - 1, within(1e-15));
        assertThat(feature(f, "momentum_accel_5")).isEqualTo((159.0 / 154 - 1) - (154.0 / 149 - 1));
        assertThat(feature(f, "rsi_14")).isEqualTo(100); // only gains
        assertThat(feature(f, "up_ratio_30")).isEqualTo(1);
    }

    @Test
    void volumeFlowVwapAndRangeOnALinearRamp() {
        double[] f = features.compute(linearRamp());

        // last 5: 2 each; the window: 50 x 1 + 10 x 2 = 70 over 60 seconds
        assertThat(feature(f, "volume_ratio_5")).isCloseTo(2 / (70 / 60.0), within(1e-15));
        assertThat(feature(f, "volume_ratio_10")).isCloseTo(2 / (70 / 60.0), within(1e-15));
        // last 10 (seconds 50..59): five even (bought) and five odd (sold) seconds of 2 each
        assertThat(feature(f, "net_flow_10")).isEqualTo(0);
        // last 30 (seconds 30..59): 15 even, 15 odd; the window likewise
        assertThat(feature(f, "net_flow_30")).isEqualTo(0);
        assertThat(feature(f, "net_flow_60")).isEqualTo(0);
        // VWAP = (Σ_{i<50} (100+i) + 2 Σ_{50..59} (100+i)) / 70 = (6225 + 3090) / 70
        assertThat(feature(f, "vwap_dist_60")).isCloseTo(159 / (9315 / 70.0) - 1, within(1e-15));
        // last 10: highs up to 160, lows down to 149; the window: 160 and 99
        assertThat(feature(f, "range_10")).isCloseTo(11 / 159.0, within(1e-15));
        assertThat(feature(f, "range_60")).isCloseTo(61 / 159.0, within(1e-15));
        assertThat(feature(f, "range_position_60")).isCloseTo(60 / 61.0, within(1e-15));
    }

    @Test
    void volatilityRsiAndFlowOnAnAlternatingSeries() {
        // closes 100, 101, 100, 101, ... ; the last (i = 59) is 101; all volume bought on the up-seconds
        CandleWindow w = series(i -> i % 2 == 0 ? 100 : 101, i -> i % 2 == 1 ? 1 : 0, i -> i % 2 == 0 ? 3 : 0);
        double[] f = features.compute(w);

        double up = 101 / 100.0 - 1;
        double down = 100 / 101.0 - 1;
        // 10 and 30 returns: half up, half down -> the population deviation is half the difference
        assertThat(feature(f, "volatility_10")).isCloseTo((up - down) / 2, within(1e-15));
        assertThat(feature(f, "volatility_30")).isCloseTo((up - down) / 2, within(1e-15));
        // 59 returns: 30 up (into odd seconds 1..59), 29 down
        double mean = (30 * up + 29 * down) / 59;
        double variance = (30 * (up - mean) * (up - mean) + 29 * (down - mean) * (down - mean)) / 59;
        assertThat(feature(f, "volatility_59")).isCloseTo(Math.sqrt(variance), within(1e-15));
        assertThat(feature(f, "rsi_14")).isEqualTo(50); // 7 gains of 1, 7 losses of 1
        assertThat(feature(f, "up_ratio_30")).isEqualTo(0.5);
        // last 10: buys 5 x 1, sells 5 x 3 -> (5 - 15) / 20
        assertThat(feature(f, "net_flow_10")).isEqualTo(-0.5);
        assertThat(feature(f, "range_position_60")).isEqualTo(1); // closing at the window's high
    }

    @Test
    void aFlatSilentWindowHasNeutralValuesNotNaN() {
        CandleWindow w = series(i -> 100, i -> 0, i -> 0);
        double[] f = features.compute(w);

        assertThat(f).doesNotContain(Double.NaN);
        assertThat(feature(f, "rsi_14")).isEqualTo(50);
        assertThat(feature(f, "volume_ratio_10")).isEqualTo(1);
        assertThat(feature(f, "net_flow_60")).isEqualTo(0);
        assertThat(feature(f, "vwap_dist_60")).isEqualTo(0);
        assertThat(feature(f, "range_position_60")).isEqualTo(0.5);
        assertThat(feature(f, "volatility_59")).isEqualTo(0);
    }

    @Test
    void itNeedsSixtyCandlesAndComputesFromTheNewestSixty() {
        CandleWindow short59 = new CandleWindow(60);
        for (int i = 0; i < 59; i++) short59.push(OneSecondCandle.carried(T + i * 1000L, 100));
        assertThatThrownBy(() -> features.compute(short59)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("needs 60");

        CandleWindow longer = new CandleWindow(90);
        for (int i = 0; i < 30; i++) longer.push(OneSecondCandle.carried(T - (30 - i) * 1000L, 1));
        CandleWindow ramp = linearRamp();
        for (int i = 0; i < 60; i++) {
            longer.push(new OneSecondCandle(ramp.second(i), ramp.open(i), ramp.high(i), ramp.low(i), ramp.close(i),
                    ramp.buyVolume(i), ramp.sellVolume(i), ramp.quoteVolume(i), 1));
        }
        assertThat(features.compute(longer)).containsExactly(features.compute(ramp));
    }

    private static CandleWindow series(IntToDoubleFunction close, IntToDoubleFunction buy, IntToDoubleFunction sell) {
        CandleWindow w = new CandleWindow(60);
        for (int i = 0; i < 60; i++) {
            double c = close.applyAsDouble(i);
            double b = buy.applyAsDouble(i);
            double s = sell.applyAsDouble(i);
            w.push(new OneSecondCandle(T + i * 1000L, c, c, c, c, b, s, c * (b + s), b + s > 0 ? 1 : 0));
        }
        return w;
    }
}
