package dev.botfleet.bench;

import dev.botfleet.engine.kernel.BotKernel;
import dev.botfleet.engine.kernel.MatchingData;
import dev.botfleet.engine.market.Instrument;
import dev.botfleet.engine.market.Tick;
import dev.botfleet.engine.runtime.BotCommand;
import dev.botfleet.engine.runtime.BotRunner;
import dev.botfleet.engine.runtime.MarketDataHub;
import dev.botfleet.engine.runtime.TickObserver;
import dev.botfleet.engine.sim.SimExchange;
import dev.botfleet.engine.sim.SimFillModel;
import dev.botfleet.engine.sim.SimMarkets;
import dev.botfleet.engine.strategy.definition.StrategyConfig;
import dev.botfleet.strategies.StrategyCatalog;
import dev.botfleet.strategies.scalper.ScalperDefinition;
import org.openjdk.jmh.annotations.*;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * A fleet that holds: N scalper bots on one symbol, each with its buy resting far below a market that moves only a
 * little, so every tick is quiet for every bot (its {@code QuietBand} holds it) and the shards skip it. What a tick
 * then costs is the hub's and the shards' walk over the fleet, the part of the server's 10,000-bot holding run that
 * decides its tick-to-decision tail (docs/fleet-scale.md).
 *
 * <p>{@code tickToAllBots}: one tick in flight; an operation is one tick decided by every bot, counted as the server
 * counts it ({@link TickObserver}: a bot that skipped the tick decided when its shard's turn ended). Tick-to-decision
 * p50/p99/p99.9 and the pool threads' CPU per bot-tick are printed at the end of each iteration. With
 * {@code coldCaches} each tick starts from memory, not from the caches (see the field).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 4)
public class HoldingFleetBenchmark {
    static final Instrument BTC = SimMarkets.find("BTC/USDT").orElseThrow().instrument();
    static final Instant T0 = TriangleMarket.T0;

    @Param({"1000", "10000"})
    public int bots;

    /** Whether the shards skip quiet ticks ({@code false}: every bot is handed every tick, as before quiet ticks). */
    @Param({"true"})
    public boolean skipQuiet;

    /**
     * {@code true}: between two ticks the publisher writes over 64 MB, so each tick finds the fleet's memory out of the
     * caches, as the server's ticks do (every 250 ms per market, with the rest of the server's work between). The
     * operation's rate then counts that writing too: read the latencies.
     */
    @Param({"false", "true"})
    public boolean coldCaches;

    /** Written over between ticks when {@link #coldCaches}: more than the machine's last-level cache. */
    private long[] evictor;

    MarketDataHub hub;
    ForkJoinPool pool;
    final LongAdder decided = new LongAdder();
    final LatencyRecorder latencies = new LatencyRecorder();
    /** The market: 63,990 to 64,010 and back in 0.50 steps: far above every bot's buy, far below any sell. */
    final TriangleMarket market = new TriangleMarket(63990, 40);
    FleetPool threads;
    long decidedAtStart;
    long workerCpuAtStart;

    /** Records publish → decision, for one bot or for the bots of a shard that skipped the tick together. */
    final class Decisions implements TickObserver {
        @Override
        public void handled(Tick tick) {
            handled(tick, 1);
        }

        @Override
        public void handled(Tick tick, int count) {
            latencies.record(market.sincePublished(tick), count);
            decided.add(count);
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        threads = new FleetPool();
        pool = threads.pool;
        hub = new MarketDataHub(pool, MarketDataHub.SHARD_SIZE, skipQuiet);
        if (coldCaches) evictor = new long[64 << 20 >> 3];
        StrategyCatalog catalog = new StrategyCatalog();
        StrategyConfig config = ScalperDefinition.definition().validate(Map.of("firstOrder", "BUY",
                "quantity", "0.001", "buyPrice", "60000", "sellPrice", "70000", "infiniteLoop", true)).config();
        Decisions decisions = new Decisions();
        for (int i = 0; i < bots; i++) {
            SimExchange sim = new SimExchange(BTC, SimFillModel.DEFAULT, Map.of("USDT", new BigDecimal("100000")));
            BotKernel kernel = BotKernel.builder("b" + i, BTC, catalog.create("scalper", config, BTC))
                    .exchange(sim::connect).matchOn(MatchingData.TICKS).build();
            BotRunner runner = new BotRunner(kernel, pool, (e, ex) -> {
                throw new IllegalStateException("a bot failed", ex);
            }, decisions);
            runner.send(new BotCommand.StartBot(T0));
            hub.subscribe("sim", "BTC/USDT", runner);
        }
        pool.awaitQuiescence(1, TimeUnit.MINUTES);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        pool.shutdownNow();
    }

    @Setup(Level.Iteration)
    public void resetLatency() {
        latencies.reset();
        decidedAtStart = decided.sum();
        workerCpuAtStart = threads.cpuNanos();
    }

    @TearDown(Level.Iteration)
    public void reportLatency() {
        awaitDecided(market.published() * (long) bots);
        long[] p = latencies.percentiles(50, 99, 99.9);
        long botTicks = decided.sum() - decidedAtStart;
        double cpuPerBotTick = (double) (threads.cpuNanos() - workerCpuAtStart) / Math.max(1, botTicks);
        System.out.printf("%n  [bots=%d skipQuiet=%s coldCaches=%s] tick-to-decision p50=%.1f us p99=%.1f us p99.9=%.1f us (%d samples);"
                        + " pool threads' CPU %.0f ns per bot-tick%n",
                bots, skipQuiet, coldCaches, p[0] / 1e3, p[1] / 1e3, p[2] / 1e3, latencies.count(), cpuPerBotTick);
    }



    @Benchmark
    public long tickToAllBots() {
        if (evictor != null) {
            for (int i = 0; i < evictor.length; i += 8) evictor[i]++;  // a line each
        }
        long target = decided.sum() + bots;
        hub.publish(market.next());
        awaitDecided(target);
        return target;
    }

    private void awaitDecided(long target) {
        FleetPool.awaitAtLeast(decided, target);
    }
}
