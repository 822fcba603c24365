package dev.botfleet.bench;

import dev.botfleet.engine.kernel.BotKernel;
import dev.botfleet.engine.kernel.MatchingData;
import dev.botfleet.engine.market.Instrument;
import dev.botfleet.engine.market.MarginMode;
import dev.botfleet.engine.market.MarginSettings;
import dev.botfleet.engine.market.Tick;
import dev.botfleet.engine.sim.SimExchange;
import dev.botfleet.engine.sim.SimFillModel;
import dev.botfleet.engine.sim.SimMarkets;
import dev.botfleet.engine.strategy.definition.StrategyConfig;
import dev.botfleet.strategies.StrategyCatalog;
import dev.botfleet.strategies.scalper.ScalperDefinition;
import org.openjdk.jmh.annotations.*;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The kernel alone, on one thread, without hub or mailbox: what one core does per bot-tick (sim matching, scalper,
 * and on the crossings the fills, risk checks, new orders, positions and deals). Same price path as
 * {@link LivePathBenchmark}; an operation is one tick handled by every bot.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 4)
public class KernelPathBenchmark {
    static final Instrument BTC = SimMarkets.find("BTC/USDT").orElseThrow().instrument();
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Param({"1", "1000", "10000"})
    public int bots;

    /** {@code perpetual}: the same scalpers on the simulated perpetual at 5x (margin wallet, margin risk checks). */
    @Param({"spot", "perpetual"})
    public String market;

    BotKernel[] kernels;
    long sequence;

    @Setup(Level.Trial)
    public void setUp() {
        StrategyCatalog catalog = new StrategyCatalog();
        StrategyConfig config = ScalperDefinition.definition().validate(Map.of("firstOrder", "BUY",
                "quantity", "0.001", "buyPrice", "63990", "sellPrice", "64010", "infiniteLoop", true)).config();
        kernels = new BotKernel[bots];
        boolean perpetual = market.equals("perpetual");
        Instrument instrument = perpetual ? SimMarkets.perpetuals().getFirst() : BTC;
        MarginSettings margin = new MarginSettings(new BigDecimal("5"), MarginMode.ISOLATED);
        for (int i = 0; i < bots; i++) {
            SimExchange sim = new SimExchange(instrument, SimFillModel.DEFAULT, Map.of("USDT", new BigDecimal("100000")),
                    margin);
            kernels[i] = BotKernel.builder("b" + i, instrument, catalog.create("scalper", config, instrument))
                    .exchange(sim::connect).matchOn(MatchingData.TICKS).margin(margin).build();
            kernels[i].start(T0);
        }
    }

    long cpuAtStart;
    long ticksAtStart;

    @Setup(Level.Iteration)
    public void startCpu() {
        cpuAtStart = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        ticksAtStart = sequence;
    }

    /** Wall-clock throughput suffers when the machine is shared; CPU time per bot-tick does not. */
    @TearDown(Level.Iteration)
    public void reportCpu() {
        long botTicks = (sequence - ticksAtStart) * bots;
        double ns = (double) (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuAtStart) / botTicks;
        System.out.printf("%n  [bots=%d, %s] CPU %.0f ns per bot-tick (= %.2f M bot-ticks per CPU-second)%n",
                bots, market, ns, 1e3 / ns);
    }

    @TearDown(Level.Trial)
    public void check() {
        for (BotKernel k : kernels) {
            if (!k.isRunning()) throw new IllegalStateException("bot " + k.botId() + " stopped");
        }
    }

    @Benchmark
    public int tickToAllBots() {
        long seq = ++sequence;
        int phase = (int) (seq % 160);
        double price = phase < 80 ? 63980 + phase * 0.5 : 64020 - (phase - 80) * 0.5;
        Tick tick = new Tick(kernels[0].instrument().exchange(), "BTC/USDT", T0.toEpochMilli() + seq * 250, price, 1);
        for (BotKernel k : kernels) k.onTick(tick);
        return kernels.length;
    }
}
