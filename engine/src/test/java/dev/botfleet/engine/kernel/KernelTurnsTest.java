package dev.botfleet.engine.kernel;

import dev.botfleet.engine.market.Candle;
import dev.botfleet.engine.market.Timeframe;
import dev.botfleet.engine.order.Liquidity;
import dev.botfleet.engine.order.OrderEvent.OrderAccepted;
import dev.botfleet.engine.order.OrderEvent.OrderCanceled;
import dev.botfleet.engine.order.OrderEvent.OrderFilled;
import dev.botfleet.engine.order.OrderRequest;
import dev.botfleet.engine.order.OrderSide;
import dev.botfleet.engine.order.OrderSnapshot;
import dev.botfleet.engine.order.OrderStatus;
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
import java.util.function.BiConsumer;

import static dev.botfleet.engine.kernel.BotKernelTest.BTC;
import static dev.botfleet.engine.kernel.BotKernelTest.T0;
import static dev.botfleet.engine.kernel.BotKernelTest.tick;
import static org.assertj.core.api.Assertions.assertThat;

/** One input is one turn: what the listener sees, and that every turn settles before the next input. */
class KernelTurnsTest {
    final Recorder rec = new Recorder();
    final FakePort port = new FakePort();
    StrategyContext ctx;
    BiConsumer<StrategyContext, String> onTimer = (c, n) -> { };

    final Strategy strategy = new Strategy() {
        @Override public void onStart(StrategyContext c) { ctx = c; }
        @Override public void onTimer(StrategyContext c, String name) { onTimer.accept(c, name); }
    };

    BotKernel kernel() {
        BotKernel k = BotKernel.builder("7", BTC, strategy).exchange(port::connect).journal(rec).listener(rec).build();
        k.start(T0);
        return k;
    }

    static Instant at(long second) { return T0.plusSeconds(second); }

    static OrderRequest buy(String price) {
        return OrderRequest.limit(OrderSide.BUY, new BigDecimal("0.01"), new BigDecimal(price));
    }

    static OrderFilled filled(String id, String trade, OrderSide side, String price) {
        return new OrderFilled(id, trade, side, new BigDecimal(price), new BigDecimal("0.01"), BigDecimal.ZERO, "USDT",
                Liquidity.MAKER, T0);
    }

    @Test
    void theListenerIsToldOfEveryOrderUpdate() {
        BotKernel k = kernel();
        ctx.submit(buy("60000.00"));
        k.onOrderEvent(new OrderAccepted("7-1", "x", at(1)));
        k.cancel("7-1");
        k.onOrderEvent(new OrderCanceled("7-1", at(2)));
        assertThat(rec.updates).containsExactly("OrderSubmitted 7-1 SUBMITTED", "OrderAccepted 7-1 ACCEPTED",
                "OrderPendingCancel 7-1 PENDING_CANCEL", "OrderCanceled 7-1 CANCELED");
    }

    @Test
    void aDeniedOrderIsNeverAmongTheOpenOnes() {
        BotKernel k = kernel();
        OrderSnapshot denied = ctx.submit(buy("0"));
        assertThat(denied.status()).isEqualTo(OrderStatus.DENIED);
        assertThat(rec.updates).containsExactly("OrderDenied 7-1 DENIED");
        assertThat(k.openOrders()).isEmpty();
        assertThat(ctx.cancel("7-1")).isFalse();
        assertThat(ctx.cancel("7-99")).isFalse();
        assertThat(port.sent).isEmpty();
    }

    @Test
    void afterACandleTheNextEventIsHandledAtOnce() {
        BotKernel k = kernel();
        ctx.submit(buy("60000.00"));
        k.onCandle(new Candle("sim", "BTC/USDT", Timeframe.M1, T0.toEpochMilli(), 1, 1, 1, 1, 1));
        k.onOrderEvent(new OrderAccepted("7-1", "x", at(60)));
        assertThat(k.openOrders()).extracting(OrderSnapshot::status).containsExactly(OrderStatus.ACCEPTED);
    }

    @Test
    void afterAStopTheExchangesAnswersAreStillHandled() {
        BotKernel k = kernel();
        ctx.submit(buy("60000.00"));
        k.stop("user asked");
        assertThat(port.sent).containsExactly("submit 7-1", "cancel 7-1");
        k.onOrderEvent(new OrderCanceled("7-1", at(1)));
        assertThat(k.openOrders()).isEmpty();
        assertThat(rec.journal).endsWith("OrderCanceled 7-1 CANCELED");
    }

    @Test
    void aStopReportsTheCancelsItCausedBeforeSayingTheBotStopped() {
        SimExchange sim = new SimExchange(BTC, SimFillModel.DEFAULT, Map.of("USDT", new BigDecimal("10000")));
        BotKernel k = BotKernel.builder("7", BTC, strategy).exchange(sim::connect).matchOn(MatchingData.TICKS).journal(rec).listener(rec).build();
        k.start(T0);
        k.onTick(tick(1, 64000));
        ctx.submit(buy("60000.00"));
        k.stop("user asked");
        assertThat(rec.messages()).containsSubsequence("Canceled buy 0.01000 BTC at 60,000.00", "Bot stopped: user asked");
        assertThat(rec.messages().getLast()).isEqualTo("Bot stopped: user asked");
    }

