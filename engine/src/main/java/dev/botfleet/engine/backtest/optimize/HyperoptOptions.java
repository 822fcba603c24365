package dev.botfleet.engine.backtest.optimize;

import java.nio.file.Path;

/**
 * How a {@link Hyperopt} run goes. Start from {@link #of(int)} and change what you need with the withers.
 *
 * @param trials                 how many trials to run (fewer when a grid runs out)
 * @param threads                worker threads; all cores by default
 * @param seed                   the sampler seed: same seed (and batch size), same trials whatever the threads
 * @param minTrades              Freqtrade's hyperopt_min_trades: a trial with fewer trades gets {@link Hyperopt#MAX_LOSS}
 * @param batchSize              trials proposed together from the same history; part of the result's identity
 *                               (unlike threads), so change it only knowingly
 * @param heapBudgetBytes        memory the trials in flight may use together
 * @param estimatedBytesPerTrial the caller's estimate of one trial's peak memory; 0 = unknown, no memory bound.
 *                               Trials in flight = min(threads, heapBudgetBytes / estimatedBytesPerTrial), at least 1
 * @param checkpoint             append-only file of finished trials to resume from; null for none
 * @param progress               told after each trial, in trial order
 */
public record HyperoptOptions(int trials, int threads, long seed, int minTrades, int batchSize,
                              long heapBudgetBytes, long estimatedBytesPerTrial, Path checkpoint,
                              HyperoptProgress progress) {
    public HyperoptOptions {
        if (trials <= 0) throw new IllegalArgumentException("trials must be at least 1, got " + trials);
        if (threads <= 0) throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        if (minTrades < 0) throw new IllegalArgumentException("minTrades must not be negative, got " + minTrades);
        if (batchSize <= 0) throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
        if (heapBudgetBytes <= 0) throw new IllegalArgumentException("heapBudgetBytes must be positive, got " + heapBudgetBytes);
        if (estimatedBytesPerTrial < 0) {
            throw new IllegalArgumentException("estimatedBytesPerTrial must not be negative, got " + estimatedBytesPerTrial);
        }
        if (progress == null) progress = HyperoptProgress.NONE;
    }

    /** All cores, seed 0, min_trades 1 (Freqtrade's default), batches of 16, half the heap, no checkpoint. */
    public static HyperoptOptions of(int trials) {
        return new HyperoptOptions(trials, Runtime.getRuntime().availableProcessors(), 0, 1, 16,
                Runtime.getRuntime().maxMemory() / 2, 0, null, HyperoptProgress.NONE);
    }

    /** Trials allowed in flight at once: the thread count, lowered by the memory bound. */
    public int maxInFlight() {
        if (estimatedBytesPerTrial == 0) return threads;
        return (int) Math.max(1, Math.min(threads, heapBudgetBytes / estimatedBytesPerTrial));
    }

    public HyperoptOptions withThreads(int v) { return new HyperoptOptions(trials, v, seed, minTrades, batchSize, heapBudgetBytes, estimatedBytesPerTrial, checkpoint, progress); }

    public HyperoptOptions withSeed(long v) { return new HyperoptOptions(trials, threads, v, minTrades, batchSize, heapBudgetBytes, estimatedBytesPerTrial, checkpoint, progress); }

    public HyperoptOptions withMinTrades(int v) { return new HyperoptOptions(trials, threads, seed, v, batchSize, heapBudgetBytes, estimatedBytesPerTrial, checkpoint, progress); }

    public HyperoptOptions withBatchSize(int v) { return new HyperoptOptions(trials, threads, seed, minTrades, v, heapBudgetBytes, estimatedBytesPerTrial, checkpoint, progress); }

    public HyperoptOptions withMemoryBound(long heapBudget, long bytesPerTrial) { return new HyperoptOptions(trials, threads, seed, minTrades, batchSize, heapBudget, bytesPerTrial, checkpoint, progress); }

    public HyperoptOptions withCheckpoint(Path v) { return new HyperoptOptions(trials, threads, seed, minTrades, batchSize, heapBudgetBytes, estimatedBytesPerTrial, v, progress); }

    public HyperoptOptions withProgress(HyperoptProgress v) { return new HyperoptOptions(trials, threads, seed, minTrades, batchSize, heapBudgetBytes, estimatedBytesPerTrial, checkpoint, v); }
}
