package dev.botfleet.engine.kernel;

import dev.botfleet.engine.market.Candle;
import dev.botfleet.engine.market.Timeframe;
import dev.botfleet.engine.order.Fill;
import dev.botfleet.engine.order.Liquidity;
import dev.botfleet.engine.order.OrderEvent;
import dev.botfleet.engine.order.OrderRequest;
import dev.botfleet.engine.order.OrderSide;
import dev.botfleet.engine.order.OrderSnapshot;
import dev.botfleet.engine.order.OrderStatus;
import dev.botfleet.engine.risk.DenialReason;
import dev.botfleet.engine.sim.SimExchange;
import dev.botfleet.engine.sim.SimFillModel;
import dev.botfleet.engine.strategy.ActivityLevel;
import dev.botfleet.engine.strategy.Strategy;
import dev.botfleet.engine.strategy.StrategyContext;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.botfleet.engine.kernel.BotKernelTest.BTC;
import static dev.botfleet.engine.kernel.BotKernelTest.T0;
import static org.assertj.core.api.Assertions.assertThat;

/** Start, stop, failures, candles and a restart from the journal. */
class KernelLifecycleTest {
    final Recorder rec = new Recorder();
    final FakePort port = new FakePort();
    final List<String> seen = new ArrayList<>();
    StrategyContext ctx;
    RuntimeException failOnStop;
    RuntimeException failOnStart;
    RuntimeException failOnCandle;
    RuntimeException failOnFill;
    RuntimeException failOnUpdate;

    final Strategy strategy = new Strategy() {
        @Override public void onStart(StrategyContext c) {
            ctx = c;
            seen.add("start " + c.now());
            if (failOnStart != null) throw failOnStart;
        }
        @Override public void onCandle(StrategyContext c, Candle candle) {
            seen.add("candle " + candle.close() + " at " + c.now() + " last " + c.lastPrice()
                    + " position " + c.positionQuantity().toPlainString());
            if (failOnCandle != null) throw failOnCandle;
        }
        @Override public void onFill(StrategyContext c, OrderSnapshot o, Fill f) {
            seen.add("fill " + f.tradeId());
            if (failOnFill != null) throw failOnFill;
        }
        @Override public void onOrderUpdate(StrategyContext c, OrderSnapshot o, OrderEvent e) {
            seen.add(e.getClass().getSimpleName());
            if (failOnUpdate != null) throw failOnUpdate;
        }
        @Override public void onStop(StrategyContext c) {
            seen.add("stop");
            if (failOnStop != null) throw failOnStop;
        }
    };

    KernelBuilder builder() {
        return BotKernel.builder("7", BTC, strategy).exchange(port::connect).journal(rec).listener(rec);
    }

    static Instant at(long second) { return T0.plusSeconds(second); }

    static Fill fill(String order, String trade, OrderSide side, String qty, String price, long second) {
        return new Fill("7", order, trade, "sim", "BTC/USDT", side, new BigDecimal(price), new BigDecimal(qty),
                BigDecimal.ZERO, "USDT", Liquidity.MAKER, BigDecimal.ZERO, at(second));
    }

    @Test
    void startingTwiceStartsOnce() {
        BotKernel k = builder().build();
        k.start(T0);
        k.start(at(5));
        assertThat(seen).containsExactly("start " + T0);
        assertThat(rec.messages()).containsOnlyOnce("Bot started on sim BTC/USDT");
        assertThat(k.isRunning()).isTrue();
    }

