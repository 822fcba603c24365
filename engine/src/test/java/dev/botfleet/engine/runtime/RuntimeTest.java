package dev.botfleet.engine.runtime;

import dev.botfleet.engine.kernel.BotKernel;
import dev.botfleet.engine.kernel.MatchingData;
import dev.botfleet.engine.market.Instrument;
import dev.botfleet.engine.market.MarketDataListener;
import dev.botfleet.engine.market.Tick;
import dev.botfleet.engine.order.OrderRequest;
import dev.botfleet.engine.order.OrderSide;
import dev.botfleet.engine.sim.SimExchange;
import dev.botfleet.engine.sim.SimFillModel;
import dev.botfleet.engine.sim.SimMarkets;
import dev.botfleet.engine.strategy.Strategy;
import dev.botfleet.engine.strategy.StrategyContext;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class RuntimeTest {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    record Event(int poster, int seq) {
    }

    @Test
    void eachBotHandlesItsEventsInOrderAndNeverConcurrently() throws Exception {
        int bots = 50, posters = 4, perPoster = 500;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        ExecutorService posting = Executors.newFixedThreadPool(posters);
        CountDownLatch done = new CountDownLatch(bots * posters * perPoster);
        AtomicReference<String> violation = new AtomicReference<>();
        List<BotMailbox<Event>> boxes = new ArrayList<>();
        for (int b = 0; b < bots; b++) {
            AtomicInteger inside = new AtomicInteger();
            int[] lastSeq = new int[posters];
            java.util.Arrays.fill(lastSeq, -1);
            int bot = b;
            boxes.add(new BotMailbox<>(pool, e -> {
                if (inside.incrementAndGet() != 1) violation.set("bot " + bot + " ran concurrently");
                if (e.seq() != lastSeq[e.poster()] + 1) violation.set("bot " + bot + " out of order: " + e);
                lastSeq[e.poster()] = e.seq();
                inside.decrementAndGet();
                done.countDown();
            }, (e, ex) -> violation.set(ex.toString())));
        }
        for (int p = 0; p < posters; p++) {
            int poster = p;
            posting.execute(() -> {
                for (int s = 0; s < perPoster; s++) for (BotMailbox<Event> box : boxes) box.post(new Event(poster, s));
            });
        }
        assertThat(done.await(30, TimeUnit.SECONDS)).as("all events handled").isTrue();
        assertThat(violation.get()).isNull();
        pool.shutdown();
        posting.shutdown();
    }

    @Test
    void aThrowingHandlerDoesNotStopTheMailbox() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        List<Integer> handled = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<Integer> failed = new java.util.concurrent.CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(3);
        BotMailbox<Integer> box = new BotMailbox<>(pool, i -> {
            done.countDown();
            if (i == 2) throw new IllegalStateException("bad");
            handled.add(i);
        }, (i, e) -> failed.add(i));
        box.post(1);
        box.post(2);
        box.post(3);
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        assertThat(handled).containsExactly(1, 3);
        assertThat(failed).containsExactly(2);
    }

    @Test
    void hubKeepsTheLastPriceAndFansOut() {
        MarketDataHub hub = new MarketDataHub();
        List<String> a = new ArrayList<>();
        List<String> b = new ArrayList<>();
        MarketDataListener la = t -> a.add(t.symbol() + " " + t.price());
        MarketDataHub.Subscription sa = hub.subscribe("sim", "BTC/USDT", la);
        hub.subscribe("sim", "ETH/USDT", t -> b.add(t.symbol() + " " + t.price()));
        assertThat(hub.last("sim", "BTC/USDT")).isEmpty();
        hub.publish(new Tick("sim", "BTC/USDT", 1, 64000.5, 1));
        hub.publish(new Tick("sim", "ETH/USDT", 2, 3200, 1));
        sa.close();
        hub.publish(new Tick("sim", "BTC/USDT", 3, 64001, 1));
        assertThat(a).containsExactly("BTC/USDT 64000.5");
        assertThat(b).containsExactly("ETH/USDT 3200.0");
        assertThat(hub.last("sim", "BTC/USDT")).hasValueSatisfying(t -> assertThat(t.price()).isEqualTo(64001));
    }

    @Test
    void ticksFromTheHubReachTheKernelThroughTheMailbox() throws Exception {
        Instrument btc = SimMarkets.find("BTC/USDT").orElseThrow().instrument();
        Strategy buyer = new Strategy() {
            @Override public void onTick(StrategyContext ctx, Tick tick) {
                if (ctx.openOrders().isEmpty() && ctx.positionQuantity().signum() == 0) {
                    ctx.submit(OrderRequest.limit(OrderSide.BUY, new BigDecimal("0.01"), new BigDecimal("63000.00")));
                }
            }
        };
        SimExchange sim = new SimExchange(btc, SimFillModel.DEFAULT, Map.of("USDT", new BigDecimal("1000")));
        BotKernel kernel = BotKernel.builder("r1", btc, buyer).exchange(sim::connect).matchOn(MatchingData.TICKS).build();
        ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
        BotRunner runner = new BotRunner(kernel, pool, (e, ex) -> { });
        MarketDataHub hub = new MarketDataHub();
        hub.subscribe("sim", "BTC/USDT", runner);
        runner.send(new BotCommand.StartBot(T0));
        hub.publish(new Tick("sim", "BTC/USDT", T0.plusSeconds(1).toEpochMilli(), 64000, 1));
        hub.publish(new Tick("sim", "BTC/USDT", T0.plusSeconds(2).toEpochMilli(), 62000, 1));
        CountDownLatch inspected = new CountDownLatch(1);
        AtomicReference<BigDecimal> position = new AtomicReference<>();
        runner.send(new BotCommand.Inspect(k -> {
            position.set(k.position().quantity());
            inspected.countDown();
        }));
        assertThat(inspected.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(position.get()).isEqualByComparingTo("0.01");
        pool.shutdown();
    }
}
