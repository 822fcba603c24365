package dev.botfleet.engine.kernel;

import dev.botfleet.engine.market.Instrument;
import dev.botfleet.engine.market.Tick;
import dev.botfleet.engine.order.Fill;
import dev.botfleet.engine.order.OrderRequest;
import dev.botfleet.engine.order.OrderSide;
import dev.botfleet.engine.order.OrderSnapshot;
import dev.botfleet.engine.order.OrderStatus;
import dev.botfleet.engine.risk.DenialReason;
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
import java.util.function.BiConsumer;

import static org.assertj.core.api.Assertions.assertThat;

class BotKernelTest {
    static final Instrument BTC = SimMarkets.find("BTC/USDT").orElseThrow().instrument();
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    /** A strategy driven by the test: runs an action on each tick, records what it saw. */
    static final class Scripted implements Strategy {
        BiConsumer<StrategyContext, Tick> onTick = (c, t) -> { };
        final List<String> seen = new ArrayList<>();

        @Override public void onTick(StrategyContext ctx, Tick tick) {
            seen.add("tick " + tick.price());
            onTick.accept(ctx, tick);
        }

        @Override public void onFill(StrategyContext ctx, OrderSnapshot order, Fill fill) {
            seen.add("fill " + fill.price().toPlainString());
        }

        @Override public void onTimer(StrategyContext ctx, String name) {
            seen.add("timer " + name + " at " + ctx.now());
        }
    }

    final Recorder rec = new Recorder();
    SimExchange sim = new SimExchange(BTC, SimFillModel.DEFAULT, Map.of("USDT", new BigDecimal("10000"),
            "BTC", new BigDecimal("0.1")));
    final Scripted strategy = new Scripted();

    BotKernel kernel() {
        BotKernel k = BotKernel.builder("7", BTC, strategy).exchange(sim::connect).matchOn(MatchingData.TICKS).journal(rec).listener(rec).build();
        k.start(T0);
        return k;
    }

    static Tick tick(long second, double price) {
        return new Tick("sim", "BTC/USDT", T0.plusSeconds(second).toEpochMilli(), price, 1.0);
    }

    @Test
    void restingLimitBuyFillsWhenTheMarketTradesThroughIt() {
        BotKernel k = kernel();
        strategy.onTick = (ctx, t) -> {
            if (ctx.openOrders().isEmpty() && ctx.positionQuantity().signum() == 0) {
                OrderSnapshot s = ctx.submit(OrderRequest.limit(OrderSide.BUY, new BigDecimal("0.01"),
                        new BigDecimal("63900.00")));
                assertThat(s.status()).isEqualTo(OrderStatus.SUBMITTED);
                assertThat(s.clientOrderId()).isEqualTo("7-1");
            }
        };
        k.onTick(tick(1, 64000.00));
        // 10000 - 0.01 * 63900 * 1.001 = 9360.361 available while the order rests
        assertThat(sim.balance("USDT").orElseThrow().available()).isEqualByComparingTo("9360.361");
        k.onTick(tick(2, 63900.00));   // touch only: no fill by default
        assertThat(k.position().quantity()).isEqualByComparingTo("0");
        k.onTick(tick(3, 63899.99));   // through: fills at the limit as maker

        assertThat(k.position().quantity()).isEqualByComparingTo("0.01");
        assertThat(k.position().averageEntryPrice()).isEqualByComparingTo("63900");
        assertThat(rec.journal).containsExactly(
                "new 7-1 SUBMITTED",
                "OrderAccepted 7-1 ACCEPTED",
                "fill 7-1 0.01@63900.00 FILLED");
        Fill fill = rec.fills.getFirst();
        assertThat(fill.fee()).isEqualByComparingTo("0.639");          // 639 * 0.001
        assertThat(fill.realizedPnl()).isEqualByComparingTo("-0.639");
        assertThat(fill.executedAt()).isEqualTo(T0.plusSeconds(3));
        assertThat(rec.messages()).contains("Bought 0.01000 BTC at 63,900.00 on sim");
        // fills reach the strategy before the tick that caused them
        assertThat(strategy.seen).containsSubsequence("tick 63900.0", "fill 63900.00", "tick 63899.99");
        // the reservation is settled: 10000 - 639 - 0.639
        assertThat(sim.balance("USDT").orElseThrow().total()).isEqualByComparingTo("9360.361");
        assertThat(sim.balance("USDT").orElseThrow().available()).isEqualByComparingTo("9360.361");
        assertThat(sim.balance("BTC").orElseThrow().total()).isEqualByComparingTo("0.11");
    }

