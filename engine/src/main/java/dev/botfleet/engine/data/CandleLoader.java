package dev.botfleet.engine.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Loads candle files into a {@link CandleSeries}: detects the format ({@link CandleFormat#detect}), checks every
 * candle, infers the timeframe when none is given (the most common spacing) and fills gaps like Freqtrade. A bad file
 * is refused whole with a {@link CandleDataException} naming the file, the line or element, and the problem.
 * A Binance dump may also be given as the .zip it is published in.
 */
public final class CandleLoader {
    private CandleLoader() {
    }

    /** Detects the format and infers the timeframe. */
    public static LoadedCandles load(Path file) throws IOException {
        return load(file, null, null);
    }

    /** Detects the format; {@code timeframe} null means infer it. */
    public static LoadedCandles load(Path file, Timeframe timeframe) throws IOException {
        return load(file, null, timeframe);
    }

    /** {@code format} null means detect it, {@code timeframe} null means infer it. */
    public static LoadedCandles load(Path file, CandleFormat format, Timeframe timeframe) throws IOException {
        String name = file.toString();
        if (name.toLowerCase(Locale.ROOT).endsWith(".zip")) {
            try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
                ZipEntry entry = zip.getNextEntry();
                while (entry != null && entry.isDirectory()) {
                    entry = zip.getNextEntry();
                }
                if (entry == null) {
                    throw new CandleDataException(name, null, "the zip archive holds no file");
                }
                String content = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                return parse(name + "!" + entry.getName(), content, format, timeframe);
            }
        }
        return parse(name, Files.readString(file, StandardCharsets.UTF_8), format, timeframe);
    }

    /**
     * Parses candles held in memory (an upload, say). {@code sourceName} names them in error messages and, by its
     * extension, helps detect the format; {@code format} null means detect, {@code timeframe} null means infer.
     */
    public static LoadedCandles parse(String sourceName, String content, CandleFormat format, Timeframe timeframe) {
        if (content.isBlank() || content.equals("\uFEFF")) {
            throw new CandleDataException(sourceName, null, "empty file: no candles");
        }
        CandleFormat actual = format != null ? format : CandleFormat.detect(sourceName, content);
        RawCandles raw = switch (actual) {
            case FREQTRADE_JSON -> FreqtradeJsonParser.parse(sourceName, content);
            case CSV, BINANCE -> CsvCandleParser.parse(sourceName, content, actual);
        };
        if (raw.size == 0) {
            throw new CandleDataException(sourceName, null, "no candles in the file");
        }
        Timeframe step = timeframe != null ? timeframe : GapFiller.infer(raw);
        return GapFiller.fill(raw, step, actual);
    }
}
