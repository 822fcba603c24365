package dev.botfleet.server.backtest.config;

import dev.botfleet.engine.market.Timeframe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class PairDataLoaderTest {
    /** 2018-01-10T00:00Z; candle k opens at T0 + k * 5 min. */
    static final long T0 = 1515542400000L;
    static final long M5 = 300_000L;

    @TempDir
    Path dir;

    /** A Freqtrade JSON file with 5m candles k = first .. last (close = 1 + k / 100, so each candle is recognisable). */
    private void write(String file, int first, int last) throws IOException {
        StringBuilder s = new StringBuilder("[");
        for (int k = first; k <= last; k++) {
            double c = 1 + k / 100.0;
            if (k > first) s.append(',');
            s.append('[').append(T0 + k * M5).append(',').append(c).append(',').append(c).append(',').append(c)
                    .append(',').append(c).append(",10]");
        }
        Files.writeString(dir.resolve(file), s.append(']').toString());
    }

    @Test
    void trimsToTheTimerangeKeepingWarmUpCandlesBeforeIt() throws IOException {
        write("ETH_BTC-5m.json", 0, 19);
        write("LTC_BTC-5m.json", 12, 19);
        // start = T0 + 10 candles (3000 s), stop = T0 + 15 candles (4500 s), both inclusive
        Timerange range = Timerange.parse("1515545400-1515546900");
        LoadedPairs loaded = PairDataLoader.load(List.of("ETH/BTC", "LTC/BTC"), Timeframe.M5, range, 3, false,
                CandleFiles.directory(dir));
        // ETH: from candle 10 - 3 warm-up = 7 through 15 -> 9 candles; LTC's file starts at 12 -> 12..15, 4 candles
        assertThat(loaded.pairs()).extracting(LoadedPairs.Pair::pair).containsExactly("ETH/BTC", "LTC/BTC");
        LoadedPairs.Pair eth = loaded.pairs().get(0);
        assertThat(eth.candles().size()).isEqualTo(9);
        assertThat(eth.candles().openTime(0)).isEqualTo(T0 + 7 * M5);
        assertThat(eth.candles().close(8)).isEqualTo(1.15);
        assertThat(eth.file()).endsWith("ETH_BTC-5m.json");
        assertThat(loaded.pairs().get(1).candles().size()).isEqualTo(4);
        // the earliest candle (ETH's 7) is before the requested start, so the start stays
        assertThat(loaded.startMillis()).isEqualTo(T0 + 10 * M5);
        assertThat(loaded.stopMillis()).isEqualTo(T0 + 15 * M5);
        assertThat(loaded.startupCandles()).isEqualTo(3);
        assertThat(loaded.warnings()).isEmpty();
    }

    @Test
    void withoutAStartTheWarmUpComesOutOfTheData() throws IOException {
        write("ETH_BTC-5m.json", 0, 19);
        LoadedPairs loaded = PairDataLoader.load(List.of("ETH/BTC"), Timeframe.M5, Timerange.parse("-1515546900"), 5,
                false, CandleFiles.directory(dir));
        assertThat(loaded.pairs().getFirst().candles().size()).isEqualTo(16);   // candles 0..15
        assertThat(loaded.startMillis()).isEqualTo(T0 + 5 * M5);               // 0 + 5 warm-up candles
    }

    @Test
    void aStartBeforeTheDataMovesByTheWarmUpWithAWarning() throws IOException {
        write("ETH_BTC-5m.json", 4, 19);
        // asks from candle 4 (T0 + 1200 s) with 3 warm-up candles; the data has nothing before candle 4
        LoadedPairs loaded = PairDataLoader.load(List.of("ETH/BTC"), Timeframe.M5, Timerange.parse("1515543600-"), 3,
                false, CandleFiles.directory(dir));
        assertThat(loaded.startMillis()).isEqualTo(T0 + 7 * M5);
        assertThat(loaded.pairs().getFirst().candles().size()).isEqualTo(16);   // candles 4..19
        assertThat(loaded.warnings()).singleElement().asString().contains("starts 3 warm-up candle(s) later");
    }

    @Test
    void missingFilesAndEmptyRangesAreNamedTogether() throws IOException {
        write("ETH_BTC-5m.json", 0, 19);
        write("LTC_BTC-5m.json", 0, 3);
        Files.writeString(dir.resolve("XLM_BTC-5m.csv"), "1515542400000,1.0,0.5,0.9,1.0,10\n");
        PairDataLoader.PairDataException e = catchThrowableOfType(PairDataLoader.PairDataException.class,
                () -> PairDataLoader.load(List.of("ETH/BTC", "ADA/BTC", "LTC/BTC", "XLM/BTC"), Timeframe.M5,
                        Timerange.parse("1515545400-"), 2, false, CandleFiles.directory(dir)));
        assertThat(e.problems()).hasSize(3);
        assertThat(e.problems().get(0)).startsWith("ADA/BTC: no 5m candles; looked for ")
                .contains("ADA_BTC-5m{.json|.json.gz|.csv}");
        assertThat(e.problems().get(1)).startsWith("LTC/BTC: ").contains("LTC_BTC-5m.json has 0 candle(s) in the timerange");
        assertThat(e.problems().get(2)).startsWith("XLM/BTC: ").contains("XLM_BTC-5m.csv: line 1: high 0.5 is below low 0.9");
    }

    @Test
    void futuresFilesFollowFreqtradesLayout() throws IOException {
        Files.createDirectories(dir.resolve("futures"));
        write("futures/BTC_USDT_USDT-5m-futures.json", 0, 5);
        LoadedPairs loaded = PairDataLoader.load(List.of("BTC/USDT:USDT"), Timeframe.M5, null, 0, true,
                CandleFiles.directory(dir));
        assertThat(loaded.pairs().getFirst().candles().size()).isEqualTo(6);
        assertThat(loaded.startMillis()).isEqualTo(T0);
    }

    @Test
    void aFeatherFileIsNamedWithTheConversionCommand() throws IOException {
        Files.writeString(dir.resolve("ETH_BTC-5m.feather"), "ARROW1");
        PairDataLoader.PairDataException e = catchThrowableOfType(PairDataLoader.PairDataException.class,
                () -> PairDataLoader.load(List.of("ETH/BTC"), Timeframe.M5, null, 0, false, CandleFiles.directory(dir)));
        assertThat(e.problems()).singleElement().asString().contains("found ETH_BTC-5m.feather, a binary format")
                .contains("freqtrade convert-data --format-to json");
    }

    /** Freqtrade trims before it fills gaps: a range edge inside a gap starts (or ends) at the real candle. */
    @Test
    void filledCandlesAtTheRangeEdgesAreDropped() throws IOException {
        write("ETH_BTC-5m.json", 0, 5);
        String first = Files.readString(dir.resolve("ETH_BTC-5m.json"));
        write("ETH_BTC-5m.json", 9, 19);
        String second = Files.readString(dir.resolve("ETH_BTC-5m.json"));
        // candles 0..5 and 9..19: 6, 7 and 8 are a gap the loader fills
        Files.writeString(dir.resolve("ETH_BTC-5m.json"), first.substring(0, first.length() - 1) + "," + second.substring(1));
        // from candle 7 (T0 + 2100 s): Freqtrade's trimmed file starts at the real candle 9
        LoadedPairs late = PairDataLoader.load(List.of("ETH/BTC"), Timeframe.M5, Timerange.parse("1515544500-"), 0,
                false, CandleFiles.directory(dir));
        assertThat(late.pairs().getFirst().candles().openTime(0)).isEqualTo(T0 + 9 * M5);
        assertThat(late.pairs().getFirst().candles().size()).isEqualTo(11);   // 9..19
        // up to candle 7: the trimmed file ends at the real candle 5
        LoadedPairs early = PairDataLoader.load(List.of("ETH/BTC"), Timeframe.M5, Timerange.parse("-1515544500"), 0,
                false, CandleFiles.directory(dir));
        assertThat(early.pairs().getFirst().candles().size()).isEqualTo(6);   // 0..5
        // a range spanning the gap keeps the filled candles inside it: 0..19 = 20 candles
        LoadedPairs all = PairDataLoader.load(List.of("ETH/BTC"), Timeframe.M5, null, 0, false, CandleFiles.directory(dir));
        assertThat(all.pairs().getFirst().candles().size()).isEqualTo(20);
    }

    @Test
    void withoutWarmUpAStartBeforeTheDataStays() throws IOException {
        write("ETH_BTC-5m.json", 4, 19);
        // Freqtrade moves a given start only when startup candles are wanted
        LoadedPairs loaded = PairDataLoader.load(List.of("ETH/BTC"), Timeframe.M5, Timerange.parse("1515543000-"), 0,
                false, CandleFiles.directory(dir));
        assertThat(loaded.startMillis()).isEqualTo(T0 + 2 * M5);
        assertThat(loaded.warnings()).isEmpty();
    }
}