    @Test
    void stoppingTwiceStopsOnceAndANewOrderIsThenDenied() {
        BotKernel k = builder().build();
        k.start(T0);
        k.stop("user asked");
        k.stop("again");
        assertThat(seen).containsExactly("start " + T0, "stop");
        assertThat(rec.stops).containsExactly("user asked");
        assertThat(rec.activity.getLast()).satisfies(a -> {
            assertThat(a.level()).isEqualTo(ActivityLevel.INFO);
            assertThat(a.message()).isEqualTo("Bot stopped: user asked");
        });

        OrderSnapshot late = ctx.submit(OrderRequest.limit(OrderSide.BUY, new BigDecimal("0.01"),
                new BigDecimal("60000.00")));
        assertThat(late.status()).isEqualTo(OrderStatus.DENIED);
        assertThat(late.reason()).isEqualTo("The bot is not running, so it places no new orders.");
        assertThat(port.sent).isEmpty();
        assertThat(rec.messages()).contains("Order denied (" + DenialReason.BOT_NOT_RUNNING
                + "): The bot is not running, so it places no new orders.");
    }

    @Test
    void aStrategyFailingWhileStoppingIsLoggedAndTheBotStillStops() {
        BotKernel k = builder().build();
        k.start(T0);
        failOnStop = new IllegalStateException("cleanup broke");
        k.stop("user asked");
        assertThat(k.isRunning()).isFalse();
        assertThat(rec.stops).containsExactly("user asked");
        assertThat(rec.activity).anySatisfy(a -> {
            assertThat(a.level()).isEqualTo(ActivityLevel.ERROR);
            assertThat(a.message()).isEqualTo("Strategy failed while stopping: java.lang.IllegalStateException: cleanup broke");
        });
    }

    @Test
    void withCancelOrdersOnStopOffTheOrdersKeepWorking() {
        BotKernel k = builder().cancelOrdersOnStop(false).build();
        k.start(T0);
        ctx.submit(OrderRequest.limit(OrderSide.BUY, new BigDecimal("0.01"), new BigDecimal("60000.00")));
        k.stop("user asked");
        assertThat(port.sent).containsExactly("submit 7-1");
        assertThat(k.openOrders()).hasSize(1);
    }

    @Test
    void theStrategyCanEndTheBotWhichStopsAtTheEndOfTheTurn() {
        BotKernel k = builder().build();
        k.start(T0);
        ctx.submit(OrderRequest.limit(OrderSide.BUY, new BigDecimal("0.01"), new BigDecimal("60000.00")));
        ctx.done("target reached");
        ctx.done("second reason is ignored");
        assertThat(k.isRunning()).isTrue();   // not in a turn: nothing happens yet
        k.advanceTo(at(1));
        assertThat(k.isRunning()).isFalse();
        assertThat(rec.stops).containsExactly("target reached");
        assertThat(port.sent).containsExactly("submit 7-1", "cancel 7-1");
    }

    @Test
    void aStrategyFailingOnStartStopsTheBotWithAnError() {
        failOnStart = new IllegalArgumentException("bad config");
        BotKernel k = builder().build();
        k.start(T0);
        assertThat(k.isRunning()).isFalse();
        assertThat(rec.stops).containsExactly("error: strategy error: bad config");
        assertThat(rec.activity).extracting(ActivityEntry::level).contains(ActivityLevel.ERROR);
        assertThat(rec.messages()).contains("Strategy failed: java.lang.IllegalArgumentException: bad config",
                "Bot stopped: strategy error: bad config");
    }

    @Test
    void aStrategyFailingOnAnOrderUpdateOrAFillStopsTheBot() {
        BotKernel k = builder().build();
        k.start(T0);
        ctx.submit(OrderRequest.limit(OrderSide.BUY, new BigDecimal("0.01"), new BigDecimal("60000.00")));
        failOnUpdate = new IllegalStateException("update broke");
        k.onOrderEvent(new OrderEvent.OrderAccepted("7-1", "x", at(1)));
        assertThat(rec.stops).containsExactly("error: strategy error: update broke");

        BotKernel k2 = BotKernel.builder("8", BTC, strategy).exchange(new FakePort()::connect).listener(rec).build();
        failOnUpdate = null;
        k2.start(T0);
        ctx.submit(OrderRequest.limit(OrderSide.BUY, new BigDecimal("0.01"), new BigDecimal("60000.00")));
        failOnFill = new IllegalStateException("fill broke");
        k2.onOrderEvent(new OrderEvent.OrderFilled("8-1", "t1", OrderSide.BUY, new BigDecimal("60000.00"),
                new BigDecimal("0.01"), BigDecimal.ZERO, "USDT", Liquidity.MAKER, at(2)));
        assertThat(rec.stops).containsExactly("error: strategy error: update broke", "error: strategy error: fill broke");
        assertThat(k2.position().quantity()).isEqualByComparingTo("0.01");
    }

