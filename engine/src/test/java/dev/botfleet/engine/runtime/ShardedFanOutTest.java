package dev.botfleet.engine.runtime;

import dev.botfleet.engine.kernel.BotKernel;
import dev.botfleet.engine.kernel.MatchingData;
import dev.botfleet.engine.market.Candle;
import dev.botfleet.engine.market.Instrument;
import dev.botfleet.engine.market.Tick;
import dev.botfleet.engine.market.Timeframe;
import dev.botfleet.engine.sim.SimExchange;
import dev.botfleet.engine.sim.SimFillModel;
import dev.botfleet.engine.sim.SimMarkets;
import dev.botfleet.engine.strategy.Strategy;
import dev.botfleet.engine.strategy.StrategyContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** Sharded fan-out: every bot gets every tick, in order, one at a time; a stuck bot holds up only its shard. */
class ShardedFanOutTest {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final Instrument BTC = SimMarkets.find("BTC/USDT").orElseThrow().instrument();

    private final List<ExecutorService> pools = new ArrayList<>();

    @AfterEach
    void shutDown() {
        pools.forEach(ExecutorService::shutdownNow);
    }

    private ExecutorService pool(int threads) {
        ExecutorService p = Executors.newFixedThreadPool(threads);
        pools.add(p);
        return p;
    }

    /** Records what its kernel handed it, and checks it is never called concurrently. */
    static final class Probe implements Strategy {
        final List<Long> ticks = new ArrayList<>();
        final List<String> seen = new ArrayList<>();
        final AtomicInteger inside = new AtomicInteger();
        final AtomicReference<String> violation;
        final CountDownLatch done;
        final CountDownLatch gate;

        Probe(AtomicReference<String> violation, CountDownLatch done, CountDownLatch gate) {
            this.violation = violation;
            this.done = done;
            this.gate = gate;
        }

        @Override public void onTick(StrategyContext ctx, Tick tick) {
            if (inside.incrementAndGet() != 1) violation.set(ctx.botId() + " ran concurrently");
            try {
                if (gate != null && !gate.await(30, TimeUnit.SECONDS)) violation.set("gate never opened");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            long seq = (long) tick.size();
            if (!ticks.isEmpty() && seq != ticks.getLast() + 1) {
                violation.set(ctx.botId() + " got tick " + seq + " after " + ticks.getLast());
            }
            ticks.add(seq);
            seen.add("tick " + seq);
            inside.decrementAndGet();
            done.countDown();
        }

        @Override public void onCandle(StrategyContext ctx, Candle candle) {
            seen.add("candle " + (long) candle.volume());
            done.countDown();
        }
    }

    private static BotRunner runner(String id, Strategy strategy, ExecutorService pool,
                                    AtomicReference<String> violation) {
        SimExchange sim = new SimExchange(BTC, SimFillModel.DEFAULT, Map.of("USDT", new BigDecimal("1000")));
        BotKernel kernel = BotKernel.builder(id, BTC, strategy).exchange(sim::connect).matchOn(MatchingData.TICKS).build();
        BotRunner r = new BotRunner(kernel, pool, (e, ex) -> violation.set(id + " failed: " + ex));
        r.send(new BotCommand.StartBot(T0));
        return r;
    }

    private static Tick tick(long seq) {
        return new Tick("sim", "BTC/USDT", T0.toEpochMilli() + seq, 64000 + (seq % 7), seq);
    }

    @Test
    void everyBotGetsEveryTickInOrderFromConcurrentPublishesAcrossShards() throws Exception {
        int bots = 3 * MarketDataHub.SHARD_SIZE + 5, ticks = 2_000;
        ExecutorService pool = pool(2);
        MarketDataHub hub = new MarketDataHub(pool);
        AtomicReference<String> violation = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(bots * ticks);
        List<Probe> probes = new ArrayList<>();
        for (int i = 0; i < bots; i++) {
            Probe p = new Probe(violation, done, null);
            probes.add(p);
            hub.subscribe("sim", "BTC/USDT", runner("b" + i, p, pool, violation));
        }
        assertThat(hub.subscribers("sim", "BTC/USDT")).isEqualTo(bots);
        // a single publisher: ticks have one order, and every bot must see exactly that order
        for (long s = 1; s <= ticks; s++) hub.publish(tick(s));
        assertThat(done.await(60, TimeUnit.SECONDS)).as("every bot handled every tick").isTrue();
        assertThat(violation.get()).isNull();
        List<Long> expected = new ArrayList<>();
        for (long s = 1; s <= ticks; s++) expected.add(s);
        for (Probe p : probes) assertThat(p.ticks).isEqualTo(expected);
    }

