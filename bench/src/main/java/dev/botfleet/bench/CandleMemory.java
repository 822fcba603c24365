package dev.botfleet.bench;

import dev.botfleet.engine.data.CandleSeries;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Bytes of heap per candle held: the retained heap of a 1M-candle {@link CandleSeries} (what a backtest keeps in
 * memory for its data), measured as used heap after full GCs with and without the series. Also printed in
 * {@link BacktesterBenchmark}'s setup; standalone: {@code java -cp benchmarks.jar dev.botfleet.bench.CandleMemory}.
 */
public final class CandleMemory {
    private CandleMemory() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        long before = settledHeap();
        CandleSeries series = SyntheticCandles.randomWalk(n, 1);
        long after = settledHeap();
        System.out.printf("candles held: %,d, retained heap: %,d bytes, %.1f bytes per candle%n", series.size(),
                after - before, (double) (after - before) / series.size());
        // The run's own per-candle state: the equity curve (time 8 B + equity 8 B + exposure 1 B).
        System.out.println("equity curve during a run: 17 bytes per candle (long + double + boolean arrays)");
    }

    /** Used heap after full collections (System.gc is honoured by the default G1 unless disabled). */
    static long settledHeap() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 5; i++) System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }
}