    @Test
    void deniedOrdersAreJournaledAndNeverSent() {
        BotKernel k = kernel();
        List<OrderSnapshot> results = new ArrayList<>();
        strategy.onTick = (ctx, t) -> results.add(ctx.submit(OrderRequest.limit(OrderSide.BUY,
                new BigDecimal("1"), new BigDecimal("64000.00"))));   // 64,000 USDT > 10,000 available
        k.onTick(tick(1, 64000));
        assertThat(results.getFirst().status()).isEqualTo(OrderStatus.DENIED);
        assertThat(rec.journal).containsExactly("new 7-1 DENIED");
        assertThat(sim.query("7-1")).isEmpty();
        assertThat(rec.activity.getLast().message()).startsWith("Order denied (" + DenialReason.INSUFFICIENT_BALANCE);
    }

    @Test
    void marketOrderFillsAtTheNextTradeWithSlippage() {
        sim = new SimExchange(BTC, new SimFillModel(false, 2, 0), Map.of("USDT", new BigDecimal("10000")));
        BotKernel k = kernel();
        strategy.onTick = (ctx, t) -> {
            if (t.price() == 64000.0) ctx.submit(OrderRequest.market(OrderSide.BUY, new BigDecimal("0.01")));
        };
        k.onTick(tick(1, 64000.00));
        assertThat(rec.fills).isEmpty();
        k.onTick(tick(2, 64010.00));
        // next trade 64010.00 + 2 ticks of 0.01
        assertThat(rec.fills.getFirst().price()).isEqualByComparingTo("64010.02");
        assertThat(rec.fills.getFirst().liquidity()).isEqualTo(dev.botfleet.engine.order.Liquidity.TAKER);
    }

    @Test
    void cancelReleasesTheReservation() {
        BotKernel k = kernel();
        strategy.onTick = (ctx, t) -> {
            if (t.price() == 64000.0) ctx.submit(OrderRequest.limit(OrderSide.BUY, new BigDecimal("0.01"),
                    new BigDecimal("60000.00")));
        };
        k.onTick(tick(1, 64000.00));
        assertThat(k.cancel("7-1")).isTrue();
        assertThat(rec.journal).containsExactly("new 7-1 SUBMITTED", "OrderAccepted 7-1 ACCEPTED",
                "OrderPendingCancel 7-1 PENDING_CANCEL", "OrderCanceled 7-1 CANCELED");
        assertThat(sim.balance("USDT").orElseThrow().available()).isEqualByComparingTo("10000");
        assertThat(k.openOrders()).isEmpty();
        assertThat(k.cancel("7-1")).isFalse();
    }

    @Test
    void timersFireOnEventTimeBeforeTheEvent() {
        BotKernel k = kernel();
        strategy.onTick = (ctx, t) -> {
            if (t.price() == 1.0) ctx.scheduleTimer("wake", T0.plusSeconds(5));
        };
        k.onTick(tick(1, 1.0));
        k.onTick(tick(4, 2.0));
        assertThat(strategy.seen).doesNotContain("timer wake at " + T0.plusSeconds(5));
        k.onTick(tick(6, 3.0));
        assertThat(strategy.seen).containsSubsequence("tick 2.0", "timer wake at " + T0.plusSeconds(6), "tick 3.0");
    }

    @Test
    void stoppingCancelsOpenOrdersAndRefusesNewOnes() {
        BotKernel k = kernel();
        strategy.onTick = (ctx, t) -> ctx.submit(OrderRequest.limit(OrderSide.BUY, new BigDecimal("0.01"),
                new BigDecimal("60000.00")));
        k.onTick(tick(1, 64000.00));
        k.stop("user asked");
        assertThat(k.openOrders()).isEmpty();
        assertThat(rec.stops).containsExactly("user asked");
        assertThat(k.isRunning()).isFalse();
        assertThat(sim.query("7-1").orElseThrow().status()).isEqualTo(OrderStatus.CANCELED);
    }

    @Test
    void aFailingStrategyStopsTheBotWithAnError() {
        BotKernel k = kernel();
        strategy.onTick = (ctx, t) -> { throw new IllegalStateException("boom"); };
        k.onTick(tick(1, 64000.00));
        assertThat(rec.stops).containsExactly("error: strategy error: boom");
        assertThat(k.isRunning()).isFalse();
    }

