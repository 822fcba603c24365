package dev.botfleet.engine.data;

import dev.botfleet.engine.market.Timeframe;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Loads candle files into a {@link CandleSeries}: detects the format ({@link CandleFormat#detect}), checks every
 * candle, infers the timeframe when none is given (the most common spacing) and fills gaps like Freqtrade. A bad file
 * is refused whole with a {@link CandleDataException} naming the file, the line or element, and the problem.
 * A Binance dump may also be given as the .zip it is published in, a Freqtrade file gzip-compressed.
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

    /**
     * {@code format} null means detect it, {@code timeframe} null means infer it. Besides plain files this reads a
     * gzip-compressed one (Freqtrade's "jsongz", {@code .json.gz}) and the first file of a zip (Binance's dumps).
     *
     * @throws IOException if the file cannot be read at all
     * @throws CandleDataException if it can be read but is not valid candle data
     */
    public static LoadedCandles load(Path file, CandleFormat format, Timeframe timeframe) throws IOException {
        String name = file.toString();
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".zip")) {
            try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
                ZipEntry entry = zip.getNextEntry();
                while (entry != null && entry.isDirectory()) {
                    entry = zip.getNextEntry();
                }
                if (entry == null) {
                    throw new CandleDataException(name, null, "the zip archive holds no file");
                }
                String inner = name + "!" + entry.getName();
                return parse(inner, decode(inner, zip.readAllBytes()), format, timeframe);
            }
        }
        if (lower.endsWith(".gz")) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                // detection looks at the name without ".gz" (ADA_BTC-5m.json.gz is JSON)
                String content = decode(name, in.readAllBytes());
                CandleFormat actual = format != null ? format
                        : CandleFormat.detect(name.substring(0, name.length() - 3), content);
                return parse(name, content, actual, timeframe);
            } catch (ZipException e) {
                throw new CandleDataException(name, "is not gzip-compressed (" + e.getMessage() + ")", e);
            }
        }
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8); // strict, and fast for ASCII
        } catch (CharacterCodingException e) {
            throw new CandleDataException(name, "is not UTF-8 text (a binary file?)", e);
        }
        return parse(name, content, format, timeframe);
    }

    /** Strict UTF-8 (ASCII in practice): a binary or wrongly encoded file is refused by name, not garbled. */
    private static String decode(String name, byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new CandleDataException(name, "is not UTF-8 text (a binary file?)", e);
        }
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
