package dev.botfleet.engine.runtime;

import dev.botfleet.engine.kernel.BotKernel;
import dev.botfleet.engine.kernel.MatchingData;
import dev.botfleet.engine.market.QuietBand;
import dev.botfleet.engine.market.Tick;
import dev.botfleet.engine.sim.SimExchange;
import dev.botfleet.engine.sim.SimFillModel;
import dev.botfleet.engine.strategy.Strategy;
import dev.botfleet.engine.strategy.StrategyContext;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static dev.botfleet.engine.runtime.ShardedFanOutTest.BTC;
import static dev.botfleet.engine.runtime.ShardedFanOutTest.T0;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Skipping quiet ticks on real threads, with other events arriving at the bots meanwhile: each bot still takes its
 * ticks in order, takes every tick outside its band, is decided on every tick exactly once, and after its last event
 * knows the last tick's price.
 */
class QuietTicksTest {
    /** Quiet between 100 and 200 (exclusive); records the sequence numbers (the ticks' sizes) it was handed. */
    static final class Banded implements Strategy {
        final List<Long> seen = new ArrayList<>();
        final AtomicReference<String> violation;

        Banded(AtomicReference<String> violation) {
            this.violation = violation;
        }

        @Override public void onTick(StrategyContext ctx, Tick tick) {
            long seq = (long) tick.size();
            if (!seen.isEmpty() && seq <= seen.getLast()) {
                violation.compareAndSet(null, ctx.botId() + " got tick " + seq + " after " + seen.getLast());
            }
            seen.add(seq);
        }

        @Override public void quietBand(StrategyContext ctx, QuietBand band) {
            band.above(100);
            band.below(200);
        }
    }

    /** Counts the ticks decided on a bot's turn and those decided quiet by a shard. */
    static final class Decisions implements TickObserver {
        final AtomicLong onTurns = new AtomicLong();
        final AtomicLong quiet = new AtomicLong();

        @Override public void handled(Tick tick) { onTurns.incrementAndGet(); }

        @Override public void handled(Tick tick, int n) { quiet.addAndGet(n); }
    }

    @Test
    void botsTakeTheTicksThatMatterInOrderWhileCommandsRaceTheShards() throws Exception {
        int bots = 96;
        int ticks = 20_000;
        ExecutorService pool = Executors.newFixedThreadPool(3);
        AtomicReference<String> violation = new AtomicReference<>();
        Decisions observer = new Decisions();
        AtomicLong onTurns = observer.onTurns;
        AtomicLong quiet = observer.quiet;
        try {
            MarketDataHub hub = new MarketDataHub(pool, 8, true);
            List<Banded> strategies = new ArrayList<>();
            List<BotRunner> runners = new ArrayList<>();
            List<BotKernel> kernels = new ArrayList<>();
            for (int b = 0; b < bots; b++) {
                Banded s = new Banded(violation);
                SimExchange sim = new SimExchange(BTC, SimFillModel.DEFAULT, Map.of("USDT", new BigDecimal("1000")));
                BotKernel k = BotKernel.builder("bot-" + b, BTC, s).exchange(sim::connect)
                        .matchOn(MatchingData.TICKS).build();
                BotRunner r = new BotRunner(k, pool, (event, e) -> violation.compareAndSet(null, e.toString()),
                        observer);
                hub.subscribe("sim", BTC.symbol(), r);
                strategies.add(s);
                runners.add(r);
                kernels.add(k);
            }
            awaitAll(runners, r -> new BotCommand.StartBot(T0, List.of()));

            Thread commands = Thread.ofPlatform().start(() -> {
                SplittableRandom random = new SplittableRandom(3);
                for (int i = 0; i < 30_000; i++) {
                    runners.get(random.nextInt(bots)).send(new BotCommand.Inspect(k -> k.position()));
                }
            });
            double[] prices = new double[ticks + 1];
            for (int i = 1; i <= ticks; i++) {
                prices[i] = i % 7 == 0 ? 250 + i % 3 : 150 + i % 5;  // one in seven outside the band
                hub.publish(new Tick("sim", BTC.symbol(), T0.toEpochMilli() + i, prices[i], i));
            }
            commands.join();
            // a last event for each bot once every tick was decided: it takes the last quiet tick, if any
            awaitDecided(onTurns, quiet, (long) bots * ticks);
            awaitAll(runners, r -> new BotCommand.Inspect(k -> { }));

            assertThat(violation.get()).isNull();
            assertThat(onTurns.get() + quiet.get()).as("every tick decided once per bot").isEqualTo((long) bots * ticks);
            // how many depends on how the ticks fell into batches (published as fast as possible here); some always do
            assertThat(quiet.get()).as("ticks decided without reaching the bots").isPositive();
            for (int b = 0; b < bots; b++) {
                List<Long> seen = strategies.get(b).seen;
                java.util.Set<Long> took = new java.util.HashSet<>(seen);  // a list's contains: minutes for 96 bots
                List<Long> missed = new ArrayList<>();
                for (int i = 7; i <= ticks; i += 7) {
                    if (!took.contains((long) i)) missed.add((long) i);
                }
                assertThat(missed).as("bot %d: ticks outside its band it did not take", b).isEmpty();
                assertThat(seen.getLast()).isEqualTo(ticks);
                assertThat(kernels.get(b).clock().toEpochMilli()).isEqualTo(T0.toEpochMilli() + ticks);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aBotThatLeftItsShardIsHandedEveryTickAfterItJoinsAgain() {
        java.util.concurrent.Executor direct = Runnable::run;
        AtomicReference<String> violation = new AtomicReference<>();
        Decisions observer = new Decisions();
        AtomicLong onTurns = observer.onTurns;
        AtomicLong quiet = observer.quiet;
        MarketDataHub hub = new MarketDataHub(direct, 8, true);
        Banded strategy = new Banded(violation);
        SimExchange sim = new SimExchange(BTC, SimFillModel.DEFAULT, Map.of("USDT", new BigDecimal("1000")));
        BotKernel k = BotKernel.builder("bot", BTC, strategy).exchange(sim::connect).matchOn(MatchingData.TICKS).build();
        BotRunner r = new BotRunner(k, direct, (event, e) -> violation.compareAndSet(null, e.toString()), observer);
        MarketDataHub.Subscription first = hub.subscribe("sim", BTC.symbol(), r);
        r.send(new BotCommand.StartBot(T0, List.of()));
        for (int i = 1; i <= 10; i++) hub.publish(new Tick("sim", BTC.symbol(), T0.toEpochMilli() + i, 150, i));
        assertThat(quiet.get()).as("the first tick sets the price; the rest are quiet").isEqualTo(9);

        first.close();
        hub.subscribe("sim", BTC.symbol(), r);
        for (int i = 11; i <= 20; i++) hub.publish(new Tick("sim", BTC.symbol(), T0.toEpochMilli() + i, 150, i));
        assertThat(quiet.get()).isEqualTo(9);
        assertThat(onTurns.get()).isEqualTo(11);
        assertThat(strategy.seen.getLast()).isEqualTo(20L);
        assertThat(violation.get()).isNull();
    }

    private static void awaitAll(List<BotRunner> runners, java.util.function.Function<BotRunner, BotCommand> command)
            throws InterruptedException {
        CountDownLatch done = new CountDownLatch(runners.size());
        for (BotRunner r : runners) {
            r.send(command.apply(r));
            r.send(new BotCommand.OnTurn(done::countDown));
        }
        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
    }

    private static void awaitDecided(AtomicLong onTurns, AtomicLong quiet, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (onTurns.get() + quiet.get() < expected && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            Thread.yield();
        }
    }
}
