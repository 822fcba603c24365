package dev.botfleet.bench;

import dev.botfleet.engine.kernel.BotKernel;
import dev.botfleet.engine.kernel.MatchingData;
import dev.botfleet.engine.market.Instrument;
import dev.botfleet.engine.market.Tick;
import dev.botfleet.engine.order.Fill;
import dev.botfleet.engine.order.OrderEvent;
import dev.botfleet.engine.order.OrderSnapshot;
import dev.botfleet.engine.runtime.BotCommand;
import dev.botfleet.engine.runtime.BotRunner;
import dev.botfleet.engine.runtime.MarketDataHub;
import dev.botfleet.engine.sim.SimExchange;
import dev.botfleet.engine.sim.SimFillModel;
import dev.botfleet.engine.sim.SimMarkets;
import dev.botfleet.engine.strategy.Strategy;
import dev.botfleet.engine.strategy.StrategyContext;
import dev.botfleet.engine.strategy.definition.StrategyConfig;
import dev.botfleet.strategies.StrategyCatalog;
import dev.botfleet.strategies.scalper.ScalperDefinition;
import org.openjdk.jmh.annotations.*;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The live path, in process: market data hub → each bot's mailbox → kernel → simulated exchange matching → scalper
 * strategy → (on fills) risk checks → sim exchange → position. N scalper bots on one symbol; the price oscillates
 * across every bot's buy and sell price so bots keep completing round trips (a fill, an order, a deal about every 80
 * ticks per bot), not just reading prices.
 *
 * <p>{@code tickToAllBots}: one tick in flight; an operation is one tick handled by every bot (ops/s × bots =
 * bot-ticks/s). Tick-to-decision latency = publish → the bot's {@code onTick} returned, for every bot and tick,
 * printed as p50/p99/p99.9 at the end of each iteration (from a histogram per executor thread, each figure at most
 * 1.6 % below the true one: {@link LatencyRecorder}).
 *
 * <p>{@code fanOut} chooses how the hub reaches the bots (see the field).
 *
 * <p>{@code pipelined}: up to {@value #WINDOW} ticks in flight, the sustained bot-ticks/s when the publisher does not
 * wait for the slowest bot.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 4)
public class LivePathBenchmark {
    static final int WINDOW = 16;
    static final Instrument BTC = SimMarkets.find("BTC/USDT").orElseThrow().instrument();
    static final Instant T0 = TriangleMarket.T0;

    @Param({"1", "100", "1000", "10000"})
    public int bots;

    /**
     * {@code sharded}: the hub publishes a tick once per shard of up to 64 bots and the shard's turn on the pool hands
     * it to each bot ({@code new MarketDataHub(pool)}); {@code direct}: the hub posts the tick into every bot's mailbox
     * itself ({@code new MarketDataHub()}, one queue node and possibly one pool task per bot per tick).
     */
    @Param({"sharded"})
    public String fanOut;

    MarketDataHub hub;
    ForkJoinPool pool;
    final LongAdder handled = new LongAdder();
    final LongAdder fills = new LongAdder();
    final AtomicLong errors = new AtomicLong();
    /** Every bot's tick-to-decision, one histogram per executor thread. */
    final LatencyRecorder latencies = new LatencyRecorder();
    /** The market: a triangle wave 63980 → 64020 → 63980 in 0.50 steps: crosses both prices every 160 ticks. */
    final TriangleMarket market = new TriangleMarket(63980, 80);
    FleetPool threads;
    long handledAtStart;
    long workerCpuAtStart;

    /** Measures the decision: time from publish to the end of the strategy's onTick. */
    final class Measured implements Strategy {
        private final Strategy inner;

        Measured(Strategy inner) {
            this.inner = inner;
        }

        @Override public void onStart(StrategyContext ctx) { inner.onStart(ctx); }

        @Override public void onTick(StrategyContext ctx, Tick tick) {
            inner.onTick(ctx, tick);
            latencies.record(market.sincePublished(tick));
            handled.increment();
        }

