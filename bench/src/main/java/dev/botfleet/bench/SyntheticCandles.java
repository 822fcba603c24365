package dev.botfleet.bench;

import dev.botfleet.engine.data.CandleSeries;
import dev.botfleet.engine.market.Timeframe;
import dev.botfleet.engine.market.Instrument;

import java.math.BigDecimal;
import java.util.SplittableRandom;

/** Seeded random-walk 1m candles around 100 (0.05% per minute volatility): the same series on every run. */
final class SyntheticCandles {
    static final Instrument INSTRUMENT = new Instrument("sim", "BENCH/USD", "BENCH", "USD", new BigDecimal("0.01"),
            new BigDecimal("0.001"), new BigDecimal("0.001"), BigDecimal.ZERO, new BigDecimal("0.001"),
            new BigDecimal("0.001"));

    private SyntheticCandles() {
    }

    static CandleSeries randomWalk(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        CandleSeries.Builder b = new CandleSeries.Builder(Timeframe.M1, n);
        double price = 100;
        long t = 1_700_000_000_000L;
        for (int i = 0; i < n; i++) {
            double open = price;
            double high = open;
            double low = open;
            for (int k = 0; k < 4; k++) {  // four sub-steps shape the bar
                price *= 1 + (random.nextDouble() - 0.5) * 0.0005;
                high = Math.max(high, price);
                low = Math.min(low, price);
            }
            b.add(t + i * 60_000L, round(open), round(high), round(low), round(price), 1 + random.nextDouble() * 10);
            price = Math.max(price, 1);
        }
        return b.build();
    }

    private static double round(double p) {
        return Math.round(p * 100) / 100.0;
    }
}
