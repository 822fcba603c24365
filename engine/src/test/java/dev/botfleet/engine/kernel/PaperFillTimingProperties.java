package dev.botfleet.engine.kernel;

import dev.botfleet.engine.market.Candle;
import dev.botfleet.engine.market.CandleBuilder;
import dev.botfleet.engine.market.Instrument;
import dev.botfleet.engine.market.Tick;
import dev.botfleet.engine.market.Timeframe;
import dev.botfleet.engine.order.Fill;
import dev.botfleet.engine.order.OrderEvent;
import dev.botfleet.engine.order.OrderRequest;
import dev.botfleet.engine.order.OrderSide;
import dev.botfleet.engine.order.OrderSnapshot;
import dev.botfleet.engine.position.PositionSnapshot;
import dev.botfleet.engine.sim.SimExchange;
import dev.botfleet.engine.sim.SimFillModel;
import dev.botfleet.engine.sim.SimMarkets;
import dev.botfleet.engine.strategy.Strategy;
import dev.botfleet.engine.strategy.StrategyContext;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rule paper trading must hold everywhere: an order fills only against market data from at or after its
 * acceptance, and each piece of data is matched once. A bot gets a random tick path and the 1m candles built from
 * those same ticks (as the server's sim feed sends them, candle boundaries anywhere in the path), and places and
 * cancels random limit and market orders as it goes. Every fill must be at a price the market traded after the
 * order was accepted: no better for a buy than some later trade's price, no better for a sell.
 */
class PaperFillTimingProperties {
    static final Instrument BTC = SimMarkets.find("BTC/USDT").orElseThrow().instrument();
    static final long T0 = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();

    /** Places random orders around the last price; remembers nothing the property needs. */
    static final class RandomTrader implements Strategy {
        private final SplittableRandom random;

        RandomTrader(long seed) {
            this.random = new SplittableRandom(seed);
        }

        @Override
        public void onTick(StrategyContext ctx, Tick tick) {
            if (random.nextInt(100) < 20) {
                OrderSide side = random.nextBoolean() ? OrderSide.BUY : OrderSide.SELL;
                BigDecimal quantity = new BigDecimal("0.001");
                if (random.nextInt(5) == 0) {
                    ctx.submit(OrderRequest.market(side, quantity));
                } else {
                    double offset = (random.nextDouble() - 0.3) * 0.006;  // mostly passive, sometimes crossing
                    double price = tick.price() * (side == OrderSide.BUY ? 1 - offset : 1 + offset);
                    ctx.submit(OrderRequest.limit(side, quantity, BTC.roundPrice(BigDecimal.valueOf(price))));
                }
            }
            List<OrderSnapshot> open = ctx.openOrders();
            if (open.size() > 8) ctx.cancel(open.get(random.nextInt(open.size())).clientOrderId());
        }
    }

    /** What the kernel reported: when each order was accepted, and every fill. */
    static final class Tape implements KernelListener {
        final Map<String, Long> acceptedAt = new HashMap<>();
        final List<Fill> fills = new ArrayList<>();

        @Override
        public void onOrderUpdated(OrderSnapshot order, OrderEvent event) {
            if (event instanceof OrderEvent.OrderAccepted accepted) {
                acceptedAt.putIfAbsent(order.clientOrderId(), accepted.timestamp().toEpochMilli());
            }
        }

        @Override
        public void onFill(Fill fill, PositionSnapshot position) {
            fills.add(fill);
        }
    }

    @Property(tries = 150)
    void onATickFeedEveryFillIsAtAPriceTradedAfterTheOrderWasAccepted(@ForAll long seed,
                                                                      @ForAll @IntRange(max = 59_999) int candlePhase) {
        List<Tick> ticks = randomPath(seed, T0 + candlePhase);
        Tape tape = new Tape();
        BotKernel kernel = kernel(seed, tape, MatchingData.TICKS);
        CandleBuilder candles = new CandleBuilder("sim", BTC.symbol(), Timeframe.M1);
        for (Tick tick : ticks) {
            // as the server's sim feed does: the finished candle first, then the tick that opened the next one
            candles.accept(tick).ifPresent(kernel::onCandle);
            kernel.onTick(tick);
        }

        assertThat(tape.fills).as("the random trader trades").isNotEmpty();
        for (Fill fill : tape.fills) {
            long accepted = tape.acceptedAt.get(fill.clientOrderId());
            assertThat(fill.executedAt().toEpochMilli()).as("fill time of " + fill).isGreaterThanOrEqualTo(accepted);
            double price = fill.price().doubleValue();
            boolean tradedSince = ticks.stream().anyMatch(t -> t.timestamp() >= accepted
                    && t.timestamp() <= fill.executedAt().toEpochMilli()
                    && (fill.side() == OrderSide.BUY ? t.price() <= price : t.price() >= price));
            assertThat(tradedSince).as(fill + " accepted at " + accepted + ": no trade since at that price or better")
                    .isTrue();
        }
    }

    @Property(tries = 150)
    void onCandlesAloneEveryFillIsInsideABarThatOpenedAfterTheOrderWasAccepted(@ForAll long seed,
                                                                              @ForAll @IntRange(max = 59_999) int candlePhase) {
        List<Candle> bars = new ArrayList<>();
        CandleBuilder builder = new CandleBuilder("sim", BTC.symbol(), Timeframe.M1);
        for (Tick tick : randomPath(seed, T0 + candlePhase)) builder.accept(tick).ifPresent(bars::add);
        Tape tape = new Tape();
        BotKernel kernel = kernel(seed, tape, MatchingData.CANDLES);
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        for (Candle bar : bars) {
            // a timer between bars places orders mid-bar, whose own bar must not fill them
            kernel.advanceTo(Instant.ofEpochMilli(bar.openTime() + random.nextInt(60_000)));
            kernel.onCandle(bar);
        }

        for (Fill fill : tape.fills) {
            long accepted = tape.acceptedAt.get(fill.clientOrderId());
            double price = fill.price().doubleValue();
            boolean inALaterBar = bars.stream().anyMatch(b -> b.openTime() >= accepted
                    && b.closeTime() <= fill.executedAt().toEpochMilli()
                    && (fill.side() == OrderSide.BUY ? b.low() <= price : b.high() >= price));
            assertThat(inALaterBar).as(fill + " accepted at " + accepted + ": no later bar traded there").isTrue();
        }
    }

    private static BotKernel kernel(long seed, Tape tape, MatchingData matchOn) {
        Map<String, BigDecimal> balances = Map.of("USDT", new BigDecimal("1000000"), "BTC", new BigDecimal("100"));
        SimExchange sim = new SimExchange(BTC, SimFillModel.DEFAULT, balances);
        BotKernel kernel = BotKernel.builder("p", BTC, new TimedTrader(seed)).exchange(sim::connect).matchOn(matchOn)
                .listener(tape).build();
        kernel.start(Instant.ofEpochMilli(T0));
        return kernel;
    }

    /** The random trader, also acting on timers so that orders appear between candles, not only on ticks. */
    static final class TimedTrader implements Strategy {
        private final RandomTrader trader;
        private final SplittableRandom random;

        TimedTrader(long seed) {
            this.trader = new RandomTrader(seed);
            this.random = new SplittableRandom(~seed);
        }

        @Override
        public void onStart(StrategyContext ctx) {
            ctx.scheduleTimer("trade", ctx.now().plusMillis(1 + random.nextInt(20_000)));
        }

        @Override
        public void onTick(StrategyContext ctx, Tick tick) {
            trader.onTick(ctx, tick);
        }

        @Override
        public void onCandle(StrategyContext ctx, Candle candle) {
            trader.onTick(ctx, new Tick("sim", BTC.symbol(), candle.closeTime(), candle.close(), 1));
        }

        @Override
        public void onTimer(StrategyContext ctx, String name) {
            if (!Double.isNaN(ctx.lastPrice())) {
                trader.onTick(ctx, new Tick("sim", BTC.symbol(), ctx.now().toEpochMilli(), ctx.lastPrice(), 1));
            }
            ctx.scheduleTimer("trade", ctx.now().plusMillis(1 + random.nextInt(20_000)));
        }
    }

    /** 400 trades, 0-3 s apart (some at the same millisecond), a random walk of about 0.1% a step. */
    static List<Tick> randomPath(long seed, long start) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Tick> ticks = new ArrayList<>();
        double price = 64_000;
        long t = start;
        for (int i = 0; i < 400; i++) {
            t += random.nextInt(4) == 0 ? 0 : random.nextInt(3_000);
            price = BigDecimal.valueOf(price * (1 + (random.nextDouble() - 0.5) * 0.002))
                    .setScale(2, RoundingMode.HALF_EVEN).doubleValue();
            ticks.add(new Tick("sim", BTC.symbol(), t, price, 0.5));
        }
        return ticks;
    }
}