        @Override public void onFill(StrategyContext ctx, OrderSnapshot order, Fill fill) {
            fills.increment();
            inner.onFill(ctx, order, fill);
        }

        @Override public void onOrderUpdate(StrategyContext ctx, OrderSnapshot order, OrderEvent event) {
            inner.onOrderUpdate(ctx, order, event);
        }

        @Override public void onStop(StrategyContext ctx) {
            errors.incrementAndGet();   // a scalper with infiniteLoop never stops by itself here
            inner.onStop(ctx);
        }
    }

    @Setup(Level.Trial)
    public void setUp() throws InterruptedException {
        threads = new FleetPool();
        pool = threads.pool;
        hub = switch (fanOut) {
            case "sharded" -> new MarketDataHub(pool);
            case "direct" -> new MarketDataHub();
            default -> throw new IllegalArgumentException("fanOut must be sharded or direct, not " + fanOut);
        };
        StrategyCatalog catalog = new StrategyCatalog();
        StrategyConfig config = ScalperDefinition.definition().validate(Map.of("firstOrder", "BUY",
                "quantity", "0.001", "buyPrice", "63990", "sellPrice", "64010", "infiniteLoop", true)).config();
        List<BotRunner> runners = new ArrayList<>();
        for (int i = 0; i < bots; i++) {
            SimExchange sim = new SimExchange(BTC, SimFillModel.DEFAULT, Map.of("USDT", new BigDecimal("100000")));
            BotKernel kernel = BotKernel.builder("b" + i, BTC,
                            new Measured(catalog.create("scalper", config, BTC)))
                    .exchange(sim::connect).matchOn(MatchingData.TICKS).build();
            BotRunner runner = new BotRunner(kernel, pool, (e, ex) -> errors.incrementAndGet());
            runner.send(new BotCommand.StartBot(T0));
            hub.subscribe("sim", "BTC/USDT", runner);
            runners.add(runner);
        }
        pool.awaitQuiescence(1, TimeUnit.MINUTES);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        pool.shutdownNow();
        if (errors.get() > 0) throw new IllegalStateException(errors.get() + " bots failed or stopped");
    }

    @Setup(Level.Iteration)
    public void resetLatency() {
        latencies.reset();
        handledAtStart = handled.sum();
        workerCpuAtStart = threads.cpuNanos();
    }

    @TearDown(Level.Iteration)
    public void reportLatency() {
        awaitHandled(market.published() * (long) bots);   // let ticks still in flight land, so the bots are idle while we read
        long[] p = latencies.percentiles(50, 99, 99.9);
        long samples = latencies.count();
        long botTicks = handled.sum() - handledAtStart;
        double cpuPerBotTick = (double) (threads.cpuNanos() - workerCpuAtStart) / Math.max(1, botTicks);
        System.out.printf("%n  [bots=%d] tick-to-decision p50=%.1f us p99=%.1f us p99.9=%.1f us (%d samples);"
                        + " bot threads' CPU %.0f ns per bot-tick (= %.2f M bot-ticks per CPU-second); fills so far %d%n",
                bots, p[0] / 1e3, p[1] / 1e3, p[2] / 1e3, samples, cpuPerBotTick, 1e3 / cpuPerBotTick,
                fills.sum());
    }



    @Benchmark
    public long tickToAllBots() {
        long target = handled.sum() + bots;
        hub.publish(market.next());
        awaitHandled(target);
        return target;
    }

    @Benchmark
    @OperationsPerInvocation(1)
    public long pipelined() {
        // keep at most WINDOW ticks in flight across the fleet
        long target = (market.published() + 1 - WINDOW) * (long) bots;
        awaitHandled(target);
        hub.publish(market.next());
        return target;
    }

    private void awaitHandled(long target) {
        FleetPool.awaitAtLeast(handled, target);
    }
}