    @Test
    void aCandleIsMatchedFirstThenShownToTheStrategyAtItsCloseTime() {
        SimExchange sim = new SimExchange(BTC, SimFillModel.DEFAULT, Map.of("USDT", new BigDecimal("10000")));
        BotKernel k = BotKernel.builder("7", BTC, strategy).exchange(sim::connect).matchOn(MatchingData.CANDLES).journal(rec).listener(rec).build();
        k.start(T0);
        k.onCandle(new Candle("sim", "BTC/USDT", Timeframe.M1, T0.toEpochMilli(), 64000, 64100, 63900, 64050, 10));
        ctx.submit(OrderRequest.limit(OrderSide.BUY, new BigDecimal("0.01"), new BigDecimal("63000.00")));
        Candle dip = new Candle("sim", "BTC/USDT", Timeframe.M1, at(60).toEpochMilli(), 64000, 64000, 62900, 63500, 10);
        k.onCandle(dip);
        Instant close = at(120);
        assertThat(seen).containsSubsequence("candle 64050.0 at " + at(60) + " last 64050.0 position 0",
                "fill 7-1-0.01", "candle 63500.0 at " + close + " last 63500.0 position 0.01");
        assertThat(k.clock()).isEqualTo(close);
    }

    @Test
    void aStrategyFailingOnACandleStopsTheBot() {
        BotKernel k = builder().build();
        k.start(T0);
        failOnCandle = new IllegalStateException("candle broke");
        k.onCandle(new Candle("sim", "BTC/USDT", Timeframe.M1, T0.toEpochMilli(), 1, 1, 1, 1, 1));
        assertThat(rec.stops).containsExactly("error: strategy error: candle broke");
    }

    @Test
    void aRestoredKernelRebuildsPositionSequenceAndClockFromTheJournal() {
        Fill bought = fill("7-3", "t1", OrderSide.BUY, "0.03", "60000.00", 10);
        Fill soldPart = fill("7-4", "t2", OrderSide.SELL, "0.01", "61000.00", 20);
        OrderSnapshot working = restoredSell("7-9", "0.02", "0.01", at(30));
        BotKernel k = builder().state(new KernelState(5, List.of(working), List.of(bought, soldPart))).build();

        assertThat(k.position().quantity()).isEqualByComparingTo("0.02");
        assertThat(k.position().realizedPnl()).isEqualByComparingTo("10");
        assertThat(k.nextSequence()).isEqualTo(10);        // past the highest restored order, 7-9
        assertThat(k.clock()).isEqualTo(at(30));          // the latest journaled time
        assertThat(k.openOrders()).extracting(OrderSnapshot::clientOrderId).containsExactly("7-9");
    }

    @Test
    void aRestoredKernelKeepsAHigherJournaledSequenceAndTheLatestFillTime() {
        Fill late = fill("7-1", "t1", OrderSide.BUY, "0.01", "60000.00", 50);
        OrderSnapshot working = restoredSell("7-2", "0.01", "0", at(40));
        BotKernel k = builder().state(new KernelState(12, List.of(working), List.of(late))).build();
        assertThat(k.nextSequence()).isEqualTo(12);
        assertThat(k.clock()).isEqualTo(at(50));
    }

