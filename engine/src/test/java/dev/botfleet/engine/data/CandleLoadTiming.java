package dev.botfleet.engine.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Loading time of 1,000,000-candle files in each format, printed, never asserted (a performance figure belongs to a
 * measurement, not to a unit test). Not part of the normal suite (its name does not end in Test); run it with
 * {@code mvn -B -q -pl engine test -Dtest=CandleLoadTiming -Dsurefire.failIfNoSpecifiedTests=false | grep "load round"}.
 */
class CandleLoadTiming {
    private static final int CANDLES = 1_000_000;

    @TempDir
    Path dir;

    @Test
    void loadMillionCandleFiles() throws IOException {
        Random random = new Random(1);
        StringBuilder epoch = new StringBuilder(), iso = new StringBuilder("date,open,high,low,close,volume\n");
        StringBuilder binance = new StringBuilder(), json = new StringBuilder("[");
        long time = 1515560100000L;
        long price = 1_000_000;
        for (int i = 0; i < CANDLES; i++) {
            long close = price + random.nextInt(2001) - 1000;
            long high = Math.max(price, close) + random.nextInt(100);
            long low = Math.min(price, close) - random.nextInt(100);
            String row = price / 100.0 + "," + high / 100.0 + "," + low / 100.0 + "," + close / 100.0 + ","
                    + random.nextInt(1_000_000_000) / 1e6;
            epoch.append(time).append(',').append(row).append('\n');
            iso.append(Instant.ofEpochMilli(time).toString().replace('T', ' ').replace("Z", "+00:00")).append(',')
                    .append(row).append('\n');
            binance.append(time).append(',').append(row).append(',').append(time + 59_999)
                    .append(",1.0,5,0.5,0.4,0\n");
            json.append(i == 0 ? "" : ", ").append('[').append(time).append(", ").append(row.replace(",", ", "))
                    .append(']');
            price = close;
            time += 60_000;
        }
        json.append(']');
        List<Path> files = List.of(Files.writeString(dir.resolve("epoch.csv"), epoch),
                Files.writeString(dir.resolve("iso.csv"), iso), Files.writeString(dir.resolve("binance.csv"), binance),
                Files.writeString(dir.resolve("freqtrade.json"), json));
        for (int round = 1; round <= 3; round++) {
            for (Path file : files) {
                long start = System.nanoTime();
                LoadedCandles loaded = CandleLoader.load(file);
                long elapsed = System.nanoTime() - start;
                assertThat(loaded.series().size()).isEqualTo(CANDLES);
                System.out.printf("load round %d: %-15s %-14s %,d candles, %,d MB, %,d ms%n", round,
                        file.getFileName(), loaded.format(), loaded.series().size(), Files.size(file) >> 20,
                        elapsed / 1_000_000);
            }
        }
    }
}
