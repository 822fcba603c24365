package dev.botfleet.server.backtest.config;

import dev.botfleet.engine.data.CandleLoader;
import dev.botfleet.engine.data.CandleSeries;
import dev.botfleet.engine.market.Timeframe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.function.Function;

/**
 * Where a pair's candles are found, in Freqtrade's data layout: {@code <datadir>/<BASE>_<QUOTE>-<timeframe>.json}
 * (also {@code .json.gz} and {@code .csv}); futures {@code <datadir>/futures/<BASE>_<QUOTE>_<SETTLE>-<tf>-futures.json},
 * and a futures pair's funding rates and mark prices beside them as {@code -<tf>-funding_rate.json} and
 * {@code -<tf>-mark.json} (Freqtrade's candle types).
 */
public interface CandleFiles {
    /** Freqtrade's candle type of a futures pair's candles (the file name's last part). */
    String FUTURES = "futures";
    /** Funding-rate "candles": the open is the rate. */
    String FUNDING_RATE = "funding_rate";
    /** Mark-price candles. */
    String MARK = "mark";

    /**
     * A found file's name (for messages) and its candles, gaps filled.
     *
     * @param filledAt the indexes of {@code candles} that were gaps in the file (empty when unknown)
     */
    record Found(String name, CandleSeries candles, List<String> warnings, BitSet filledAt) {
    }

    /**
     * @return null when the pair has no file here
     * @throws dev.botfleet.engine.data.CandleDataException naming the file and line when the file is bad
     */
    default Found find(String pair, Timeframe timeframe, boolean futures) {
        return find(pair, timeframe, futures ? FUTURES : null);
    }

    /** The file(s) looked for, for the "missing" message. */
    default String lookedFor(String pair, Timeframe timeframe, boolean futures) {
        return lookedFor(pair, timeframe, futures ? FUTURES : null);
    }

    /**
     * @param candleType null for spot candles, else a futures candle type ({@link #FUTURES}, {@link #FUNDING_RATE},
     *                   {@link #MARK}): the file is then in {@code futures/}
     */
    Found find(String pair, Timeframe timeframe, String candleType);

    String lookedFor(String pair, Timeframe timeframe, String candleType);

    /** Freqtrade's file stem: "BTC/USDT" -> "BTC_USDT-5m"; "BTC/USDT:USDT" futures -> "BTC_USDT_USDT-5m-futures". */
    static String stem(String pair, Timeframe timeframe, boolean futures) {
        return stem(pair, timeframe, futures ? FUTURES : null);
    }

    /** The stem for a candle type: "BTC/USDT:USDT", 8h, "funding_rate" -> "BTC_USDT_USDT-8h-funding_rate". */
    static String stem(String pair, Timeframe timeframe, String candleType) {
        String name = pair.replace('/', '_').replace(':', '_').replace('-', '_');
        return name + "-" + timeframe.code() + (candleType != null ? "-" + candleType : "");
    }

    /** Candle files in a directory (Freqtrade's {@code datadir}, e.g. {@code user_data/data/binance}). */
    static CandleFiles directory(Path datadir) {
        List<String> extensions = List.of(".json", ".json.gz", ".csv");
        return new CandleFiles() {
            @Override
            public Found find(String pair, Timeframe timeframe, String candleType) {
                Path dir = candleType != null ? datadir.resolve("futures") : datadir;
                for (String ext : extensions) {
                    Path file = dir.resolve(stem(pair, timeframe, candleType) + ext);
                    if (!Files.isRegularFile(file)) continue;
                    try {
                        var loaded = CandleLoader.load(file, timeframe);
                        return new Found(file.toString(), loaded.series(), loaded.warnings(), loaded.filledAt());
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot read " + file, e);
                    }
                }
                return null;
            }

            @Override
            public String lookedFor(String pair, Timeframe timeframe, String candleType) {
                Path dir = candleType != null ? datadir.resolve("futures") : datadir;
                String stem = stem(pair, timeframe, candleType);
                String looked = dir.resolve(stem) + "{" + String.join("|", extensions) + "}";
                for (String binary : List.of(".feather", ".parquet", ".h5")) {
                    if (Files.isRegularFile(dir.resolve(stem + binary))) {
                        return looked + " (found " + stem + binary + ", a binary format botfleet cannot read:"
                                + " convert it with `freqtrade convert-data --format-to json`)";
                    }
                }
                return looked;
            }
        };
    }

    /** Files found by stem elsewhere (the server's shipped datasets): {@code stem -> candles or null}. */
    static CandleFiles byStem(String where, Function<String, CandleSeries> byStem) {
        return new CandleFiles() {
            @Override
            public Found find(String pair, Timeframe timeframe, String candleType) {
                CandleSeries s = byStem.apply(stem(pair, timeframe, candleType));
                return s == null ? null : new Found(stem(pair, timeframe, candleType) + ".json", s, List.of(),
                        new BitSet());
            }

            @Override
            public String lookedFor(String pair, Timeframe timeframe, String candleType) {
                return stem(pair, timeframe, candleType) + ".json in " + where;
            }
        };
    }
}