    @Test
    void ticksAndCandlesOfAMarketStayInPublishOrder() throws Exception {
        ExecutorService pool = pool(2);
        MarketDataHub hub = new MarketDataHub(pool);
        AtomicReference<String> violation = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(4);
        Probe p = new Probe(violation, done, null);
        hub.subscribe("sim", "BTC/USDT", runner("b", p, pool, violation));
        hub.publish(tick(1));
        hub.publish(new Candle("sim", "BTC/USDT", Timeframe.M1, T0.toEpochMilli(), 1, 1, 1, 1, 7));
        hub.publish(tick(2));
        hub.publish(new Candle("sim", "BTC/USDT", Timeframe.M1, T0.toEpochMilli() + 60_000, 1, 1, 1, 1, 8));
        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(violation.get()).isNull();
        assertThat(p.seen).containsExactly("tick 1", "candle 7", "tick 2", "candle 8");
    }

    @Test
    void aStuckBotHoldsUpNeitherTheHubNorBotsInOtherShards() throws Exception {
        ExecutorService pool = pool(2);
        stuckBotHoldsUpOnlyItsShard(pool, new MarketDataHub(pool), MarketDataHub.SHARD_SIZE);
    }

    @Test
    void withShardsOfThreeAStuckBotHoldsUpOnlyItsTwoShardMates() throws Exception {
        ExecutorService pool = pool(2);
        stuckBotHoldsUpOnlyItsShard(pool, new MarketDataHub(pool, 3), 3);
    }

    @Test
    void aShardSizeBelowOneIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new MarketDataHub(pool(1), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shardSize");
    }

