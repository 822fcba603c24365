package dev.botfleet.engine.kernel;

import dev.botfleet.engine.order.CloseReason;
import dev.botfleet.engine.order.Fill;
import dev.botfleet.engine.order.Liquidity;
import dev.botfleet.engine.order.OrderEvent;
import dev.botfleet.engine.order.OrderEvent.OrderAccepted;
import dev.botfleet.engine.order.OrderEvent.OrderCanceled;
import dev.botfleet.engine.order.OrderEvent.OrderFilled;
import dev.botfleet.engine.order.OrderRequest;
import dev.botfleet.engine.order.OrderSide;
import dev.botfleet.engine.order.OrderSnapshot;
import dev.botfleet.engine.order.OrderStatus;
import dev.botfleet.engine.position.Deal;
import dev.botfleet.engine.strategy.ActivityLevel;
import dev.botfleet.engine.strategy.Strategy;
import dev.botfleet.engine.strategy.StrategyContext;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.botfleet.engine.kernel.BotKernelTest.BTC;
import static dev.botfleet.engine.kernel.BotKernelTest.T0;
import static dev.botfleet.engine.kernel.BotKernelTest.tick;
import static org.assertj.core.api.Assertions.assertThat;

/** The kernel behind a port that answers later and out of order, as a live exchange does. */
class KernelAsyncPortTest {
    final Recorder rec = new Recorder();
    final FakePort port = new FakePort();
    final List<String> seen = new ArrayList<>();
    StrategyContext ctx;

    /** Keeps its context so the test can act as the strategy; records what it is told. */
    final Strategy strategy = new Strategy() {
        @Override public void onStart(StrategyContext c) { ctx = c; }
        @Override public void onFill(StrategyContext c, OrderSnapshot o, Fill f) {
            seen.add("fill " + o.clientOrderId() + " " + o.status());
        }
        @Override public void onOrderUpdate(StrategyContext c, OrderSnapshot o, OrderEvent e) {
            seen.add(e.getClass().getSimpleName() + " " + o.clientOrderId() + " " + o.status());
        }
    };

    BotKernel kernel() {
        BotKernel k = BotKernel.builder("7", BTC, strategy).exchange(port::connect).journal(rec).listener(rec).build();
        k.start(T0);
        return k;
    }

    static Instant at(long second) { return T0.plusSeconds(second); }

    static OrderFilled filled(String id, String trade, OrderSide side, String qty, String price, long second) {
        BigDecimal fee = new BigDecimal(price).multiply(new BigDecimal(qty)).multiply(new BigDecimal("0.001"));
        return new OrderFilled(id, trade, side, new BigDecimal(price), new BigDecimal(qty), fee, "USDT",
                Liquidity.MAKER, at(second));
    }

    /** Places a limit order as the strategy and has the exchange acknowledge it. */
    String place(BotKernel k, OrderRequest request) {
        String id = ctx.submit(request).clientOrderId();
        k.onOrderEvent(new OrderAccepted(id, "x-" + id, k.clock()));
        return id;
    }

    static OrderRequest limit(OrderSide side, String qty, String price) {
        return OrderRequest.limit(side, new BigDecimal(qty), new BigDecimal(price));
    }

    @Test
    void aFillThatRacesACancelStillReachesPositionJournalAndStrategy() {
        BotKernel k = kernel();
        String id = place(k, limit(OrderSide.BUY, "0.01", "60000.00"));
        assertThat(k.cancel(id)).isTrue();
        k.onOrderEvent(new OrderCanceled(id, at(2)));
        assertThat(k.openOrders()).isEmpty();

        // the exchange had filled it before the cancel arrived; the fill report comes last
        k.onOrderEvent(filled(id, "t1", OrderSide.BUY, "0.01", "60000.00", 1));

        assertThat(k.position().quantity()).isEqualByComparingTo("0.01");
        assertThat(k.position().averageEntryPrice()).isEqualByComparingTo("60000");
        assertThat(rec.fills).extracting(Fill::tradeId).containsExactly("t1");
        assertThat(rec.journal).endsWith("OrderCanceled 7-1 CANCELED", "fill 7-1 0.01@60000.00 FILLED");
        assertThat(seen).endsWith("fill 7-1 FILLED");
        assertThat(k.openOrders()).isEmpty();
    }

