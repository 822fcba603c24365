package dev.botfleet.engine.indicator;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Updates allocate nothing: the bytes this thread allocates over 100,000 updates of every indicator stay far below
 * what even one 16-byte object per update would cost (1.6 MB). Counted by the JVM, not timed.
 */
class NoAllocationTest {

    @Test
    void updatesDoNotAllocate() {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        TestCandles c = TestCandles.load("ADA_BTC-5m.json", 1e8);
        List<ValueIndicator> values = List.of(new Sma(20), new Ema(20), new Rsi(14), Macd.standard(),
                new BollingerBands(20, 2), new Roc(10), new Highest(20), new Lowest(20));
        List<CandleIndicator> candles = List.of(new Atr(14), new Adx(14), Stochastic.standard(),
                FastStochastic.standard());
        ValueIndicator[] v = values.toArray(ValueIndicator[]::new);
        CandleIndicator[] k = candles.toArray(CandleIndicator[]::new);
        double[] high = c.high(), low = c.low(), close = c.close();
        run(v, k, high, low, close, 20_000); // warm up: class loading and JIT allocate, updates must not

        long thread = Thread.currentThread().threadId();
        long before = threads.getThreadAllocatedBytes(thread);
        double sink = run(v, k, high, low, close, 100_000);
        long allocated = threads.getThreadAllocatedBytes(thread) - before;

        assertThat(sink).isFinite();
        assertThat(allocated).as("bytes allocated by 100,000 rounds of updates").isLessThan(64 * 1024);
    }

    private static double run(ValueIndicator[] values, CandleIndicator[] candles, double[] high, double[] low,
            double[] close, int rounds) {
        double sink = 0;
        for (int r = 0; r < rounds; r++) {
            int i = r % close.length;
            for (ValueIndicator indicator : values) {
                sink += indicator.update(close[i]) * 0;
            }
            for (CandleIndicator indicator : candles) {
                sink += indicator.update(high[i], low[i], close[i]) * 0;
            }
        }
        return sink;
    }
}
