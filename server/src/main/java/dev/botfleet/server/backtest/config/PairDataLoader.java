package dev.botfleet.server.backtest.config;

import dev.botfleet.engine.data.CandleDataException;
import dev.botfleet.engine.data.CandleSeries;
import dev.botfleet.engine.market.Timeframe;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads several pairs for one run as Freqtrade's backtesting prepares them (the semantics reference, section 2.1):
 * <ol>
 *   <li>each pair's file is trimmed to {@code open time >= start - startup x timeframe} and {@code <= stop}
 *       (both ends inclusive);</li>
 *   <li>when no start is given, or warm-up is wanted and the earliest candle of all pairs is not before the
 *       requested start, the start
 *       moves to that earliest candle plus the startup candles, so the warm-up comes out of the data
 *       (Freqtrade's {@code adjust_start_if_necessary}, "Moving start-date by N candles to account for startup
 *       time");</li>
 *   <li>the engine computes indicators over every row and then drops each pair's first {@code startup} rows.</li>
 * </ol>
 * A missing file, a bad file, or a pair the timerange leaves without a candle to trade is an error naming the pair
 * and the file; all of them are reported together.
 */
public final class PairDataLoader {
    private PairDataLoader() {
    }

    /** Every pair that could not be loaded, each naming the pair and the file. */
    public static final class PairDataException extends IllegalArgumentException {
        private final List<String> problems;

        PairDataException(List<String> problems) {
            super(String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    /**
     * @param startupCandles warm-up candles (the config's or strategy's {@code startup_candle_count}), 0 or more
     * @throws PairDataException naming every pair that is missing, bad or left without candles
     */
    public static LoadedPairs load(List<String> pairs, Timeframe timeframe, Timerange range, int startupCandles,
                                   boolean futures, CandleFiles files) {
        if (startupCandles < 0) throw new IllegalArgumentException("startup_candle_count: must be 0 or more");
        Timerange r = range == null ? Timerange.ALL : range;
        long warmUp = startupCandles * timeframe.millis();
        Long loadFrom = r.startMillis() == null ? null : r.startMillis() - warmUp;
        List<String> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<LoadedPairs.Pair> loaded = new ArrayList<>();
        for (String pair : pairs) {
            CandleFiles.Found found;
            try {
                found = files.find(pair, timeframe, futures);
            } catch (CandleDataException e) {
                problems.add(pair + ": " + e.getMessage());
                continue;
            }
            if (found == null) {
                problems.add(pair + ": no " + timeframe.code() + " candles; looked for "
                        + files.lookedFor(pair, timeframe, futures));
                continue;
            }
            warnings.addAll(found.warnings());
            CandleSeries s = found.candles();
            int from = loadFrom == null ? 0 : s.indexAtOrAfter(loadFrom);
            int to = r.stopMillis() == null ? s.size() : s.indexAtOrAfter(r.stopMillis() + 1);
            // Freqtrade trims the file's candles first and fills gaps after, so the trimmed data never starts or
            // ends with a filled candle; the loader filled the whole file, so filled candles at the edges go.
            while (from < to && found.filledAt().get(from)) from++;
            while (to > from && found.filledAt().get(to - 1)) to--;
            if (to - from <= startupCandles) {
                problems.add(pair + ": " + found.name() + " has " + (to - from) + " candle(s) in the timerange "
                        + r + (startupCandles > 0 ? " with " + startupCandles + " warm-up candle(s) before it" : "")
                        + "; " + (s.isEmpty() ? "the file is empty" : "the file covers "
                        + Instant.ofEpochMilli(s.openTime(0)) + " .. " + Instant.ofEpochMilli(s.openTime(s.size() - 1)))
                        + (startupCandles > 0 ? ", and the run needs more than the warm-up" : ""));
                continue;
            }
            loaded.add(new LoadedPairs.Pair(pair, found.name(), s.slice(from, to)));
        }
        if (!problems.isEmpty()) throw new PairDataException(problems);
        long earliest = loaded.stream().mapToLong(p -> p.candles().openTime(0)).min().orElseThrow();
        // Freqtrade's adjust_start_if_necessary: only without a start, or when warm-up is wanted but the data
        // holds nothing before the start
        boolean move = r.startMillis() == null || (startupCandles > 0 && earliest >= r.startMillis());
        long start = move ? earliest + warmUp : r.startMillis();
        if (r.startMillis() != null && start != r.startMillis()) {
            warnings.add("timerange: the data starts at " + Instant.ofEpochMilli(earliest) + ", so the backtest starts "
                    + startupCandles + " warm-up candle(s) later, at " + Instant.ofEpochMilli(start)
                    + " (as Freqtrade moves the start)");
        }
        return new LoadedPairs(timeframe, start, r.stopMillis(), startupCandles, loaded, warnings);
    }
}