    @Test
    void aRacingFillThatClosesThePositionCompletesTheDealWithItsPnl() {
        BotKernel k = kernel();
        String buy = place(k, limit(OrderSide.BUY, "0.01", "60000.00"));
        k.onOrderEvent(filled(buy, "b1", OrderSide.BUY, "0.01", "60000.00", 1));
        String sell = place(k, limit(OrderSide.SELL, "0.01", "61000.00").closing(CloseReason.TAKE_PROFIT));
        k.cancel(sell);
        k.onOrderEvent(new OrderCanceled(sell, at(3)));
        k.onOrderEvent(filled(sell, "s1", OrderSide.SELL, "0.01", "61000.00", 2));

        assertThat(k.position().isFlat()).isTrue();
        // 610 - 600 - 0.6 - 0.61
        assertThat(k.position().realizedPnl()).isEqualByComparingTo("8.79");
        assertThat(rec.deals).singleElement().satisfies(d -> {
            assertThat(d.pnl()).isEqualByComparingTo("8.79");
            assertThat(d.closeReason()).isEqualTo(CloseReason.TAKE_PROFIT);
            assertThat(d.direction()).isEqualTo(Deal.Direction.LONG);
        });
        assertThat(rec.activity).anySatisfy(a -> {
            assertThat(a.level()).isEqualTo(ActivityLevel.SUCCESS);
            assertThat(a.message()).isEqualTo("Round trip closed (take profit): +8.79 USDT");
        });
    }

    @Test
    void aLosingDealIsAWarning() {
        BotKernel k = kernel();
        String buy = place(k, limit(OrderSide.BUY, "0.01", "60000.00"));
        k.onOrderEvent(filled(buy, "b1", OrderSide.BUY, "0.01", "60000.00", 1));
        String sell = place(k, limit(OrderSide.SELL, "0.01", "59000.00").closing(CloseReason.STOP_LOSS));
        k.onOrderEvent(filled(sell, "s1", OrderSide.SELL, "0.01", "59000.00", 2));
        assertThat(rec.activity.getLast().level()).isEqualTo(ActivityLevel.WARNING);
        // 590 - 600 - 0.6 - 0.59
        assertThat(rec.activity.getLast().message()).isEqualTo("Round trip closed (stop loss): -11.19 USDT");
    }

    @Test
    void aFillTheOrderCannotTakeIsIgnoredWithAWarning() {
        BotKernel k = kernel();
        String id = place(k, limit(OrderSide.BUY, "0.01", "60000.00"));
        k.onOrderEvent(filled(id, "t1", OrderSide.BUY, "0.01", "60000.00", 1));
        int journaled = rec.journal.size();
        k.onOrderEvent(filled(id, "t2", OrderSide.BUY, "0.01", "60000.00", 2));   // FILLED takes no new trade
        assertThat(rec.journal).hasSize(journaled);
        assertThat(k.position().quantity()).isEqualByComparingTo("0.01");
        assertThat(rec.activity.getLast().level()).isEqualTo(ActivityLevel.WARNING);
        assertThat(rec.activity.getLast().message()).startsWith("Ignored a fill the order cannot take: order 7-1 is FILLED");
    }

    @Test
    void aPartialFillKeepsTheOrderWorkingAndSaysHowMuchIsFilled() {
        BotKernel k = kernel();
        String id = place(k, limit(OrderSide.BUY, "0.03", "60000.00"));
        k.onOrderEvent(filled(id, "t1", OrderSide.BUY, "0.01", "60000.00", 1));
        assertThat(k.openOrders()).extracting(OrderSnapshot::status).containsExactly(OrderStatus.PARTIALLY_FILLED);
        assertThat(rec.messages()).contains("Bought 0.01000 BTC at 60,000.00 on sim (0.01000 of 0.03000 filled)");
        assertThat(seen).endsWith("fill 7-1 PARTIALLY_FILLED");
    }

