package dev.botfleet.engine.data;

import dev.botfleet.engine.market.Timeframe;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every supported format loads, gaps are filled like Freqtrade, the timeframe is inferred or checked. */
class CandleLoaderTest {
    private static final long T0 = 1515560100000L; // 2018-01-10T04:55:00Z
    private static final long FIVE_MINUTES = 300_000L;

    @TempDir
    Path dir;

    static Path resource(String name) throws URISyntaxException {
        return Path.of(CandleLoaderTest.class.getResource("/candles/" + name).toURI());
    }

    @ParameterizedTest
    @CsvSource({"ADA_BTC-5m.json, 5720, 40", "TRX_BTC-5m.json, 5754, 6", "DASH_BTC-5m.json, 5758, 2",
            "NXT_BTC-5m.json, 5760, 0"})
    void loadsTheRealFreqtradeFilesAndFillsTheirGaps(String file, int rows, int filled) throws Exception {
        LoadedCandles loaded = CandleLoader.load(resource(file));
        CandleSeries series = loaded.series();

        assertThat(loaded.format()).isEqualTo(CandleFormat.FREQTRADE_JSON);
        assertThat(series.timeframe()).isEqualTo(Timeframe.M5);
        assertThat(loaded.filledCandles()).isEqualTo(filled);
        assertThat(series.size()).isEqualTo(rows + filled);
        for (int i = 1; i < series.size(); i++) {
            assertThat(series.openTime(i) - series.openTime(i - 1)).isEqualTo(FIVE_MINUTES);
        }
        // every row of the file sits at its time, unchanged (bit for bit); every other candle is a filled one
        String text = Files.readString(resource(file));
        String[] raw = text.strip().substring(2, text.strip().length() - 2).split("\\],\\s*\\[");
        assertThat(raw).hasSize(rows);
        boolean[] fromFile = new boolean[series.size()];
        for (String row : raw) {
            String[] f = row.split(",");
            int i = series.indexOf(Long.parseLong(f[0].strip()));
            assertThat(i).isNotNegative();
            fromFile[i] = true;
            assertThat(series.open(i)).isEqualTo(Double.parseDouble(f[1].strip()));
            assertThat(series.high(i)).isEqualTo(Double.parseDouble(f[2].strip()));
            assertThat(series.low(i)).isEqualTo(Double.parseDouble(f[3].strip()));
            assertThat(series.close(i)).isEqualTo(Double.parseDouble(f[4].strip()));
            assertThat(series.volume(i)).isEqualTo(Double.parseDouble(f[5].strip()));
        }
        int synthetic = 0;
        for (int i = 0; i < series.size(); i++) {
            if (!fromFile[i]) {
                synthetic++;
                double previousClose = series.close(i - 1);
                assertThat(new double[] {series.open(i), series.high(i), series.low(i), series.close(i)})
                        .containsOnly(previousClose);
                assertThat(series.volume(i)).isZero();
            }
        }
        assertThat(synthetic).isEqualTo(filled);
    }

    @Test
    void genericCsvWithoutHeaderInEpochMillis() throws IOException {
        Path file = write("plain.csv", """
                1515560100000,1.0,1.5,0.5,1.2,10
                1515560400000,1.2,1.3,1.1,1.25,0
                1515561000000,1.25,1.4,1.2,1.3,7.5
                """);
        LoadedCandles loaded = CandleLoader.load(file);
        assertThat(loaded.format()).isEqualTo(CandleFormat.CSV);
        assertThat(loaded.filledCandles()).isEqualTo(1);
        CandleSeries s = loaded.series();
        assertThat(s.openTimes()).containsExactly(T0, T0 + FIVE_MINUTES, T0 + 2 * FIVE_MINUTES, T0 + 3 * FIVE_MINUTES);
        assertThat(s.closes()).containsExactly(1.2, 1.25, 1.25, 1.3);
        assertThat(s.highs()).containsExactly(1.5, 1.3, 1.25, 1.4);
        assertThat(s.volumes()).containsExactly(10, 0, 0, 7.5);
        assertThat(s.opens()).containsExactly(1.0, 1.2, 1.25, 1.25);
        assertThat(s.lows()).containsExactly(0.5, 1.1, 1.25, 1.2);
    }

