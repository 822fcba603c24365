package dev.botfleet.engine.data;

import dev.botfleet.engine.market.Candle;
import dev.botfleet.engine.market.Timeframe;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CandleSeriesTest {
    private static final long M5 = 300_000L;

    private static CandleSeries three() {
        return new CandleSeries.Builder(Timeframe.M5, 1)
                .add(0, 1, 2, 0.5, 1.5, 10)
                .add(M5, 1.5, 3, 1, 2.5, 20)
                .add(3 * M5, 2.5, 4, 2, 3.5, 30)
                .build();
    }

    @Test
    void indexedAccessAndSearch() {
        CandleSeries s = three();
        assertThat(s.size()).isEqualTo(3);
        assertThat(s.isEmpty()).isFalse();
        assertThat(s.closeTime(1)).isEqualTo(2 * M5);
        assertThat(s.high(2)).isEqualTo(4);
        assertThat(s.indexOf(M5)).isEqualTo(1);
        assertThat(s.indexOf(2 * M5)).isEqualTo(-1);
        assertThat(s.indexAtOrAfter(2 * M5)).isEqualTo(2);
        assertThat(s.indexAtOrAfter(10 * M5)).isEqualTo(3);
        assertThat(s.slice(1, 3).openTimes()).containsExactly(M5, 3 * M5);
    }

    @Test
    void cannotBeChangedFromOutside() {
        CandleSeries s = three();
        s.closes()[0] = 99;
        s.openTimes()[0] = 99;
        assertThat(s.close(0)).isEqualTo(1.5);
        assertThat(s.openTime(0)).isZero();
        double[] column = {1, 1};
        CandleSeries copy = CandleSeries.of(Timeframe.M5, new long[] {0, M5}, column, column, column, column, column);
        column[0] = 7;
        assertThat(copy.open(0)).isEqualTo(1);
    }

    @Test
    void refusesUnorderedTimesAndRaggedColumns() {
        double[] two = {1, 1};
        assertThatIllegalArgumentException().isThrownBy(
                () -> CandleSeries.of(Timeframe.M5, new long[] {M5, M5}, two, two, two, two, two));
        assertThatIllegalArgumentException().isThrownBy(
                () -> CandleSeries.of(Timeframe.M5, new long[] {0, M5}, two, two, two, two, new double[] {1}));
        assertThatIllegalArgumentException().isThrownBy(
                () -> new CandleSeries.Builder(Timeframe.M5, 1).add(M5, 1, 1, 1, 1, 1).add(0, 1, 1, 1, 1, 1));
    }

    @Test
    void convertsToAndFromMarketCandles() {
        CandleSeries s = three();
        Candle candle = s.candle(1, "binance", "ADA/BTC");
        assertThat(candle).isEqualTo(new Candle("binance", "ADA/BTC", Timeframe.M5, M5, 1.5, 3, 1, 2.5, 20));
        CandleSeries rebuilt = new CandleSeries.Builder(Timeframe.M5, 1).add(s.candle(0, "x", "y")).add(candle).build();
        assertThat(rebuilt.closes()).containsExactly(1.5, 2.5);
        assertThatIllegalArgumentException().isThrownBy(() -> new CandleSeries.Builder(Timeframe.H1, 1).add(candle))
                .withMessageContaining("a 5m candle cannot join a 1h series");
    }

    @Test
    void builderGrowsPastItsInitialCapacity() {
        CandleSeries.Builder b = new CandleSeries.Builder(Timeframe.M5, 0);
        for (int i = 0; i < 10_000; i++) {
            b.add(i * M5, i + 1, i + 1, i + 1, i + 1, i);
        }
        CandleSeries s = b.build();
        assertThat(s.size()).isEqualTo(10_000);
        assertThat(s.close(9_999)).isEqualTo(10_000);
    }
}
