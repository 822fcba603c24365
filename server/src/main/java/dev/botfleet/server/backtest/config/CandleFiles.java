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
 * (also {@code .json.gz} and {@code .csv}); futures {@code <datadir>/futures/<BASE>_<QUOTE>_<SETTLE>-<tf>-futures.json}.
 */
public interface CandleFiles {
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
    Found find(String pair, Timeframe timeframe, boolean futures);

    /** The file(s) looked for, for the "missing" message. */
    String lookedFor(String pair, Timeframe timeframe, boolean futures);

    /** Freqtrade's file stem: "BTC/USDT" -> "BTC_USDT-5m"; "BTC/USDT:USDT" futures -> "BTC_USDT_USDT-5m-futures". */
    static String stem(String pair, Timeframe timeframe, boolean futures) {
        String name = pair.replace('/', '_').replace(':', '_').replace('-', '_');
        return name + "-" + timeframe.code() + (futures ? "-futures" : "");
    }

    /** Candle files in a directory (Freqtrade's {@code datadir}, e.g. {@code user_data/data/binance}). */
    static CandleFiles directory(Path datadir) {
        List<String> extensions = List.of(".json", ".json.gz", ".csv");
        return new CandleFiles() {
            @Override
            public Found find(String pair, Timeframe timeframe, boolean futures) {
                Path dir = futures ? datadir.resolve("futures") : datadir;
                for (String ext : extensions) {
                    Path file = dir.resolve(stem(pair, timeframe, futures) + ext);
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
            public String lookedFor(String pair, Timeframe timeframe, boolean futures) {
                Path dir = futures ? datadir.resolve("futures") : datadir;
                String stem = stem(pair, timeframe, futures);
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
            public Found find(String pair, Timeframe timeframe, boolean futures) {
                CandleSeries s = byStem.apply(stem(pair, timeframe, futures));
                return s == null ? null : new Found(stem(pair, timeframe, futures) + ".json", s, List.of(),
                        new BitSet());
            }

            @Override
            public String lookedFor(String pair, Timeframe timeframe, boolean futures) {
                return stem(pair, timeframe, futures) + ".json in " + where;
            }
        };
    }
}