    @Test
    void whatATimerCausesSettlesBeforeTheNextTimerRuns() {
        SimExchange sim = new SimExchange(BTC, SimFillModel.DEFAULT, Map.of("USDT", new BigDecimal("10000")));
        BotKernel k = BotKernel.builder("7", BTC, strategy).exchange(sim::connect).matchOn(MatchingData.TICKS).journal(rec).listener(rec).build();
        k.start(T0);
        k.onTick(tick(1, 64000));
        List<OrderStatus> seenByB = new ArrayList<>();
        onTimer = (c, name) -> {
            if (name.equals("a")) c.submit(buy("60000.00"));
            else seenByB.addAll(c.openOrders().stream().map(OrderSnapshot::status).toList());
        };
        ctx.scheduleTimer("a", at(5));
        ctx.scheduleTimer("b", at(5));
        k.advanceTo(at(5));
        assertThat(seenByB).containsExactly(OrderStatus.ACCEPTED);
    }

    @Test
    void aBreakEvenDealIsASuccessWithoutASign() {
        BotKernel k = kernel();
        ctx.submit(buy("60000.00"));
        k.onOrderEvent(filled("7-1", "t1", OrderSide.BUY, "60000.00"));
        ctx.submit(OrderRequest.limit(OrderSide.SELL, new BigDecimal("0.01"), new BigDecimal("60000.00")));
        k.onOrderEvent(filled("7-2", "t2", OrderSide.SELL, "60000.00"));
        assertThat(rec.activity.getLast().level()).isEqualTo(ActivityLevel.SUCCESS);
        assertThat(rec.activity.getLast().message()).isEqualTo("Round trip closed (signal): 0.00 USDT");
    }

    @Test
    void aFillRacingTheCancelOfAnyOfTheLast256ClosedOrdersIsStillBooked() {
        aLateFillFindsOnlyTheLastClosedOrders(kernel(), 256);
    }

    /** Closes {@code kept} + 1 orders: a late fill of the oldest but one is booked, of the oldest it is not. */
    private void aLateFillFindsOnlyTheLastClosedOrders(BotKernel k, int kept) {
        for (int i = 1; i <= kept + 1; i++) {
            String id = ctx.submit(buy("60000.00")).clientOrderId();
            k.onOrderEvent(new OrderCanceled(id, T0));
        }
        k.onOrderEvent(filled("7-2", "late-2", OrderSide.BUY, "60000.00"));   // the kept-th most recent
        assertThat(k.position().quantity()).isEqualByComparingTo("0.01");
        k.onOrderEvent(filled("7-1", "late-1", OrderSide.BUY, "60000.00"));   // forgotten by now
        assertThat(k.position().quantity()).isEqualByComparingTo("0.01");
        assertThat(rec.activity.getLast().message()).isEqualTo("Ignored OrderFilled for unknown order 7-1");
    }

    @Test
    void onAnExchangeThatMatchesInProcessAFillFindsTheLast8ClosedOrders() {
        SimExchange sim = new SimExchange(BTC, SimFillModel.DEFAULT, Map.of("USDT", new BigDecimal("100000")));
        BotKernel k = BotKernel.builder("7", BTC, strategy).exchange(sim::connect).matchOn(MatchingData.TICKS)
                .journal(rec).listener(rec).build();
        k.start(T0);
        aLateFillFindsOnlyTheLastClosedOrders(k, 8);
    }

    @Test
    void aRestartSettlesEachInFlightOrderBeforeLookingAtTheNext() {
        SimExchange sim = new SimExchange(BTC, SimFillModel.DEFAULT, Map.of("USDT", new BigDecimal("10000")));
        sim.onTick(tick(1, 64000));
        // 7-1 was journaled but never sent; 7-2 was acknowledged, but this exchange no longer has it
        OrderSnapshot unsent = ReconciliationOutcomesTest.order("7-1", OrderStatus.SUBMITTED, false);
        OrderSnapshot gone = ReconciliationOutcomesTest.order("7-2", OrderStatus.ACCEPTED, true);
        BotKernel k = BotKernel.builder("7", BTC, strategy).exchange(sim::connect).matchOn(MatchingData.TICKS).journal(rec).listener(rec)
                .state(new KernelState(3, List.of(unsent, gone), List.of())).build();
        k.start(at(10));
        assertThat(rec.journal).containsExactly("OrderAccepted 7-1 ACCEPTED", "OrderCanceled 7-2 CANCELED");
    }

    @Test
    void aCancelResentOnRestartIsSettledBeforeTheNextOrder() {
        SimExchange sim = new SimExchange(BTC, SimFillModel.DEFAULT, Map.of("USDT", new BigDecimal("10000")));
        sim.onTick(tick(1, 64000));
        OrderSnapshot pending = ReconciliationOutcomesTest.order("7-1", OrderStatus.PENDING_CANCEL, true);
        sim.restore(List.of(pending));   // the exchange still has it working: our cancel never arrived
        OrderSnapshot gone = ReconciliationOutcomesTest.order("7-2", OrderStatus.ACCEPTED, true);
        BotKernel k = BotKernel.builder("7", BTC, strategy).exchange(sim::connect).matchOn(MatchingData.TICKS).journal(rec).listener(rec)
                .state(new KernelState(3, List.of(pending, gone), List.of())).build();
        k.start(at(10));
        assertThat(rec.journal).containsExactly("OrderCanceled 7-1 CANCELED", "OrderCanceled 7-2 CANCELED");
    }
}
