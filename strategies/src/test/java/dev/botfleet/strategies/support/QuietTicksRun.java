package dev.botfleet.strategies.support;

import dev.botfleet.engine.kernel.BotKernel;
import dev.botfleet.engine.kernel.KernelListener;
import dev.botfleet.engine.kernel.MatchingData;
import dev.botfleet.engine.market.Candle;
import dev.botfleet.engine.market.Tick;
import dev.botfleet.engine.market.Timeframe;
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
import dev.botfleet.engine.strategy.Strategy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Executor;
import java.util.function.IntFunction;

/**
 * A few bots of one strategy on the real kernel and simulated exchange, fed a random walk of trades (and the 1m candles
 * of it) through the hub, with reads between trades; records every order, fill and read per bot. Run once with quiet
 * ticks skipped and once without, the two records must be equal. A direct executor makes both runs deterministic.
 */
public final class QuietTicksRun {
    private static final Executor DIRECT = Runnable::run;

    /**
     * Per bot, its orders, fills and reads in order; fills in all; ticks handled on a turn; ticks decided quiet;
     * candles handed to the strategies.
     */
    public record Result(Map<String, List<String>> journal, long fills, long turnsOnTicks, long quietDecisions,
                         long candlesHandled) {
    }

    private QuietTicksRun() {
    }

    public static Result run(int bots, IntFunction<Strategy> strategyOfBot, boolean skipQuiet, List<Tick> ticks) {
        MarketDataHub hub = new MarketDataHub(DIRECT, 4, skipQuiet);
        Map<String, List<String>> journal = new LinkedHashMap<>();
        long[] counts = new long[4];
        TickObserver observer = new TickObserver() {
            @Override public void handled(Tick tick) { counts[1]++; }

            @Override public void handled(Tick tick, int n) { counts[2] += n; }
        };
        List<BotRunner> runners = new ArrayList<>();
        for (int b = 0; b < bots; b++) {
            String id = "bot-" + b;
            List<String> lines = new ArrayList<>();
            journal.put(id, lines);
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
            Strategy strategy = new CandleCounting(strategyOfBot.apply(b), () -> counts[3]++);
            BotKernel kernel = BotKernel.builder(id, Harness.BTC, strategy).exchange(sim::connect)
                    .matchOn(MatchingData.TICKS).listener(listener).build();
            BotRunner runner = new BotRunner(kernel, DIRECT, (event, e) -> { throw e; }, observer);
            hub.subscribe("sim", Harness.BTC.symbol(), runner);
            runner.send(new BotCommand.StartBot(Harness.T0, List.of()));
            runners.add(runner);
        }
        long minute = 60_000;
        long candleOpen = Harness.T0.toEpochMilli();
        double open = Double.NaN, high = 0, low = 0, close = 0, volume = 0;
        for (int i = 0; i < ticks.size(); i++) {
            Tick t = ticks.get(i);
            if (t.timestamp() >= candleOpen + minute) {  // the minute is over: its candle, as the server's feed does
                hub.publish(new Candle("sim", Harness.BTC.symbol(), Timeframe.M1, candleOpen, open, high, low, close,
                        volume));
                // now and then a read right after the candle: the bot's clock must be the candle's close time
                if ((candleOpen / minute) % 3 == 0) read(runners, journal);
                candleOpen += minute;
                open = Double.NaN;
            }
            if (Double.isNaN(open)) {
                open = high = low = t.price();
                volume = 0;
            }
            high = Math.max(high, t.price());
            low = Math.min(low, t.price());
            close = t.price();
            volume += t.size();
            hub.publish(t);
            if (i % 97 == 0) read(runners, journal);  // a read between ticks (as the API's): the last tick's price, time
        }
        return new Result(journal, counts[0], counts[1], counts[2], counts[3]);
    }

    private static void read(List<BotRunner> runners, Map<String, List<String>> journal) {
        for (BotRunner r : runners) {
            r.send(new BotCommand.Inspect(k -> journal.get(k.botId()).add("read at " + k.clock() + ": "
                    + k.position().quantity() + " unrealized " + k.position().unrealizedPnl())));
        }
    }

    /** {@code n} trades 100 ms apart on a walk of about {@code step} (0.0006 = 0.06 %) per trade, on the cent grid. */
    public static List<Tick> randomWalk(int n, long seed, double step) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Tick> ticks = new ArrayList<>(n);
        double price = 30_000;
        for (int i = 0; i < n; i++) {
            price *= Math.exp(random.nextGaussian() * step);
            double onTick = Math.round(price * 100) / 100.0;
            ticks.add(new Tick("sim", Harness.BTC.symbol(), Harness.T0.toEpochMilli() + 100L * (i + 1), onTick, 0.5));
        }
        return ticks;
    }
}