    @Test
    void genericCsvWithHeaderIsoTimesCrlfAndQuotes() throws IOException {
        Path file = write("iso.csv", "date,open,high,low,close,volume\r\n"
                + "\"2018-01-10 04:55:00\",1,2,0.5,1.5,3\r\n"
                + "2018-01-10T05:00:00Z,1.5,2,1,1.8,4\r\n"
                + "2018-01-10 05:05:00+00:00,1.8,1.9,1.7,1.75,5\r\n"
                + "2018-01-10T06:10:00.000+01:00,1.75,1.8,1.7,1.8,6\r\n");
        CandleSeries s = CandleLoader.load(file).series();
        assertThat(s.openTimes()).containsExactly(T0, T0 + FIVE_MINUTES, T0 + 2 * FIVE_MINUTES, T0 + 3 * FIVE_MINUTES);
        assertThat(s.closes()).containsExactly(1.5, 1.8, 1.75, 1.8);
    }

    @Test
    void genericCsvMapsHeaderColumnsByNameInAnyOrder() throws IOException {
        Path file = write("shuffled.csv", """
                symbol,Volume,Close,Low,High,Open,Timestamp
                X,10,1.2,0.5,1.5,1.0,1515560100
                X,11,1.3,1.1,1.4,1.2,1515560400
                """);
        CandleSeries s = CandleLoader.load(file).series();
        assertThat(s.openTimes()).containsExactly(T0, T0 + FIVE_MINUTES); // epoch seconds became milliseconds
        assertThat(s.opens()).containsExactly(1.0, 1.2);
        assertThat(s.highs()).containsExactly(1.5, 1.4);
        assertThat(s.lows()).containsExactly(0.5, 1.1);
        assertThat(s.closes()).containsExactly(1.2, 1.3);
        assertThat(s.volumes()).containsExactly(10, 11);
    }

    @Test
    void binanceDumpInMillisAndMicros() throws IOException {
        String millis = binanceLine(T0, "0.01634000", "0.80000000") + "\n"
                + binanceLine(T0 + FIVE_MINUTES, "0.01640000", "0") + "\n"
                + binanceLine(T0 + 3 * FIVE_MINUTES, "0.01650000", "2.5") + "\n";
        LoadedCandles loaded = CandleLoader.load(write("BTCUSDT-5m-2018-01.csv", millis));
        assertThat(loaded.format()).isEqualTo(CandleFormat.BINANCE);
        assertThat(loaded.filledCandles()).isEqualTo(1);
        assertThat(loaded.series().openTimes()).containsExactly(T0, T0 + FIVE_MINUTES, T0 + 2 * FIVE_MINUTES,
                T0 + 3 * FIVE_MINUTES);
        assertThat(loaded.series().closes()).containsExactly(0.01634, 0.0164, 0.0164, 0.0165);
        assertThat(loaded.series().volumes()).containsExactly(0.8, 0, 0, 2.5);

        String micros = binanceLine(T0 * 1000, "0.01634000", "0.8") + "\n"
                + binanceLine((T0 + FIVE_MINUTES) * 1000, "0.01640000", "1") + "\n";
        LoadedCandles fromMicros = CandleLoader.load(write("BTCUSDT-5m-2025-01.csv", micros));
        assertThat(fromMicros.format()).isEqualTo(CandleFormat.BINANCE);
        assertThat(fromMicros.series().openTimes()).containsExactly(T0, T0 + FIVE_MINUTES);
    }