    @Test
    void exchangeOutcomesAreToldInPlainWordsAndEndTheOrder() {
        BotKernel k = kernel();
        String canceled = place(k, limit(OrderSide.BUY, "0.01", "60000.00"));
        String expired = place(k, limit(OrderSide.SELL, "0.01", "70000.00"));
        String rejected = ctx.submit(limit(OrderSide.BUY, "0.02", "50000.00")).clientOrderId();
        k.onOrderEvent(new OrderCanceled(canceled, at(1)));
        k.onOrderEvent(new OrderEvent.OrderExpired(expired, at(1)));
        k.onOrderEvent(new OrderEvent.OrderRejected(rejected, "price out of band", at(1)));

        assertThat(rec.activity).extracting(ActivityEntry::level, ActivityEntry::message).contains(
                org.assertj.core.groups.Tuple.tuple(ActivityLevel.INFO, "Canceled buy 0.01000 BTC at 60,000.00"),
                org.assertj.core.groups.Tuple.tuple(ActivityLevel.INFO, "Expired sell 0.01000 BTC at 70,000.00"),
                org.assertj.core.groups.Tuple.tuple(ActivityLevel.ERROR,
                        "sim rejected the order to buy 0.02000 BTC at 50,000.00: price out of band"));
        assertThat(k.openOrders()).isEmpty();
        assertThat(seen).contains("OrderExpired 7-2 EXPIRED", "OrderRejected 7-3 REJECTED");
    }

    @Test
    void aRefusedCancelIsAWarningAndTheOrderKeepsWorking() {
        BotKernel k = kernel();
        String id = place(k, limit(OrderSide.BUY, "0.01", "60000.00"));
        k.cancel(id);
        k.onOrderEvent(new OrderEvent.OrderCancelRejected(id, "busy", at(1)));
        assertThat(rec.activity.getLast().level()).isEqualTo(ActivityLevel.WARNING);
        assertThat(rec.activity.getLast().message())
                .isEqualTo("sim refused to cancel the order to buy 0.01000 BTC at 60,000.00: busy");
        assertThat(k.openOrders()).extracting(OrderSnapshot::status).containsExactly(OrderStatus.ACCEPTED);
    }

    @Test
    void aCancelAskedTwiceIsSentTwiceButJournaledOnce() {
        BotKernel k = kernel();
        String id = place(k, limit(OrderSide.BUY, "0.01", "60000.00"));
        assertThat(k.cancel(id)).isTrue();
        assertThat(k.cancel(id)).isTrue();
        assertThat(port.sent).containsExactly("submit 7-1", "cancel 7-1", "cancel 7-1");
        assertThat(rec.journal).filteredOn(l -> l.startsWith("OrderPendingCancel")).hasSize(1);
        assertThat(k.cancel("7-99")).isFalse();
    }

    @Test
    void placedOrdersAreDescribedByType() {
        BotKernel k = kernel();
        ctx.submit(limit(OrderSide.BUY, "0.01", "60000.00"));
        k.onTick(tick(1, 60000.00));   // a market order is checked at the last price
        ctx.submit(OrderRequest.market(OrderSide.SELL, new BigDecimal("0.01")));
        ctx.submit(OrderRequest.stopMarket(OrderSide.SELL, new BigDecimal("0.01"), new BigDecimal("58000.00")));
        assertThat(rec.messages()).contains(
                "Placed limit order to buy 0.01000 BTC at 60,000.00 on sim",
                "Placed market order to sell 0.01000 BTC on sim",
                "Placed stop order to sell 0.01000 BTC when the price reaches 58,000.00 on sim");
    }

    @Test
    void anOrderThatCouldNotBeSentStaysSubmittedForReconciliation() {
        BotKernel k = kernel();
        port.failSubmit = new IllegalStateException("connection reset");
        OrderSnapshot s = ctx.submit(limit(OrderSide.BUY, "0.01", "60000.00"));
        assertThat(s.status()).isEqualTo(OrderStatus.SUBMITTED);
        assertThat(k.openOrders()).extracting(OrderSnapshot::status).containsExactly(OrderStatus.SUBMITTED);
        assertThat(rec.activity.getLast().level()).isEqualTo(ActivityLevel.ERROR);
        assertThat(rec.activity.getLast().message()).isEqualTo("Could not send order 7-1 to sim: connection reset. "
                + "It will be checked against the exchange on restart.");
        assertThat(k.isRunning()).isTrue();
    }

