package dev.botfleet.engine.data;

import dev.botfleet.engine.market.Timeframe;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ResamplerTest {
    private static final long M5 = 300_000L;
    private static final long H1 = 3_600_000L;

    @Test
    void aggregatesOhlcvOfFiveMinuteCandlesIntoHours() {
        // 13:50 and 13:55 belong to 13:00 (incomplete: dropped), then 14:00..14:55 complete, then 15:00 incomplete
        long start = 1515592200000L; // 2018-01-10T13:50:00Z
        CandleSeries.Builder b = new CandleSeries.Builder(Timeframe.M5, 16);
        for (int i = 0; i < 15; i++) {
            double price = 100 + i;
            b.add(start + i * M5, price, price + 2 + (i == 5 ? 10 : 0), price - 1 - (i == 7 ? 20 : 0), price + 0.5, i);
        }
        CandleSeries source = b.build();

        CandleSeries hourly = Resampler.resample(source, Timeframe.H1);
        assertThat(hourly.timeframe()).isEqualTo(Timeframe.H1);
        assertThat(hourly.size()).isEqualTo(1);
        assertThat(hourly.openTime(0)).isEqualTo(1515592800000L); // 14:00
        assertThat(hourly.open(0)).isEqualTo(102); // candle #2 opens the hour
        assertThat(hourly.high(0)).isEqualTo(105 + 2 + 10);
        assertThat(hourly.low(0)).isEqualTo(107 - 1 - 20);
        assertThat(hourly.close(0)).isEqualTo(113.5); // candle #13 closes it
        assertThat(hourly.volume(0)).isEqualTo(2 + 3 + 4 + 5 + 6 + 7 + 8 + 9 + 10 + 11 + 12 + 13);

        CandleSeries withEdges = Resampler.resample(source, Timeframe.H1, true);
        assertThat(withEdges.openTimes()).containsExactly(1515589200000L, 1515592800000L, 1515596400000L);
        assertThat(withEdges.opens()).containsExactly(100, 102, 114);
        assertThat(withEdges.closes()).containsExactly(101.5, 113.5, 114.5);
        assertThat(withEdges.volumes()).containsExactly(1, 90, 14);
    }

    @Test
    void matchesANaiveGroupingOnRealCandles() throws Exception {
        CandleSeries source = CandleLoader.load(CandleLoaderTest.resource("ADA_BTC-5m.json")).series();
        CandleSeries hourly = Resampler.resample(source, Timeframe.H1, true);

        Map<Long, double[]> expected = new LinkedHashMap<>();
        for (int i = 0; i < source.size(); i++) {
            long hour = source.openTime(i) - source.openTime(i) % H1;
            double[] c = expected.get(hour);
            if (c == null) {
                expected.put(hour, new double[] {source.open(i), source.high(i), source.low(i), source.close(i),
                        source.volume(i)});
            } else {
                c[1] = Math.max(c[1], source.high(i));
                c[2] = Math.min(c[2], source.low(i));
                c[3] = source.close(i);
                c[4] += source.volume(i);
            }
        }
        assertThat(hourly.size()).isEqualTo(expected.size());
        int i = 0;
        for (Map.Entry<Long, double[]> e : expected.entrySet()) {
            assertThat(hourly.openTime(i)).isEqualTo(e.getKey());
            assertThat(new double[] {hourly.open(i), hourly.high(i), hourly.low(i), hourly.close(i),
                    hourly.volume(i)}).containsExactly(e.getValue());
            i++;
        }
        // the file runs from 04:55 to 04:50 twenty days later: the first and last hours are incomplete, dropped by default
        CandleSeries complete = Resampler.resample(source, Timeframe.H1);
        assertThat(complete.size()).isEqualTo(expected.size() - 2);
        assertThat(complete.openTime(0)).isEqualTo(hourly.openTime(1));
        assertThat(Resampler.resample(source, Timeframe.M5).closes()).containsExactly(source.closes());
    }

    @Test
    void weeksStartOnMonday() {
        long thursday = 1515628800000L; // 2018-01-11T00:00Z, a Thursday
        long bucket = Resampler.bucketStart(thursday, Timeframe.W1);
        assertThat(Instant.ofEpochMilli(bucket).atZone(ZoneOffset.UTC).getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(Instant.ofEpochMilli(bucket).toString()).isEqualTo("2018-01-08T00:00:00Z");
        assertThat(Resampler.bucketStart(thursday + 3_600_000L, Timeframe.D1)).isEqualTo(thursday);
    }

    @Test
    void refusesTimeframesThatDoNotTile() {
        CandleSeries source = CandleSeries.of(Timeframe.M5, new long[] {0, M5}, new double[] {1, 1},
                new double[] {1, 1}, new double[] {1, 1}, new double[] {1, 1}, new double[] {1, 1});
        assertThatIllegalArgumentException().isThrownBy(() -> Resampler.resample(source, Timeframe.M1))
                .withMessageContaining("whole multiple");
        CandleSeries threeMinutes = CandleSeries.of(Timeframe.M3, new long[] {0, 180_000}, new double[] {1, 1},
                new double[] {1, 1}, new double[] {1, 1}, new double[] {1, 1}, new double[] {1, 1});
        assertThatIllegalArgumentException().isThrownBy(() -> Resampler.resample(threeMinutes, Timeframe.M5))
                .withMessageContaining("cannot resample 3m candles into 5m");
        CandleSeries shifted = CandleSeries.of(Timeframe.M5, new long[] {720_000, 720_000 + M5}, new double[] {1, 1},
                new double[] {1, 1}, new double[] {1, 1}, new double[] {1, 1}, new double[] {1, 1});
        assertThatIllegalArgumentException().isThrownBy(() -> Resampler.resample(shifted, Timeframe.M15))
                .withMessageContaining("straddles");
    }
}