    @Test
    void aFillReportedAgainAfterARestartIsNotCountedTwice() {
        Fill first = fill("7-9", "t1", OrderSide.SELL, "0.01", "61000.00", 20);
        Fill entry = fill("7-3", "t0", OrderSide.BUY, "0.02", "60000.00", 10);
        OrderSnapshot working = restoredSell("7-9", "0.02", "0.01", at(30));
        BotKernel k = builder().state(new KernelState(10, List.of(working), List.of(entry, first))).build();
        k.start(at(40));   // the fake exchange knows nothing: the acknowledged order is marked canceled
        k.onOrderEvent(first.toEvent());
        assertThat(k.position().quantity()).isEqualByComparingTo("0.01");
        assertThat(rec.fills).isEmpty();
    }

    @Test
    void aKernelRestoredFromWhereItLastStoodFlatReplaysOnlyTheFillsAfterIt() {
        // flat at 20 s with 10 USDT realized; then one entry
        var flat = new dev.botfleet.engine.position.FlatPoint(new BigDecimal("10"), Map.of("USDT", new BigDecimal("1.2")),
                at(20));
        Fill entry = fill("7-5", "t5", OrderSide.BUY, "0.02", "60000.00", 25);
        BotKernel k = builder().state(new KernelState(6, List.of(), List.of(entry), List.of(), flat, Map.of())).build();
        assertThat(k.position().quantity()).isEqualByComparingTo("0.02");
        assertThat(k.position().realizedPnl()).isEqualByComparingTo("10");
        assertThat(k.position().fees()).containsEntry("USDT", new BigDecimal("1.2"));
        assertThat(k.clock()).isEqualTo(at(25));
    }

    @Test
    void aTradeOfAnOpenOrderBookedBeforeTheFlatPointIsNotCountedAgain() {
        // the resting sell 7-9 was half filled (t1) before the bot stood flat: that fill is not replayed, its id is given
        var flat = new dev.botfleet.engine.position.FlatPoint(BigDecimal.ZERO, Map.of(), at(20));
        Fill first = fill("7-9", "t1", OrderSide.SELL, "0.01", "61000.00", 15);
        OrderSnapshot working = restoredSell("7-9", "0.02", "0.01", at(30));
        BotKernel k = builder().state(new KernelState(10, List.of(working), List.of(), List.of(), flat,
                Map.of("7-9", List.of("t1")))).build();
        k.start(at(40));
        k.onOrderEvent(first.toEvent());
        assertThat(rec.fills).isEmpty();
        assertThat(k.position().quantity()).isEqualByComparingTo("0");
    }

    @Test
    void theStartIsLoggedAtTheStartTime() {
        BotKernel k = builder().build();
        k.start(at(7));
        assertThat(rec.activity.getFirst()).isEqualTo(new ActivityEntry("7", ActivityLevel.INFO,
                "Bot started on sim BTC/USDT", at(7)));
        assertThat(k.botId()).isEqualTo("7");
        assertThat(k.instrument()).isEqualTo(BTC);
    }

    @Test
    void beforeAnyEventTheClockIsTheEpoch() {
        BotKernel k = builder().build();
        assertThat(k.clock()).isEqualTo(Instant.EPOCH);
    }

    /** A sell of {@code qty} that the exchange acknowledged and filled {@code filled} of. */
    static OrderSnapshot restoredSell(String id, String qty, String filled, Instant updated) {
        boolean any = new BigDecimal(filled).signum() > 0;
        return new OrderSnapshot("7", id, "x-" + id, "sim", "BTC/USDT", OrderSide.SELL,
                dev.botfleet.engine.order.OrderType.LIMIT, dev.botfleet.engine.order.TimeInForce.GTC,
                new BigDecimal("61000.00"), new BigDecimal(qty),
                any ? OrderStatus.PARTIALLY_FILLED : OrderStatus.ACCEPTED, new BigDecimal(filled),
                any ? new BigDecimal("61000.00") : null, Map.of(), BigDecimal.ZERO, null, null, true, T0, updated, null);
    }
}