    @Test
    void riskChecksCountOnlyWhatIsStillUnfilledOfWorkingOrders() {
        BotKernel k = BotKernel.builder("7", BTC, strategy).exchange(port::connect).journal(rec).listener(rec)
                .risk(new dev.botfleet.engine.risk.RiskEngine(
                        new dev.botfleet.engine.risk.RiskLimits(new BigDecimal("0.05"), 10, null)))
                .build();
        k.start(T0);
        String first = place(k, limit(OrderSide.BUY, "0.03", "60000.00"));
        k.onOrderEvent(filled(first, "t1", OrderSide.BUY, "0.01", "60000.00", 1));
        // position 0.01 + unfilled 0.02 + 0.02 = 0.05: at the limit
        assertThat(ctx.submit(limit(OrderSide.BUY, "0.02", "59000.00")).status()).isEqualTo(OrderStatus.SUBMITTED);
        // one more lot would exceed it
        assertThat(ctx.submit(limit(OrderSide.BUY, "0.0001", "59000.00")).reason())
                .startsWith("The position would reach 0.0501 BTC");
        // working sells count on their own side: from +0.01 with 0.01 offered, selling 0.05 more reaches -0.05
        String sell = place(k, limit(OrderSide.SELL, "0.01", "70000.00"));
        assertThat(sell).isEqualTo("7-4");
        assertThat(ctx.submit(limit(OrderSide.SELL, "0.05", "70000.00")).status()).isEqualTo(OrderStatus.SUBMITTED);
        assertThat(ctx.submit(limit(OrderSide.SELL, "0.01", "70000.00")).reason())
                .startsWith("The position would reach 0.06 BTC");
    }

    @Test
    void riskChecksSeeTheBalancesAndTheLastPriceThroughThePort() {
        BotKernel k = kernel();
        port.balance("USDT", "100");
        port.balance("BTC", "0.001");
        k.onTick(tick(1, 64000.004));
        // market buy valued at the last price on the tick grid: 0.01 * 64000.00 * 1.001 > 100 USDT
        assertThat(ctx.submit(OrderRequest.market(OrderSide.BUY, new BigDecimal("0.01"))).reason())
                .isEqualTo("Buying 0.01 BTC needs 640.64 USDT with fees, only 100.00 USDT is available.");
        assertThat(ctx.submit(OrderRequest.market(OrderSide.SELL, new BigDecimal("0.01"))).reason())
                .isEqualTo("Selling 0.01 BTC needs 0.01 BTC, only 0.001 BTC is available.");
        assertThat(ctx.balance("BTC")).hasValueSatisfying(b -> assertThat(b.available()).isEqualByComparingTo("0.001"));
    }

    @Test
    void thePositionIsMarkedAtTheLastPriceOnTheTickGrid() {
        BotKernel k = kernel();
        String id = place(k, limit(OrderSide.BUY, "0.01", "60000.00"));
        k.onOrderEvent(filled(id, "t1", OrderSide.BUY, "0.01", "60000.00", 1));
        k.onTick(tick(2, 61000.006));
        assertThat(k.position().lastPrice()).isEqualByComparingTo("61000.01");
        assertThat(k.position().unrealizedPnl()).isEqualByComparingTo("10.0001");
        assertThat(ctx.lastPrice()).isEqualTo(61000.006);
    }

    @Test
    void cancelAllCancelsEveryWorkingOrder() {
        BotKernel k = kernel();
        place(k, limit(OrderSide.BUY, "0.01", "60000.00"));
        place(k, limit(OrderSide.SELL, "0.01", "70000.00"));
        ctx.cancelAll();
        assertThat(port.sent).containsExactly("submit 7-1", "submit 7-2", "cancel 7-1", "cancel 7-2");
        assertThat(ctx.openOrders()).extracting(OrderSnapshot::status)
                .containsExactly(OrderStatus.PENDING_CANCEL, OrderStatus.PENDING_CANCEL);
        assertThat(ctx.cancel("7-1")).isTrue();
    }

    @Test
    void theStrategysOwnLogLinesReachTheActivityLog() {
        BotKernel k = kernel();
        k.advanceTo(at(5));
        ctx.log(ActivityLevel.WARNING, "spread too wide");
        assertThat(rec.activity.getLast()).isEqualTo(new ActivityEntry("7", ActivityLevel.WARNING, "spread too wide",
                at(5)));
    }
}
