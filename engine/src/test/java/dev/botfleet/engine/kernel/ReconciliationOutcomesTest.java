package dev.botfleet.engine.kernel;

import dev.botfleet.engine.exchange.OrderReport;
import dev.botfleet.engine.order.Liquidity;
import dev.botfleet.engine.order.OrderEvent.OrderFilled;
import dev.botfleet.engine.order.OrderSide;
import dev.botfleet.engine.order.OrderSnapshot;
import dev.botfleet.engine.order.OrderStatus;
import dev.botfleet.engine.order.OrderType;
import dev.botfleet.engine.order.TimeInForce;
import dev.botfleet.engine.strategy.ActivityLevel;
import dev.botfleet.engine.strategy.Strategy;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.botfleet.engine.kernel.BotKernelTest.BTC;
import static dev.botfleet.engine.kernel.BotKernelTest.T0;
import static org.assertj.core.api.Assertions.assertThat;

/** What a restart does with each in-flight order, for every answer the exchange can give about it. */
class ReconciliationOutcomesTest {
    static final Instant RESTART = T0.plusSeconds(100);
    final Recorder rec = new Recorder();
    final FakePort port = new FakePort();

    BotKernel restartWith(OrderSnapshot... open) {
        BotKernel k = BotKernel.builder("7", BTC, new Strategy() { }).exchange(port::connect).journal(rec)
                .listener(rec).state(new KernelState(10, List.of(open), List.of())).build();
        k.start(RESTART);
        return k;
    }

    static OrderSnapshot order(String id, OrderStatus status, boolean acknowledged) {
        return new OrderSnapshot("7", id, acknowledged ? "x-" + id : null, "sim", "BTC/USDT", OrderSide.BUY,
                OrderType.LIMIT, TimeInForce.GTC, new BigDecimal("60000.00"), new BigDecimal("0.02"), status,
                BigDecimal.ZERO, null, Map.of(), BigDecimal.ZERO, null, null, acknowledged, T0, T0, null);
    }

    static OrderFilled fill(String id, String trade) {
        return new OrderFilled(id, trade, OrderSide.BUY, new BigDecimal("60000.00"), new BigDecimal("0.01"),
                BigDecimal.ZERO, "USDT", Liquidity.MAKER, T0.plusSeconds(50));
    }

    void exchangeSays(String id, OrderStatus status, String reason, OrderFilled... fills) {
        BigDecimal filled = BigDecimal.ZERO;
        for (OrderFilled f : fills) filled = filled.add(f.quantity());
        port.reports.put(id, new OrderReport(id, "x-" + id, status, filled, List.of(fills), reason));
    }

    @Test
    void anAcknowledgedOrderTheExchangeNoLongerHasIsMarkedCanceledWithAWarning() {
        BotKernel k = restartWith(order("7-2", OrderStatus.ACCEPTED, true));
        assertThat(k.openOrders()).isEmpty();
        assertThat(rec.journal).containsExactly("OrderCanceled 7-2 CANCELED");
        assertThat(rec.activity).anySatisfy(a -> {
            assertThat(a.level()).isEqualTo(ActivityLevel.WARNING);
            assertThat(a.message()).isEqualTo("Order 7-2 is no longer on sim; marking it canceled");
        });
        assertThat(port.sent).isEmpty();
    }

    @Test
    void anOrderJournaledBeforeItWasMarkedSubmittedIsSubmittedAndSent() {
        BotKernel k = restartWith(order("7-2", OrderStatus.INITIALIZED, false));
        assertThat(rec.journal).containsExactly("OrderSubmitted 7-2 SUBMITTED");
        assertThat(port.sent).containsExactly("submit 7-2");
        assertThat(rec.messages()).contains("Resending order 7-2 that was not confirmed before the restart");
        assertThat(k.openOrders()).extracting(OrderSnapshot::status).containsExactly(OrderStatus.SUBMITTED);
    }

    @Test
    void aSubmittedOrderNeverConfirmedIsSentAgainWithoutANewJournalLine() {
        restartWith(order("7-2", OrderStatus.SUBMITTED, false));
        assertThat(rec.journal).isEmpty();
        assertThat(port.sent).containsExactly("submit 7-2");
    }

    @Test
    void anOrderTheExchangeAcceptedIsAcknowledged() {
        exchangeSays("7-2", OrderStatus.ACCEPTED, null);
        BotKernel k = restartWith(order("7-2", OrderStatus.SUBMITTED, false));
        assertThat(rec.journal).containsExactly("OrderAccepted 7-2 ACCEPTED");
        assertThat(k.openOrders()).singleElement().satisfies(o -> {
            assertThat(o.acknowledged()).isTrue();
            assertThat(o.exchangeOrderId()).isEqualTo("x-7-2");
        });
        assertThat(port.sent).isEmpty();
    }