    private void stuckBotHoldsUpOnlyItsShard(ExecutorService pool, MarketDataHub hub, int shardSize) throws Exception {
        AtomicReference<String> violation = new AtomicReference<>();
        CountDownLatch gate = new CountDownLatch(1);
        CountDownLatch stuckDone = new CountDownLatch(3);
        Probe stuck = new Probe(violation, stuckDone, gate);
        hub.subscribe("sim", "BTC/USDT", runner("stuck", stuck, pool, violation));
        // fill the stuck bot's shard, so the next bots land in a second shard
        CountDownLatch mates = new CountDownLatch(3 * (shardSize - 1));
        for (int i = 1; i < shardSize; i++) {
            hub.subscribe("sim", "BTC/USDT", runner("mate" + i, new Probe(violation, mates, null), pool, violation));
        }
        int others = 10;
        CountDownLatch othersDone = new CountDownLatch(3 * others);
        List<Probe> otherProbes = new ArrayList<>();
        for (int i = 0; i < others; i++) {
            Probe p = new Probe(violation, othersDone, null);
            otherProbes.add(p);
            hub.subscribe("sim", "BTC/USDT", runner("other" + i, p, pool, violation));
        }
        for (long s = 1; s <= 3; s++) hub.publish(tick(s));  // returns although a bot is stuck: never waits for one
        assertThat(othersDone.await(30, TimeUnit.SECONDS)).as("the other shard ran while a bot was stuck").isTrue();
        assertThat(stuck.ticks).isEmpty();
        gate.countDown();
        assertThat(stuckDone.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(mates.await(30, TimeUnit.SECONDS)).as("its shard-mates catch up").isTrue();
        assertThat(violation.get()).isNull();
        assertThat(stuck.ticks).containsExactly(1L, 2L, 3L);
        for (Probe p : otherProbes) assertThat(p.ticks).containsExactly(1L, 2L, 3L);
    }

    @Test
    void aBusyBotGetsTicksQueuedBehindItsWorkInsteadOfRunningTwice() throws Exception {
        ExecutorService pool = pool(2);
        MarketDataHub hub = new MarketDataHub(pool);
        AtomicReference<String> violation = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1 + 50);
        Probe p = new Probe(violation, done, null);
        BotRunner r = runner("b", p, pool, violation);
        hub.subscribe("sim", "BTC/USDT", r);
        // hold the bot's turn with a command while ticks arrive through the shard
        CountDownLatch inTurn = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        r.send(new BotCommand.Inspect(k -> {
            inTurn.countDown();
            try {
                if (!release.await(30, TimeUnit.SECONDS)) violation.set("never released");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            done.countDown();
        }));
        assertThat(inTurn.await(30, TimeUnit.SECONDS)).isTrue();
        for (long s = 1; s <= 50; s++) hub.publish(tick(s));
        // the shard cannot take the held turn, so the ticks wait in the bot's mailbox
        awaitBacklog(r, 50);
        assertThat(p.ticks).isEmpty();
        release.countDown();
        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(violation.get()).isNull();
        assertThat(p.ticks).hasSize(50).isSorted();
    }

    @Test
    void anUnsubscribedBotGetsNoMoreTicks() throws Exception {
        ExecutorService pool = pool(1);
        MarketDataHub hub = new MarketDataHub(pool);
        AtomicReference<String> violation = new AtomicReference<>();
        CountDownLatch first = new CountDownLatch(1);
        Probe gone = new Probe(violation, first, null);
        MarketDataHub.Subscription sub = hub.subscribe("sim", "BTC/USDT", runner("gone", gone, pool, violation));
        CountDownLatch stays = new CountDownLatch(2);
        Probe stay = new Probe(violation, stays, null);
        hub.subscribe("sim", "BTC/USDT", runner("stays", stay, pool, violation));
        hub.publish(tick(1));
        assertThat(first.await(30, TimeUnit.SECONDS)).isTrue();
        sub.close();
        assertThat(hub.subscribers("sim", "BTC/USDT")).isEqualTo(1);
        hub.publish(tick(2));
        assertThat(stays.await(30, TimeUnit.SECONDS)).isTrue();
        // one single-threaded pool, FIFO: once "stays" had tick 2, the shard's turn for tick 2 is over
        assertThat(gone.ticks).containsExactly(1L);
        assertThat(violation.get()).isNull();
    }

    private static void awaitBacklog(BotRunner r, int atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (r.backlog() < atLeast) {
            if (System.nanoTime() > deadline) throw new AssertionError("backlog stayed at " + r.backlog());
            Thread.onSpinWait();
        }
    }

    @Test
    void deliverHandlesInlineWhenIdleAndQueuesWhenBusy() throws Exception {
        List<String> log = new CopyOnWriteArrayList<>();
        List<Runnable> tasks = new ArrayList<>();
        // a manual executor: nothing runs unless the test runs it, so the interleaving is fixed
        BotMailbox<String> box = new BotMailbox<>(tasks::add, e -> log.add(Thread.currentThread().getName() + ":" + e),
                (e, ex) -> log.add("error " + e));
        String me = Thread.currentThread().getName();
        box.deliver(new String[]{"a", "b"}, 2);
        assertThat(log).containsExactly(me + ":a", me + ":b");
        assertThat(tasks).isEmpty();
        box.post("c");                      // schedules a drain: the bot is busy until it runs
        assertThat(tasks).hasSize(1);
        box.deliver(new String[]{"d", "e"}, 2);
        assertThat(log).hasSize(2);         // queued behind "c", not run inline
        assertThat(tasks).hasSize(1);
        tasks.removeFirst().run();
        assertThat(log).containsExactly(me + ":a", me + ":b", me + ":c", me + ":d", me + ":e");
        assertThat(tasks).isEmpty();
    }

    @Test
    void aFailingEventHandledInlineIsReportedAndTheBotCarriesOn() {
        List<String> log = new ArrayList<>();
        List<Runnable> tasks = new ArrayList<>();
        BotMailbox<String> box = new BotMailbox<>(tasks::add, e -> {
            if (e.equals("b")) throw new IllegalStateException("bad " + e);
            log.add(e);
        }, (e, ex) -> log.add("error " + ex.getMessage()));
        box.deliver(new String[]{"a", "b", "c"}, 3);
        assertThat(log).containsExactly("a", "error bad b", "c");
        box.deliver(new String[]{"d"}, 1);   // the turn was released: still handled inline
        assertThat(log).endsWith("d");
        assertThat(tasks).isEmpty();
    }

    @Test
    void anOnErrorThatThrowsDoesNotWedgeTheBot() {
        List<String> log = new ArrayList<>();
        List<Runnable> tasks = new ArrayList<>();
        BotMailbox<String> box = new BotMailbox<>(tasks::add, e -> {
            if (e.equals("x")) throw new IllegalStateException("bad");
            log.add(e);
        }, (e, ex) -> {
            throw new IllegalArgumentException("the error callback failed too");
        });
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> box.deliver(new String[]{"x"}, 1))
                .isInstanceOf(IllegalArgumentException.class);
        box.deliver(new String[]{"y"}, 1);
        assertThat(log).containsExactly("y");
        assertThat(tasks).isEmpty();
    }
}
