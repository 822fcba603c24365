package dev.botfleet.engine.kernel;

import dev.botfleet.engine.market.Candle;
import dev.botfleet.engine.market.Instrument;
import dev.botfleet.engine.market.Timeframe;
import dev.botfleet.engine.order.OrderRequest;
import dev.botfleet.engine.order.OrderSide;
import dev.botfleet.engine.sim.SimExchange;
import dev.botfleet.engine.sim.SimFillModel;
import dev.botfleet.engine.sim.SimMarkets;
import dev.botfleet.engine.strategy.Strategy;
import dev.botfleet.engine.strategy.StrategyContext;
import dev.botfleet.engine.strategy.Warmup;
import dev.botfleet.engine.strategy.WarmupProgress;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A bot is handed its history at start: before onStart, never a candle from the future, and never to trade on. */
class WarmupTest {
    static final Instrument BTC = SimMarkets.find("BTC/USDT").orElseThrow().instrument();
    static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    /** Needs three 5m candles; records what it was handed and when. */
    static final class Needs3x5m implements Strategy {
        final List<String> seen = new ArrayList<>();
        boolean tradeOnHistory;

        @Override public Warmup warmup() { return new Warmup(Timeframe.M5, 3); }

        @Override public void onHistory(StrategyContext ctx, Candle candle) {
            seen.add("history " + Instant.ofEpochMilli(candle.openTime()));
            if (tradeOnHistory) ctx.submit(OrderRequest.market(OrderSide.BUY, new BigDecimal("0.001")));
        }

        @Override public void onStart(StrategyContext ctx) { seen.add("start"); }

        @Override public void onCandle(StrategyContext ctx, Candle candle) {
            seen.add("live " + Instant.ofEpochMilli(candle.openTime()));
        }
    }

    final Recorder rec = new Recorder();
    final List<WarmupProgress> progress = new ArrayList<>();
    final Needs3x5m strategy = new Needs3x5m();

    BotKernel kernel() {
        SimExchange sim = new SimExchange(BTC, SimFillModel.DEFAULT, Map.of("USDT", new BigDecimal("1000")));
        KernelListener listener = new KernelListener() {
            @Override public void onActivity(ActivityEntry entry) { rec.onActivity(entry); }
            @Override public void onStopped(String reason, boolean error) { rec.onStopped(reason, error); }
            @Override public void onWarmup(WarmupProgress p) { progress.add(p); }
        };
        return BotKernel.builder("w", BTC, strategy).exchange(sim::connect).matchOn(MatchingData.TICKS)
                .listener(listener).build();
    }

    /** 1m candles opening {@code minutes} minutes before T0 up to the last one before T0, plus one not yet closed. */
    static List<Candle> history(int minutes) {
        List<Candle> candles = new ArrayList<>();
        for (int m = minutes; m >= 0; m--) {
            long open = T0.minusSeconds(60L * m).toEpochMilli();
            candles.add(new Candle("sim", BTC.symbol(), Timeframe.M1, open, 100, 101, 99, 100, 1));
        }
        return candles;  // the last opens at T0: it closes a minute after the start
    }

    @Test
    void historyComesBeforeStartOnlyUpToTheStartAndCountsTowardsTheWarmup() {
        BotKernel k = kernel();
        k.start(T0, history(15));

        assertThat(strategy.seen).hasSize(16).last().isEqualTo("start");
        assertThat(strategy.seen).doesNotContain("history " + T0);  // still forming at the start: never handed over
        assertThat(k.warmupProgress()).isEqualTo(new WarmupProgress(3, 3));
        assertThat(progress).extracting(WarmupProgress::received).containsExactly(1, 2, 3);
        assertThat(rec.messages()).contains("Warmed up on 3 past candles");
    }

    @Test
    void aShortHistoryLeavesTheRestToLiveCandlesAndSaysSo() {
        BotKernel k = kernel();
        k.start(T0, history(4));                     // 4 complete 1m candles: not even one 5m candle
        assertThat(k.warmupProgress()).isEqualTo(new WarmupProgress(3, 0));
        assertThat(rec.messages()).anyMatch(m -> m.startsWith("Warming up: 0 of 3 candles"));

        for (int m = 0; m < 5; m++) {
            k.onCandle(new Candle("sim", BTC.symbol(), Timeframe.M1, T0.plusSeconds(60L * m).toEpochMilli(),
                    100, 101, 99, 100, 1));
        }
        assertThat(k.warmupProgress()).isEqualTo(new WarmupProgress(3, 1));
        assertThat(k.warmupProgress().ready()).isFalse();
    }

    @Test
    void anOrderPlacedFromHistoryFailsTheBotWithTheReason() {
        strategy.tradeOnHistory = true;
        BotKernel k = kernel();
        k.start(T0, history(3));
        assertThat(k.isRunning()).isFalse();
        assertThat(rec.stops).singleElement().asString().startsWith("error: ").contains("while reading history");
        assertThat(strategy.seen).doesNotContain("start");
    }

    @Test
    void aStrategyWithoutWarmupIsReadyWithNoHistory() {
        SimExchange sim = new SimExchange(BTC, SimFillModel.DEFAULT, Map.of("USDT", new BigDecimal("1000")));
        BotKernel k = BotKernel.builder("w", BTC, new Strategy() { }).exchange(sim::connect)
                .matchOn(MatchingData.TICKS).listener(rec).build();
        k.start(T0);
        assertThat(k.warmupProgress().ready()).isTrue();
        assertThat(rec.messages()).noneMatch(m -> m.contains("arm"));
    }
}
