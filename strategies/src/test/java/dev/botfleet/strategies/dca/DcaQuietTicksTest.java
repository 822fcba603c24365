package dev.botfleet.strategies.dca;

import dev.botfleet.engine.kernel.BotKernel;
import dev.botfleet.engine.kernel.KernelListener;
import dev.botfleet.engine.kernel.MatchingData;
import dev.botfleet.engine.market.Tick;
import dev.botfleet.engine.order.Fill;
import dev.botfleet.engine.order.OrderEvent;
import dev.botfleet.engine.order.OrderSnapshot;
import dev.botfleet.engine.position.PositionSnapshot;
import dev.botfleet.engine.runtime.BotCommand;
import dev.botfleet.engine.runtime.BotRunner;
import dev.botfleet.engine.runtime.MarketDataHub;
import dev.botfleet.engine.runtime.TickObserver;
import dev.botfleet.engine.sim.SimExchange;
import dev.botfleet.engine.sim.SimFillModel;
import dev.botfleet.strategies.support.Harness;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Executor;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DCA bots fed through the hub that skips quiet ticks do exactly what the same bots do when they see every tick: the
 * same orders, fills and positions, the same answers to reads between ticks (unrealized PnL at the last price) — while
 * most ticks never reach them. On the real kernel, simulated exchange and strategy; a direct executor makes both runs
 * deterministic.
 */
class DcaQuietTicksTest {
    private static final Executor DIRECT = Runnable::run;

    static Stream<Map<String, Object>> configs() {
        Map<String, Object> plain = new LinkedHashMap<>(Map.of("baseOrderSize", "100", "safetyOrderSize", "100",
                "priceDeviation", "0.4", "maxSafetyOrders", 3, "maxActiveSafetyOrders", 2, "takeProfitPercent", "0.5",
                "stopLossPercent", "2"));
        Map<String, Object> trailingTakeProfit = new LinkedHashMap<>(plain);
        trailingTakeProfit.put("trailingTakeProfitPercent", "0.2");
        Map<String, Object> trailingStop = new LinkedHashMap<>(plain);
        trailingStop.put("stopLossType", "TRAILING");
        trailingStop.put("stopLossReference", "FIRST_ENTRY");
        Map<String, Object> cooldown = new LinkedHashMap<>(plain);
        cooldown.put("cooldownSeconds", 30);
        cooldown.put("stopLossPercent", "0");
        return Stream.of(plain, trailingTakeProfit, trailingStop, cooldown);
    }

    @ParameterizedTest
    @MethodSource("configs")
    void botsThatSkipQuietTicksTradeExactlyAsBotsThatSeeEveryTick(Map<String, Object> config) {
        List<Tick> ticks = randomWalk(6000, 7);
        Run every = run(config, false, ticks);
        Run skipping = run(config, true, ticks);

        assertThat(every.fills).as("the walk must make the bots trade").isGreaterThan(20);
        assertThat(skipping.journal).isEqualTo(every.journal);
        assertThat(every.quietDecisions).isZero();
        // most ticks were decided without a turn, and every tick was decided once per bot
        assertThat(skipping.quietDecisions).isGreaterThan(skipping.turnsOnTicks);
        assertThat(skipping.quietDecisions + skipping.turnsOnTicks).isEqualTo(every.turnsOnTicks);
    }

    private record Run(Map<String, List<String>> journal, long fills, long turnsOnTicks, long quietDecisions) {
    }

    private static Run run(Map<String, Object> raw, boolean skipQuiet, List<Tick> ticks) {
        MarketDataHub hub = new MarketDataHub(DIRECT, 4, skipQuiet);
        Map<String, List<String>> journal = new LinkedHashMap<>();
        long[] counts = new long[3];  // fills, ticks handled on a turn, ticks decided quiet
        TickObserver observer = new TickObserver() {
            @Override public void handled(Tick tick) { counts[1]++; }

            @Override public void handled(Tick tick, int bots) { counts[2] += bots; }
        };
        List<BotRunner> runners = new ArrayList<>();
        for (int b = 0; b < 6; b++) {
            String id = "bot-" + b;
            List<String> lines = new ArrayList<>();
            journal.put(id, lines);
            Map<String, Object> config = new LinkedHashMap<>(raw);
            config.put("takeProfitPercent", new java.math.BigDecimal(raw.get("takeProfitPercent").toString())
                    .add(new java.math.BigDecimal("0.1").multiply(java.math.BigDecimal.valueOf(b % 3))).toPlainString());
            var strategy = new DcaStrategy(Harness.config(DcaDefinition.definition(), config), Harness.BTC);
            SimExchange sim = new SimExchange(Harness.BTC, SimFillModel.DEFAULT, Harness.usdt("100000"));
            KernelListener listener = new KernelListener() {
                @Override public void onOrderUpdated(OrderSnapshot o, OrderEvent e) {
                    lines.add("order " + o.clientOrderId() + " " + o.side() + " " + o.type() + " " + o.status() + " "
                            + o.price() + " " + o.quantity() + " filled " + o.filledQuantity() + " at " + e.timestamp());
                }

                @Override public void onFill(Fill f, PositionSnapshot position) {
                    counts[0]++;
                    lines.add("fill " + f.side() + " " + f.quantity() + " @ " + f.price() + " fee " + f.fee() + " at "
                            + f.executedAt());
                }
            };
            BotKernel kernel = BotKernel.builder(id, Harness.BTC, strategy).exchange(sim::connect)
                    .matchOn(MatchingData.TICKS).listener(listener).build();
            BotRunner runner = new BotRunner(kernel, DIRECT, (event, e) -> { throw e; }, observer);
            hub.subscribe("sim", Harness.BTC.symbol(), runner);
            runner.send(new BotCommand.StartBot(Harness.T0, List.of()));
            runners.add(runner);
        }
        for (int i = 0; i < ticks.size(); i++) {
            hub.publish(ticks.get(i));
            if (i % 97 == 0) {
                // a read between ticks (as the API's): it must see the last tick's price and time
                for (BotRunner r : runners) {
                    r.send(new BotCommand.Inspect(k -> journal.get(k.botId()).add("read at " + k.clock() + ": "
                            + k.position().quantity() + " unrealized " + k.position().unrealizedPnl() + " balance "
                            + k.positionQuantity())));
                }
            }
        }
        return new Run(journal, counts[0], counts[1], counts[2]);
    }

    /** Trades 100 ms apart on a walk of about 0.06 % per trade. */
    static List<Tick> randomWalk(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Tick> ticks = new ArrayList<>(n);
        double price = 30_000;
        for (int i = 0; i < n; i++) {
            price *= Math.exp(random.nextGaussian() * 0.0006);
            double onTick = Math.round(price * 100) / 100.0;
            ticks.add(new Tick("sim", Harness.BTC.symbol(), Harness.T0.toEpochMilli() + 100L * (i + 1), onTick, 0.5));
        }
        return ticks;
    }
}