    @Test
    void binanceDumpInsideItsZip() throws IOException {
        Path zip = dir.resolve("BTCUSDT-5m-2018-01.zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("BTCUSDT-5m-2018-01.csv"));
            z.write((binanceLine(T0, "1.5", "1") + "\n" + binanceLine(T0 + FIVE_MINUTES, "1.6", "2") + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        LoadedCandles loaded = CandleLoader.load(zip);
        assertThat(loaded.format()).isEqualTo(CandleFormat.BINANCE);
        assertThat(loaded.series().closes()).containsExactly(1.5, 1.6);
    }

    @Test
    void gzippedFreqtradeJson() throws Exception {
        Path gz = dir.resolve("ADA_BTC-5m.json.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(Files.readAllBytes(resource("ADA_BTC-5m.json")));
        }
        LoadedCandles zipped = CandleLoader.load(gz);
        LoadedCandles plain = CandleLoader.load(resource("ADA_BTC-5m.json"));
        assertThat(zipped.format()).isEqualTo(CandleFormat.FREQTRADE_JSON);
        assertThat(zipped.filledCandles()).isEqualTo(plain.filledCandles());
        assertThat(zipped.series().closes()).containsExactly(plain.series().closes());
    }

    @Test
    void binanceFuturesDumpWithHeaderIsReadByColumnNames() throws IOException {
        Path file = write("BTCUSDT-5m-2024-01.csv", "\uFEFFopen_time,open,high,low,close,volume,close_time,"
                + "quote_volume,count,taker_buy_volume,taker_buy_quote_volume,ignore\n"
                + binanceLine(T0, "42000.1", "3") + "\n" + binanceLine(T0 + FIVE_MINUTES, "42001.5", "4") + "\n");
        LoadedCandles loaded = CandleLoader.load(file);
        assertThat(loaded.series().closes()).containsExactly(42000.1, 42001.5);
        assertThat(loaded.series().volumes()).containsExactly(3, 4);
    }

    @Test
    void aBinaryFileIsRefusedByName() throws IOException {
        Path file = dir.resolve("candles.feather");
        Files.write(file, new byte[] {'A', 'R', 'R', 'O', 'W', 1, (byte) 0xC3, (byte) 0x28, 0, (byte) 0xFF});
        assertThatThrownBy(() -> CandleLoader.load(file)).isInstanceOf(CandleDataException.class)
                .hasMessage(file + ": is not UTF-8 text (a binary file?)");
    }

    @Test
    void freqtradeJsonDetectedByContentToo() {
        LoadedCandles loaded = CandleLoader.parse("upload.txt",
                "[[1515560100000, 1.0, 2.0, 0.5, 1.5, 3], [1515560400000, 1.5, 2, 1, 1.8, 4.5e2]]", null, null);
        assertThat(loaded.format()).isEqualTo(CandleFormat.FREQTRADE_JSON);
        assertThat(loaded.series().volumes()).containsExactly(3, 450);
    }

    @Test
    void aGivenTimeframeIsUsedAndChecked() throws IOException {
        Path file = write("hourly.csv", """
                1515560400000,1,2,0.5,1.5,3
                1515564000000,1.5,2,1,1.8,4
                """);
        assertThat(CandleLoader.load(file, Timeframe.H1).series().timeframe()).isEqualTo(Timeframe.H1);
        assertThat(CandleLoader.load(file).series().timeframe()).isEqualTo(Timeframe.H1);
        assertThatThrownBy(() -> CandleLoader.load(file, Timeframe.M5)).isInstanceOf(CandleDataException.class)
                .hasMessageContaining("hourly.csv").hasMessageContaining("1h apart").hasMessageContaining("5m");
        // a single candle has no spacing: it needs the timeframe
        Path single = write("single.csv", "1515560400000,1,2,0.5,1.5,3\n");
        assertThat(CandleLoader.load(single, Timeframe.M5).series().size()).isEqualTo(1);
        assertThatThrownBy(() -> CandleLoader.load(single)).hasMessageContaining("single.csv")
                .hasMessageContaining("timeframe");
    }

    @Test
    void theTimeframeIsTheMostCommonSpacing() {
        // spacing 5m three times, 10m once (a gap): 5m wins, one candle is filled
        LoadedCandles loaded = CandleLoader.parse("gappy.csv", """
                0,1,1,1,1,1
                """.replace("0,", T0 + ",") + (T0 + FIVE_MINUTES) + ",1,1,1,1,1\n" + (T0 + 3 * FIVE_MINUTES)
                + ",1,1,1,1,1\n" + (T0 + 4 * FIVE_MINUTES) + ",1,1,1,1,1\n" + (T0 + 5 * FIVE_MINUTES)
                + ",1,1,1,1,1\n", null, null);
        assertThat(loaded.series().timeframe()).isEqualTo(Timeframe.M5);
        assertThat(loaded.filledCandles()).isEqualTo(1);
    }

    static String binanceLine(long openTime, String price, String volume) {
        // open, high, low, close all equal keeps the line valid; the other columns are as in a real dump
        return openTime + "," + price + "," + price + "," + price + "," + price + "," + volume + ","
                + (openTime + 299_999) + ",13.05," + 42 + ",0.4,6.5,0";
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }
}
