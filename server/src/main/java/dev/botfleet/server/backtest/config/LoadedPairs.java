package dev.botfleet.server.backtest.config;

import dev.botfleet.engine.data.CandleSeries;
import dev.botfleet.engine.market.Timeframe;

import java.util.List;

/**
 * The candles of every pair of a run, in the whitelist order (the order pairs are visited in), each trimmed to the
 * timerange with its warm-up candles kept in front.
 *
 * @param startMillis    the first candle of the backtest proper (after warm-up); Freqtrade's adjusted start
 * @param stopMillis     the last candle's open time kept (inclusive), or null when the data's end decides
 * @param startupCandles how many rows at the front of each pair's candles are warm-up: compute indicators over all
 *                       rows, then drop this many (Freqtrade's {@code trim_dataframe(..., startup_candles=N)})
 * @param warnings       what the files held that deserves a look (zero or negative prices), naming the file
 */
public record LoadedPairs(Timeframe timeframe, long startMillis, Long stopMillis, int startupCandles,
                          List<Pair> pairs, List<String> warnings) {
    public LoadedPairs {
        pairs = List.copyOf(pairs);
        warnings = List.copyOf(warnings);
    }

    /**
     * @param file    the file the candles came from, for reports
     * @param candles warm-up candles first, then the timerange's
     */
    public record Pair(String pair, String file, CandleSeries candles) {
    }
}
