package dev.botfleet.server.backtest;

import dev.botfleet.engine.data.CandleSeries;
import dev.botfleet.server.common.Decimals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A run's candles for a price chart: at most {@code maxBars} OHLC bars. A longer run is merged into buckets of
 * consecutive candles (the bucket's first open and open time, highest high, lowest low, last close). Prices are
 * rounded to the instrument's tick.
 */
public final class PriceBars {
    private PriceBars() {
    }

    /** One chart bar; {@code time} is the open time of its first candle. */
    public record PriceBar(Instant time, String open, String high, String low, String close) {
    }

    static List<PriceBar> of(CandleSeries s, int maxBars, int priceScale) {
        int n = s.size();
        int step = Math.max(1, (n + maxBars - 1) / maxBars);
        List<PriceBar> bars = new ArrayList<>((n + step - 1) / step);
        for (int from = 0; from < n; from += step) {
            int to = Math.min(n, from + step);
            double high = s.high(from);
            double low = s.low(from);
            for (int i = from + 1; i < to; i++) {
                high = Math.max(high, s.high(i));
                low = Math.min(low, s.low(i));
            }
            bars.add(new PriceBar(Instant.ofEpochMilli(s.openTime(from)), price(s.open(from), priceScale),
                    price(high, priceScale), price(low, priceScale), price(s.close(to - 1), priceScale)));
        }
        return bars;
    }

    static String price(double p, int priceScale) {
        return Decimals.format(BigDecimal.valueOf(p).setScale(priceScale, RoundingMode.HALF_EVEN));
    }
}
