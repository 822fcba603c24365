package dev.botfleet.engine.backtest;

import dev.botfleet.engine.strategy.definition.StrategyConfig;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Backtests many parameter combinations in parallel and ranks them by one metric. Each run is independent
 * (its own kernel, exchange and strategy), so the ranking is the same whatever the thread count; ties keep the
 * order the combinations were given in.
 */
public final class Sweep {
    /** One combination's outcome. {@code params} are the swept values only. */
    public record Entry(Map<String, Object> params, Metrics metrics) {
    }

    private final BacktestSpec base;
    private final Function<Map<String, Object>, StrategyConfig> configs;
    private final Metric metric;
    private final int threads;

    /**
     * @param base    the spec every run starts from (its config is replaced per combination)
     * @param configs turns swept values into a validated config (throws IllegalArgumentException naming the parameter)
     * @param threads worker threads; {@code Runtime.availableProcessors()} for all cores
     */
    public Sweep(BacktestSpec base, Function<Map<String, Object>, StrategyConfig> configs, Metric metric, int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1");
        this.base = base;
        this.configs = configs;
        this.metric = metric;
        this.threads = threads;
    }

    /** Runs every combination over the base spec's candles; best first. */
    public List<Entry> run(List<Map<String, Object>> combinations, BacktestProgress progress) {
        return run(base, combinations, progress);
    }

    List<Entry> run(BacktestSpec spec, List<Map<String, Object>> combinations, BacktestProgress progress) {
        List<StrategyConfig> resolved = combinations.stream().map(configs).toList();  // fail fast, before any run
        AtomicLong done = new AtomicLong();
        long total = combinations.size();
        List<Entry> entries = new ArrayList<>(combinations.size());
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<Metrics>> futures = new ArrayList<>();
            for (StrategyConfig config : resolved) {
                futures.add(pool.submit(() -> {
                    Metrics m = Backtester.run(spec.withConfig(config)).metrics();
                    progress.onProgress(done.incrementAndGet(), total);
                    return m;
                }));
            }
            for (int i = 0; i < futures.size(); i++) {
                entries.add(new Entry(combinations.get(i), futures.get(i).get()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("sweep interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        }
        return rank(entries);
    }

    /**
     * Best first by the sweep's metric; ties keep the given order (a stable sort). Entries run elsewhere (a sweep
     * spread over machines) ranked here in the combinations' order rank as {@link #run} ranks them.
     */
    public List<Entry> rank(List<Entry> inCombinationOrder) {
        List<Entry> ranked = new ArrayList<>(inCombinationOrder);
        ranked.sort(Comparator.comparing(Entry::metrics, metric.ranking()));
        return ranked;
    }

    public Metric metric() { return metric; }
}
