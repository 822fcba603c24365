package dev.botfleet.engine.indicator;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The not-ready period (NaN, exactly as long as TA-Lib's lookback), reset, and small hand-checked values. */
class IndicatorLifecycleTest {
    private static final TestCandles C = TestCandles.load("DASH_BTC-5m.json", 1);

    /** An indicator factory and the number of candles it needs before its first value (TA-Lib's lookback + 1). */
    private record Case(String name, Supplier<Indicator> factory, int needed) {
    }

    private static final List<Case> CASES = List.of(
            new Case("SMA20", () -> new Sma(20), 20),
            new Case("EMA9", () -> new Ema(9), 9),
            new Case("RSI14", () -> new Rsi(14), 15),
            new Case("MACD", Macd::standard, 34),
            new Case("BBANDS20", () -> new BollingerBands(20, 2), 20),
            new Case("ATR14", () -> new Atr(14), 15),
            new Case("ADX14", () -> new Adx(14), 28),
            new Case("STOCH", Stochastic::standard, 9),
            new Case("STOCHF", FastStochastic::standard, 7),
            new Case("ROC10", () -> new Roc(10), 11),
            new Case("MAX20", () -> new Highest(20), 20),
            new Case("MIN20", () -> new Lowest(20), 20));

    private static double feed(Indicator indicator, int i) {
        return switch (indicator) {
            case ValueIndicator v -> v.update(C.close()[i]);
            case CandleIndicator c -> c.update(C.high()[i], C.low()[i], C.close()[i]);
            default -> throw new IllegalStateException();
        };
    }

    @Test
    void nanUntilReadyThenAValue() {
        for (Case c : CASES) {
            Indicator indicator = c.factory().get();
            assertThat(indicator.isReady()).as(c.name()).isFalse();
            assertThat(indicator.value()).as(c.name()).isNaN();
            for (int i = 0; i < c.needed() - 1; i++) {
                assertThat(feed(indicator, i)).as("%s after %d candles", c.name(), i + 1).isNaN();
                assertThat(indicator.value()).isNaN();
                assertThat(indicator.isReady()).isFalse();
            }
            double first = feed(indicator, c.needed() - 1);
            assertThat(first).as("%s first value", c.name()).isFinite();
            assertThat(indicator.value()).isEqualTo(first);
            assertThat(indicator.isReady()).isTrue();
        }
    }

    @Test
    void resetForgetsEverything() {
        for (Case c : CASES) {
            Indicator used = c.factory().get();
            for (int i = 0; i < 500; i++) {
                feed(used, i);
            }
            used.reset();
            assertThat(used.isReady()).as(c.name()).isFalse();
            assertThat(used.value()).as(c.name()).isNaN();
            Indicator fresh = c.factory().get();
            // after reset the indicator must behave exactly like a new one over another stretch of candles
            for (int i = 1000; i < 1300; i++) {
                double again = feed(used, i);
                double expected = feed(fresh, i);
                // compare bits: NaN (not ready yet) must match NaN
                assertThat(Double.doubleToLongBits(again)).as("%s at %d", c.name(), i)
                        .isEqualTo(Double.doubleToLongBits(expected));
            }
        }
    }

    @Test
    void secondaryOutputsAreNanUntilReadyAndAfterReset() {
        Macd macd = Macd.standard();
        BollingerBands bands = new BollingerBands(20, 2);
        Adx adx = new Adx(14);
        Stochastic stochastic = Stochastic.standard();
        assertThat(List.of(macd.signal(), macd.histogram(), bands.upper(), bands.lower(), bands.percentB(),
                bands.bandwidth(), adx.plusDi(), adx.minusDi(), stochastic.d())).allMatch(d -> d.isNaN());
        for (int i = 0; i < 100; i++) {
            macd.update(C.close()[i]);
            bands.update(C.close()[i]);
            adx.update(C.high()[i], C.low()[i], C.close()[i]);
            stochastic.update(C.high()[i], C.low()[i], C.close()[i]);
        }
        assertThat(List.of(macd.signal(), macd.histogram(), bands.upper(), bands.lower(), bands.percentB(),
                bands.bandwidth(), adx.plusDi(), adx.minusDi(), stochastic.d())).noneMatch(d -> d.isNaN());
        macd.reset();
        bands.reset();
        adx.reset();
        stochastic.reset();
        assertThat(List.of(macd.signal(), macd.histogram(), bands.upper(), bands.lower(), bands.percentB(),
                bands.bandwidth(), adx.plusDi(), adx.minusDi(), stochastic.d())).allMatch(d -> d.isNaN());
    }

    @Test
    void diAreReadyBeforeAdx() {
        Adx adx = new Adx(3);
        double[] h = {10, 11, 12, 11, 13, 14, 12}, l = {9, 10, 10, 9, 11, 12, 10}, c = {9.5, 10.5, 11, 10, 12, 13, 11};
        for (int i = 0; i < 3; i++) {
            adx.update(h[i], l[i], c[i]);
            assertThat(adx.plusDi()).isNaN();
        }
        adx.update(h[3], l[3], c[3]);
        assertThat(adx.isDiReady()).isTrue();
        assertThat(adx.plusDi()).isFinite();
        assertThat(adx.isReady()).isFalse();
        adx.update(h[4], l[4], c[4]);
        adx.update(h[5], l[5], c[5]);
        assertThat(adx.isReady()).isTrue();
    }

    @Test
    void handCheckedValues() {
        Sma sma = new Sma(3);
        assertThat(Indicators.values(sma, new double[] {1, 2, 3, 4, 8})).containsExactly(Double.NaN, Double.NaN, 2, 3, 5);
        // EMA(3): seed = (1+2+3)/3 = 2, k = 0.5: (4-2)*0.5+2 = 3, (8-3)*0.5+3 = 5.5
        assertThat(Indicators.values(new Ema(3), new double[] {1, 2, 3, 4, 8}))
                .containsExactly(Double.NaN, Double.NaN, 2, 3, 5.5);
        // ROC(1): 1 -> 2 is +100 %, 2 -> 1 is -50 %
        assertThat(Indicators.values(new Roc(1), new double[] {1, 2, 1})).containsExactly(Double.NaN, 100, -50);
        assertThat(Indicators.values(new Highest(3), new double[] {5, 1, 4, 3, 2, 1}))
                .containsExactly(Double.NaN, Double.NaN, 5, 4, 4, 3);
        assertThat(Indicators.values(new Lowest(2), new double[] {5, 1, 4, 3, 2, 6}))
                .containsExactly(Double.NaN, 1, 1, 3, 2, 2);
        // flat prices: no movement at all gives RSI 0 (as TA-Lib), no band width, %B in the middle
        assertThat(Indicators.values(new Rsi(2), new double[] {7, 7, 7, 7})).containsExactly(Double.NaN, Double.NaN, 0, 0);
        BollingerBands flat = new BollingerBands(3, 2);
        Indicators.values(flat, new double[] {7, 7, 7});
        assertThat(flat.upper()).isEqualTo(7);
        assertThat(flat.percentB()).isEqualTo(0.5);
        assertThat(flat.bandwidth()).isZero();
        // only gains: RSI 100
        assertThat(new Rsi(2).update(1)).isNaN();
        Rsi rising = new Rsi(2);
        assertThat(Indicators.values(rising, new double[] {1, 2, 3, 4})).containsExactly(Double.NaN, Double.NaN, 100, 100);
    }

    @Test
    void refusesBadPeriods() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Sma(0));
        assertThatIllegalArgumentException().isThrownBy(() -> new Ema(0));
        assertThatIllegalArgumentException().isThrownBy(() -> new Rsi(1));
        assertThatIllegalArgumentException().isThrownBy(() -> new Macd(26, 12, 9));
        assertThatIllegalArgumentException().isThrownBy(() -> new BollingerBands(20, -1));
        assertThatIllegalArgumentException().isThrownBy(() -> new Adx(1));
        assertThatIllegalArgumentException().isThrownBy(() -> new Highest(0));
        assertThatIllegalArgumentException().isThrownBy(() -> new Roc(0));
    }
}
