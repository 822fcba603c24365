package dev.botfleet.server.backtest.optimize;

import dev.botfleet.engine.data.CandleSeries;
import dev.botfleet.server.backtest.config.PortfolioBacktests;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for the engine's portfolio loop, cheap and countable, that still depends on everything a trial
 * changes, so a search has something to find: each pair makes one trade from the first candle after warm-up to the
 * last, its profit ratio the price move clamped to [stoploss, minimal_roi at 0], less rsiPeriod × 0.0001 when the
 * strategy parameter is given; profit_abs = ratio × 0.1 (a 0.1 stake). Counts its calls; can fail from a call on.
 */
public final class PriceMovePortfolio implements PortfolioBacktests {
    public final AtomicInteger calls = new AtomicInteger();
    /** "stoploss/roi0/rsiPeriod" of every run, as the portfolio saw them. */
    public final java.util.Set<String> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** The config's {@code enable_protections} of every run. */
    public final java.util.Set<Boolean> protectionsEnabled = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final int failFromCall;
    /** When set, every run waits for it first: a test holds a run in flight to cancel it. */
    public volatile java.util.concurrent.CountDownLatch hold;

    public PriceMovePortfolio() { this(Integer.MAX_VALUE); }

    /** @param failFromCall the first call (1-based) that throws, as a killed process would stop */
    public PriceMovePortfolio(int failFromCall) { this.failFromCall = failFromCall; }

    @Override
    public PortfolioOutcome run(dev.botfleet.server.backtest.config.FreqtradeConfig config,
                                dev.botfleet.server.backtest.config.LoadedPairs pairs,
                                dev.botfleet.server.backtest.StrategySource strategy, Map<String, Object> params,
                                dev.botfleet.engine.backtest.BacktestProgress progress) {
        java.util.concurrent.CountDownLatch gate = hold;
        if (gate != null) {
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted (test)");
            }
        }
        if (calls.incrementAndGet() >= failFromCall) throw new IllegalStateException("interrupted (test)");
        double stoploss = config.stoploss() == null ? -0.99 : config.stoploss();
        double roi = config.minimalRoi() == null ? 10 : config.minimalRoi().firstEntry().getValue();
        seen.add(stoploss + "/" + roi + "/" + params.get("rsiPeriod"));
        protectionsEnabled.add(config.enableProtections());
        List<Map<String, Object>> trades = new ArrayList<>();
        double penalty = params.get("rsiPeriod") instanceof Number n ? n.doubleValue() * 0.0001 : 0;
        for (var p : pairs.pairs()) {
            CandleSeries c = p.candles();
            int first = pairs.startupCandles();
            double move = c.close(c.size() - 1) / c.open(first) - 1;
            double ratio = Math.max(stoploss, Math.min(roi, move)) - penalty;
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("pair", p.pair());
            t.put("open_timestamp", c.openTime(first));
            t.put("close_timestamp", c.openTime(c.size() - 1));
            t.put("profit_ratio", ratio);
            t.put("profit_abs", ratio * 0.1);
            trades.add(t);
        }
        return new PortfolioOutcome(Map.of("trades", trades), null);
    }
}