    @Test
    void botLimitsSeeTheOrdersAlreadyWorking() {
        BotKernel k = BotKernel.builder("7", BTC, strategy).exchange(sim::connect).matchOn(MatchingData.TICKS).journal(rec).listener(rec)
                .risk(new dev.botfleet.engine.risk.RiskEngine(
                        new dev.botfleet.engine.risk.RiskLimits(new BigDecimal("0.015"), 1, null)))
                .build();
        k.start(T0);
        List<OrderSnapshot> results = new ArrayList<>();
        strategy.onTick = (ctx, t) -> {
            results.add(ctx.submit(OrderRequest.limit(OrderSide.BUY, new BigDecimal("0.01"), new BigDecimal("60000.00"))));
            results.add(ctx.submit(OrderRequest.limit(OrderSide.BUY, new BigDecimal("0.01"), new BigDecimal("59000.00"))));
        };
        k.onTick(tick(1, 64000.00));
        assertThat(results).extracting(OrderSnapshot::status).containsExactly(OrderStatus.SUBMITTED, OrderStatus.DENIED);
        assertThat(results.get(1).reason()).isEqualTo("This bot already has 1 open orders, its limit is 1.");
    }

    @Test
    void eventsForUnknownOrdersAndImpossibleTransitionsAreIgnoredWithAWarning() {
        BotKernel k = kernel();
        k.onOrderEvent(new dev.botfleet.engine.order.OrderEvent.OrderCanceled("7-99", T0));
        assertThat(rec.activity.getLast().level()).isEqualTo(dev.botfleet.engine.strategy.ActivityLevel.WARNING);
        assertThat(rec.activity.getLast().message()).isEqualTo("Ignored OrderCanceled for unknown order 7-99");

        strategy.onTick = (ctx, t) -> {
            if (ctx.openOrders().isEmpty()) ctx.submit(OrderRequest.limit(OrderSide.BUY, new BigDecimal("0.01"),
                    new BigDecimal("60000.00")));
        };
        k.onTick(tick(1, 64000.00));
        int journaled = rec.journal.size();
        k.onOrderEvent(new dev.botfleet.engine.order.OrderEvent.OrderSubmitted("7-1", T0));  // ACCEPTED cannot go back
        assertThat(rec.journal).hasSize(journaled);
        assertThat(rec.activity.getLast().message()).startsWith("Ignored an out-of-order event: order 7-1 is ACCEPTED");
        assertThat(k.openOrders()).extracting(OrderSnapshot::status).containsExactly(OrderStatus.ACCEPTED);
    }

    @Test
    void aRepeatedAckIsNeitherJournaledNorTold() {
        BotKernel k = kernel();
        strategy.onTick = (ctx, t) -> {
            if (ctx.openOrders().isEmpty()) ctx.submit(OrderRequest.limit(OrderSide.BUY, new BigDecimal("0.01"),
                    new BigDecimal("60000.00")));
        };
        k.onTick(tick(1, 64000.00));
        String venueId = k.openOrders().getFirst().exchangeOrderId();
        int journaled = rec.journal.size();
        int updates = rec.updates.size();
        int lines = rec.activity.size();

        k.onOrderEvent(new dev.botfleet.engine.order.OrderEvent.OrderAccepted("7-1", venueId, T0));  // the stream's copy

        assertThat(rec.journal).hasSize(journaled);
        assertThat(rec.updates).hasSize(updates);
        assertThat(rec.activity).hasSize(lines);
        assertThat(k.openOrders()).extracting(OrderSnapshot::status).containsExactly(OrderStatus.ACCEPTED);
    }

    @Test
    void theStrategySeesPositionAndBalancesThroughItsContext() {
        BotKernel k = kernel();
        List<String> seen = new ArrayList<>();
        strategy.onTick = (ctx, t) -> seen.add(ctx.positionQuantity().toPlainString() + " "
                + ctx.balance("USDT").orElseThrow().available().stripTrailingZeros().toPlainString() + " "
                + ctx.lastPrice() + " " + ctx.now() + " " + ctx.instrument().symbol() + " " + ctx.botId());
        k.onTick(tick(1, 64000.00));
        assertThat(seen).containsExactly("0 10000 64000.0 " + T0.plusSeconds(1) + " BTC/USDT 7");
    }
}
