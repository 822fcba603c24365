package dev.botfleet.server.backtest.config;

import dev.botfleet.engine.backtest.freqtrade.FundingData;
import dev.botfleet.engine.data.CandleDataException;
import dev.botfleet.engine.data.CandleSeries;
import dev.botfleet.engine.data.Timeframes;
import dev.botfleet.engine.market.Timeframe;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A futures run's funding data in Freqtrade's layout, beside the pairs' candles: {@code futures/<PAIR>-8h-funding_rate.json}
 * (the open is the rate) and {@code futures/<PAIR>-8h-mark.json} or {@code -4h-mark.json} (the open is the mark
 * price), as {@code freqtrade download-data --trading-mode futures} writes them. Freqtrade's
 * {@code funding_fee_timeframe} is 8h on every exchange it supports; the mark timeframe is 8h (Binance) or 4h
 * (Bybit, OKX, Kraken). Freqtrade refuses a run without them; botfleet runs it without funding for that pair and says
 * so, as single-symbol perpetual runs without {@code --funding-rates} do.
 */
public final class FundingFiles {
    /** Freqtrade's {@code funding_fee_timeframe}. */
    public static final Timeframe FUNDING_TIMEFRAME = Timeframes.parse("8h");
    /** Freqtrade's {@code mark_ohlcv_timeframe}, tried in this order. */
    static final List<Timeframe> MARK_TIMEFRAMES = List.of(Timeframes.parse("8h"), Timeframes.parse("4h"));

    /**
     * @param byPair   the pairs whose funding was found (others book none)
     * @param warnings one per pair without funding data, naming the files looked for
     */
    public record Loaded(Map<String, FundingData> byPair, List<String> warnings) {
    }

    private FundingFiles() {
    }

    /**
     * @throws IllegalArgumentException naming the file and line when a funding or mark file is bad
     */
    public static Loaded load(List<String> pairs, CandleFiles files) {
        Map<String, FundingData> byPair = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        for (String pair : pairs) {
            CandleFiles.Found rates = find(files, pair, FUNDING_TIMEFRAME, CandleFiles.FUNDING_RATE);
            if (rates == null) {
                warnings.add(pair + ": no funding-rate data, funding is not booked (looked for "
                        + files.lookedFor(pair, FUNDING_TIMEFRAME, CandleFiles.FUNDING_RATE) + ")");
                continue;
            }
            CandleFiles.Found marks = null;
            for (Timeframe tf : MARK_TIMEFRAMES) {
                marks = find(files, pair, tf, CandleFiles.MARK);
                if (marks != null) break;
            }
            if (marks == null) {
                warnings.add(pair + ": no mark-price data, funding is not booked (looked for "
                        + files.lookedFor(pair, MARK_TIMEFRAMES.getFirst(), CandleFiles.MARK) + ", and 4h)");
                continue;
            }
            CandleSeries r = rates.candles();
            CandleSeries m = marks.candles();
            FundingData data = FundingData.join(r.openTimes(), r.opens(), m.openTimes(), m.opens(),
                    Duration.ofMillis(FUNDING_TIMEFRAME.millis()));
            if (data.size() == 0) {
                warnings.add(pair + ": " + rates.name() + " and " + marks.name()
                        + " share no date, funding is not booked");
                continue;
            }
            byPair.put(pair, data);
        }
        return new Loaded(byPair, warnings);
    }

    private static CandleFiles.Found find(CandleFiles files, String pair, Timeframe tf, String type) {
        try {
            return files.find(pair, tf, type);
        } catch (CandleDataException e) {
            throw new IllegalArgumentException(pair + ": " + e.getMessage(), e);
        }
    }
}