    @Test
    void fillsTheJournalLacksAreAppliedOnceThenTheExchangesCancelIsAdopted() {
        exchangeSays("7-2", OrderStatus.CANCELED, null, fill("7-2", "t1"));
        BotKernel k = restartWith(order("7-2", OrderStatus.ACCEPTED, true));
        assertThat(rec.journal).containsExactly("fill 7-2 0.01@60000.00 PARTIALLY_FILLED", "OrderCanceled 7-2 CANCELED");
        assertThat(k.position().quantity()).isEqualByComparingTo("0.01");
        assertThat(k.openOrders()).isEmpty();
    }

    @Test
    void aFillAlreadyJournaledIsNotAppliedAgainOnRestart() {
        OrderFilled journaled = fill("7-2", "t1");
        exchangeSays("7-2", OrderStatus.FILLED, null, journaled, fill("7-2", "t2"));
        OrderSnapshot partially = new OrderSnapshot("7", "7-2", "x-7-2", "sim", "BTC/USDT", OrderSide.BUY,
                OrderType.LIMIT, TimeInForce.GTC, new BigDecimal("60000.00"), new BigDecimal("0.02"),
                OrderStatus.PARTIALLY_FILLED, new BigDecimal("0.01"), new BigDecimal("60000.00"), Map.of(),
                BigDecimal.ZERO, null, null, true, T0, T0, null);
        dev.botfleet.engine.order.Fill booked = new dev.botfleet.engine.order.Fill("7", "7-2", "t1", "sim", "BTC/USDT",
                OrderSide.BUY, journaled.price(), journaled.quantity(), BigDecimal.ZERO, "USDT", Liquidity.MAKER,
                BigDecimal.ZERO, journaled.timestamp());
        BotKernel k = BotKernel.builder("7", BTC, new Strategy() { }).exchange(port::connect).journal(rec)
                .listener(rec).state(new KernelState(10, List.of(partially), List.of(booked))).build();
        k.start(RESTART);
        assertThat(rec.journal).containsExactly("fill 7-2 0.01@60000.00 FILLED");
        assertThat(k.position().quantity()).isEqualByComparingTo("0.02");
    }

    @Test
    void anExpiryTheBotMissedIsAdopted() {
        exchangeSays("7-2", OrderStatus.EXPIRED, null);
        restartWith(order("7-2", OrderStatus.ACCEPTED, true));
        assertThat(rec.journal).containsExactly("OrderExpired 7-2 EXPIRED");
    }

    @Test
    void aRejectionIsAdoptedWithTheExchangesReasonOrAPlainOne() {
        exchangeSays("7-2", OrderStatus.REJECTED, "lot size");
        exchangeSays("7-3", OrderStatus.REJECTED, null);
        restartWith(order("7-2", OrderStatus.SUBMITTED, false), order("7-3", OrderStatus.SUBMITTED, false));
        assertThat(rec.journal).containsExactly("OrderRejected 7-2 REJECTED", "OrderRejected 7-3 REJECTED");
        assertThat(rec.orders).extracting(OrderSnapshot::reason).containsExactly("lot size", "rejected");
        assertThat(port.sent).isEmpty();
    }

    @Test
    void aCancelThatNeverReachedTheExchangeIsSentAgain() {
        exchangeSays("7-2", OrderStatus.ACCEPTED, null);
        exchangeSays("7-3", OrderStatus.PARTIALLY_FILLED, null);
        BotKernel k = restartWith(order("7-2", OrderStatus.PENDING_CANCEL, true),
                order("7-3", OrderStatus.PENDING_CANCEL, true));
        assertThat(port.sent).containsExactly("cancel 7-2", "cancel 7-3");
        assertThat(k.openOrders()).extracting(OrderSnapshot::status)
                .containsOnly(OrderStatus.PENDING_CANCEL);
    }

    @Test
    void aWorkingOrderTheExchangeAlsoSeesWorkingIsLeftAlone() {
        exchangeSays("7-2", OrderStatus.ACCEPTED, null);
        exchangeSays("7-3", OrderStatus.PARTIALLY_FILLED, null);
        restartWith(order("7-2", OrderStatus.ACCEPTED, true), order("7-3", OrderStatus.ACCEPTED, true));
        assertThat(port.sent).isEmpty();
        assertThat(rec.journal).isEmpty();
    }
}
