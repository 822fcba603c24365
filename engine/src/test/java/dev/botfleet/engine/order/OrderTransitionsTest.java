package dev.botfleet.engine.order;

import dev.botfleet.engine.order.OrderEvent.OrderAccepted;
import dev.botfleet.engine.order.OrderEvent.OrderCancelRejected;
import dev.botfleet.engine.order.OrderEvent.OrderCanceled;
import dev.botfleet.engine.order.OrderEvent.OrderDenied;
import dev.botfleet.engine.order.OrderEvent.OrderExpired;
import dev.botfleet.engine.order.OrderEvent.OrderFilled;
import dev.botfleet.engine.order.OrderEvent.OrderPendingCancel;
import dev.botfleet.engine.order.OrderEvent.OrderRejected;
import dev.botfleet.engine.order.OrderEvent.OrderSubmitted;
import dev.botfleet.engine.risk.DenialReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.botfleet.engine.order.OrderTest.ID;
import static dev.botfleet.engine.order.OrderTest.T;
import static dev.botfleet.engine.order.OrderTest.accepted;
import static dev.botfleet.engine.order.OrderTest.buy;
import static dev.botfleet.engine.order.OrderTest.fill;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The order state machine, event by event: what each event does from each status it may arrive in. */
class OrderTransitionsTest {
    static final Instant LATER = T.plusSeconds(60);

    static Order submitted() {
        Order o = buy("1", "100");
        o.apply(new OrderSubmitted(ID, T));
        return o;
    }

    static OrderFilled sell(String tradeId, String qty) {
        return new OrderFilled(ID, tradeId, OrderSide.SELL, new BigDecimal("100"), new BigDecimal(qty),
                BigDecimal.ZERO, "USDT", Liquidity.TAKER, T);
    }

    static OrderFilled fillAt(String tradeId, String qty, String price, String fee, String feeCurrency, Instant at) {
        return new OrderFilled(ID, tradeId, OrderSide.BUY, new BigDecimal(price), new BigDecimal(qty),
                new BigDecimal(fee), feeCurrency, Liquidity.MAKER, at);
    }

    /** An order in {@code status}, reached through the events a real exchange would send. */
    static Order in(OrderStatus status) {
        Order o = buy("1", "100");
        switch (status) {
            case INITIALIZED -> { }
            case DENIED -> o.apply(new OrderDenied(ID, DenialReason.KILL_SWITCH, "off", T));
            case SUBMITTED -> o.apply(new OrderSubmitted(ID, T));
            case ACCEPTED -> o = accepted("1", "100");
            case PARTIALLY_FILLED -> {
                o = accepted("1", "100");
                o.apply(fill("p1", "0.4", "100"));
            }
            case FILLED -> {
                o = accepted("1", "100");
                o.apply(fill("f1", "1", "100"));
            }
            case PENDING_CANCEL -> {
                o = accepted("1", "100");
                o.apply(new OrderPendingCancel(ID, T));
            }
            case CANCELED -> {
                o = accepted("1", "100");
                o.apply(new OrderCanceled(ID, T));
            }
            case REJECTED -> {
                o.apply(new OrderSubmitted(ID, T));
                o.apply(new OrderRejected(ID, "no", T));
            }
            case EXPIRED -> {
                o = accepted("1", "100");
                o.apply(new OrderExpired(ID, T));
            }
        }
        assertThat(o.status()).isEqualTo(status);
        return o;
    }

    // ---------------------------------------------------------------- the ack

    @Test
    void anAckAfterAPartialFillLeavesTheOrderPartiallyFilled() {
        // a live exchange may report the first fill before the ack of the same order
        Order o = submitted();
        o.apply(fill("t1", "0.4", "100"));
        assertThat(o.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);

        assertThat(o.apply(new OrderAccepted(ID, "x-9", LATER))).isTrue();

        assertThat(o.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(o.exchangeOrderId()).isEqualTo("x-9");
        assertThat(o.filledQuantity()).isEqualByComparingTo("0.4");
        assertThat(o.updatedAt()).isEqualTo(LATER);
        // and it keeps working: the rest fills it
        o.apply(fill("t2", "0.6", "100"));
        assertThat(o.status()).isEqualTo(OrderStatus.FILLED);
    }

    @Test
    void anAckWhilePendingCancelWithAPartialFillReturnsToPartiallyFilled() {
        Order o = in(OrderStatus.PENDING_CANCEL);
        o.apply(fill("t1", "0.5", "100"));
        o.apply(new OrderAccepted(ID, "x-1", T));
        assertThat(o.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
    }

    @Test
    void anAckStraightFromInitializedIsAccepted() {
        Order o = buy("1", "100");
        o.apply(new OrderAccepted(ID, "x-1", T));
        assertThat(o.status()).isEqualTo(OrderStatus.ACCEPTED);
        assertThat(o.acknowledged()).isTrue();
    }

    @Test
    void anAckWithoutAnExchangeIdKeepsTheOneKnown() {
        Order o = in(OrderStatus.PENDING_CANCEL);
        o.apply(new OrderAccepted(ID, null, T));
        assertThat(o.exchangeOrderId()).isEqualTo("x-1");
    }

    @Test
    void onlySubmittingAndAcksAcknowledgeNotTheSubmitItself() {
        Order o = submitted();
        assertThat(o.acknowledged()).isFalse();
        assertThat(o.status()).isEqualTo(OrderStatus.SUBMITTED);
        assertThat(o.updatedAt()).isEqualTo(T);
    }

    @ParameterizedTest
    @EnumSource(value = OrderStatus.class, names = {"DENIED", "ACCEPTED", "FILLED", "CANCELED", "REJECTED", "EXPIRED"})
    void anAckIsRefusedWhereItMeansNothing(OrderStatus from) {
        assertRefused(in(from), new OrderAccepted(ID, "x-2", LATER));
    }

    // ---------------------------------------------------------------- expiry

    @ParameterizedTest
    @EnumSource(value = OrderStatus.class, names = {"INITIALIZED", "ACCEPTED", "PARTIALLY_FILLED", "PENDING_CANCEL"})
    void aWorkingOrderCanExpire(OrderStatus from) {
        Order o = in(from);
        BigDecimal filled = o.filledQuantity();
        assertThat(o.apply(new OrderExpired(ID, LATER))).isTrue();
        assertThat(o.status()).isEqualTo(OrderStatus.EXPIRED);
        assertThat(o.status().isTerminal()).isTrue();
        assertThat(o.acknowledged()).isTrue();
        assertThat(o.updatedAt()).isEqualTo(LATER);
        assertThat(o.filledQuantity()).isEqualByComparingTo(filled);
    }

    @ParameterizedTest
    @EnumSource(value = OrderStatus.class, names = {"SUBMITTED", "DENIED", "FILLED", "CANCELED", "REJECTED"})
    void expiryIsRefusedWhereItMeansNothing(OrderStatus from) {
        assertRefused(in(from), new OrderExpired(ID, LATER));
    }

    @Test
    void aCancelByTheExchangeAcknowledgesAnOrderNeverAcked() {
        Order o = submitted();
        o.apply(new OrderCanceled(ID, LATER));
        assertThat(o.status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(o.acknowledged()).isTrue();
        assertThat(o.updatedAt()).isEqualTo(LATER);
    }

    // ---------------------------------------------------------------- the other events, status by status

    @ParameterizedTest
    @EnumSource(value = OrderStatus.class, names = {"INITIALIZED", "SUBMITTED", "PENDING_CANCEL"})
    void aRejectionIsTerminalWithTheExchangesReason(OrderStatus from) {
        Order o = in(from);
        o.apply(new OrderRejected(ID, "price too far", LATER));
        assertThat(o.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(o.reason()).isEqualTo("price too far");
        assertThat(o.updatedAt()).isEqualTo(LATER);
    }

    @ParameterizedTest
    @EnumSource(value = OrderStatus.class, names = {"ACCEPTED", "PARTIALLY_FILLED", "FILLED", "CANCELED", "EXPIRED"})
    void aRejectionOfAWorkingOrFinishedOrderIsRefused(OrderStatus from) {
        assertRefused(in(from), new OrderRejected(ID, "late", LATER));
    }

    @ParameterizedTest
    @EnumSource(value = OrderStatus.class, names = {"SUBMITTED", "ACCEPTED", "PARTIALLY_FILLED", "FILLED",
            "CANCELED", "REJECTED", "EXPIRED", "DENIED"})
    void denialAndSubmissionHappenOnlyOnAFreshOrder(OrderStatus from) {
        assertRefused(in(from), new OrderDenied(ID, DenialReason.KILL_SWITCH, "off", LATER));
        assertRefused(in(from), new OrderSubmitted(ID, LATER));
    }

    @Test
    void aDenialKeepsItsMessageAndTime() {
        Order o = buy("1", "100");
        o.apply(new OrderDenied(ID, DenialReason.MAX_OPEN_ORDERS_EXCEEDED, "too many", LATER));
        assertThat(o.snapshot().reason()).isEqualTo("too many");
        assertThat(o.updatedAt()).isEqualTo(LATER);
        assertThat(o.acknowledged()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = OrderStatus.class, names = {"INITIALIZED", "DENIED", "FILLED", "CANCELED", "REJECTED", "EXPIRED"})
    void aCancelCannotBePendingForAnOrderThatIsNotWorking(OrderStatus from) {
        assertRefused(in(from), new OrderPendingCancel(ID, LATER));
    }

    @Test
    void aCancelSentFromSubmittedThenRefusedReturnsToSubmitted() {
        Order o = submitted();
        o.apply(new OrderPendingCancel(ID, T));
        o.apply(new OrderCancelRejected(ID, "unknown order", LATER));
        assertThat(o.status()).isEqualTo(OrderStatus.SUBMITTED);
        assertThat(o.updatedAt()).isEqualTo(LATER);
    }

    @Test
    void aSecondPendingCancelDoesNotForgetWhereARefusalReturnsTo() {
        Order o = in(OrderStatus.PARTIALLY_FILLED);
        o.apply(new OrderPendingCancel(ID, T));
        o.apply(new OrderPendingCancel(ID, T));   // the cancel sent again
        o.apply(new OrderCancelRejected(ID, "busy", T));
        assertThat(o.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
    }

    @ParameterizedTest
    @EnumSource(value = OrderStatus.class, names = {"INITIALIZED", "SUBMITTED", "ACCEPTED", "PARTIALLY_FILLED",
            "FILLED", "CANCELED", "REJECTED", "EXPIRED", "DENIED"})
    void aCancelRefusalWithoutAPendingCancelIsRefused(OrderStatus from) {
        assertRefused(in(from), new OrderCancelRejected(ID, "no", LATER));
    }

    @ParameterizedTest
    @EnumSource(value = OrderStatus.class, names = {"DENIED", "FILLED", "REJECTED", "EXPIRED"})
    void aCancelOfAFinishedOrderIsRefused(OrderStatus from) {
        assertRefused(in(from), new OrderCanceled(ID, LATER));
    }

    @ParameterizedTest
    @EnumSource(value = OrderStatus.class, names = {"INITIALIZED", "DENIED", "REJECTED", "EXPIRED"})
    void aFillIsRefusedByAnOrderTheExchangeNeverWorkedOrHasFinished(OrderStatus from) {
        assertRefused(in(from), fill("late", "0.1", "100"));
    }

    @Test
    void aFillOfAFilledOrderIsRefusedUnlessItIsTheSameTradeAgain() {
        Order o = in(OrderStatus.FILLED);
        assertThat(o.apply(fill("f1", "1", "100"))).isFalse();
        assertRefused(o, fill("f2", "0.1", "100"));
    }

    // ---------------------------------------------------------------- fills

    @Test
    void aFillOnTheWrongSideIsRefusedAndChangesNothing() {
        Order o = in(OrderStatus.ACCEPTED);
        assertThatThrownBy(() -> o.apply(sell("s1", "0.5")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("s1").hasMessageContaining("SELL").hasMessageContaining("BUY");
        assertThat(o.filledQuantity()).isEqualByComparingTo("0");
        assertThat(o.status()).isEqualTo(OrderStatus.ACCEPTED);
        assertThat(o.hasTrade("s1")).isFalse();
        assertThat(o.apply(fill("s1", "0.5", "100"))).isTrue();   // the trade id was not burnt
    }

    @Test
    void anEventForAnotherOrderIsRefusedAndChangesNothing() {
        Order o = in(OrderStatus.ACCEPTED);
        OrderFilled other = new OrderFilled("bot1-2", "t1", OrderSide.BUY, new BigDecimal("100"), BigDecimal.ONE,
                BigDecimal.ZERO, "USDT", Liquidity.MAKER, T);
        assertThatThrownBy(() -> o.apply(other)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bot1-2").hasMessageContaining(ID);
        assertThatThrownBy(() -> o.apply(new OrderCanceled("bot1-2", T))).isInstanceOf(IllegalArgumentException.class);
        assertThat(o.status()).isEqualTo(OrderStatus.ACCEPTED);
        assertThat(o.filledQuantity()).isEqualByComparingTo("0");
    }

    @Test
    void aFillBeforeTheAckAcknowledgesTheOrder() {
        Order o = submitted();
        o.apply(fillAt("t1", "0.25", "100", "0", "USDT", LATER));
        assertThat(o.acknowledged()).isTrue();
        assertThat(o.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(o.updatedAt()).isEqualTo(LATER);
        assertThat(o.hasTrade("t1")).isTrue();
        assertThat(o.hasTrade("t2")).isFalse();
    }

    @Test
    void aFillOfExactlyTheQuantityFillsWithoutOverfillAndLeavesNothing() {
        Order o = in(OrderStatus.ACCEPTED);
        o.apply(fill("t1", "0.6", "100"));
        assertThat(o.remainingQuantity()).isEqualByComparingTo("0.4");
        o.apply(fill("t2", "0.4", "100"));
        assertThat(o.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(o.overfill()).isEqualByComparingTo("0");
        assertThat(o.remainingQuantity()).isEqualByComparingTo("0");
    }

    @Test
    void anOverfilledOrderHasNothingRemaining() {
        Order o = in(OrderStatus.ACCEPTED);
        o.apply(fill("t1", "1.5", "100"));
        assertThat(o.remainingQuantity()).isEqualByComparingTo("0");
        assertThat(o.overfill()).isEqualByComparingTo("0.5");
    }

    @Test
    void feesAddUpPerCurrencyInTheOrderFirstCharged() {
        Order o = in(OrderStatus.ACCEPTED);
        o.apply(fillAt("t1", "0.2", "100", "0.02", "USDT", T));
        o.apply(fillAt("t2", "0.2", "100", "0.0002", "BNB", T));
        o.apply(fillAt("t3", "0.2", "100", "0.03", "USDT", T));
        assertThat(o.fees()).containsExactly(Map.entry("USDT", new BigDecimal("0.05")),
                Map.entry("BNB", new BigDecimal("0.0002")));
        assertThatThrownBy(() -> o.fees().put("X", BigDecimal.ONE)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aPartialFillWhilePendingCancelStaysPendingUntilTheAnswer() {
        Order o = in(OrderStatus.PENDING_CANCEL);
        o.apply(fill("t1", "0.5", "100"));
        assertThat(o.status()).isEqualTo(OrderStatus.PENDING_CANCEL);
        o.apply(new OrderCanceled(ID, T));
        assertThat(o.status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(o.filledQuantity()).isEqualByComparingTo("0.5");
    }

    @Test
    void aFullFillWhilePendingCancelFillsTheOrder() {
        Order o = in(OrderStatus.PENDING_CANCEL);
        o.apply(fill("t1", "1", "100"));
        assertThat(o.status()).isEqualTo(OrderStatus.FILLED);
    }

    // ---------------------------------------------------------------- average price

    @Test
    void averagePriceIsExactAndPlain() {
        assertThat(Order.average(new BigDecimal("1000"), BigDecimal.ONE).toPlainString()).isEqualTo("1000");
        assertThat(Order.average(new BigDecimal("1000"), BigDecimal.ONE).scale()).isZero();
        assertThat(Order.average(new BigDecimal("99.50"), BigDecimal.ONE).toPlainString()).isEqualTo("99.5");
        assertThat(Order.average(BigDecimal.TEN, new BigDecimal("3")).toPlainString()).isEqualTo("3.333333333333");
        assertThat(Order.average(new BigDecimal("2"), new BigDecimal("3")).toPlainString()).isEqualTo("0.666666666667");
    }

    // ---------------------------------------------------------------- snapshot and restore

    @Test
    void theSnapshotCarriesEverythingTheOrderWasGiven() {
        OrderRequest stop = OrderRequest.stopMarket(OrderSide.SELL, new BigDecimal("0.5"), new BigDecimal("95"))
                .closing(CloseReason.STOP_LOSS);
        Order o = new Order("bot1", ID, "sim", "BTC/USDT", stop, T);
        OrderSnapshot s = o.snapshot();
        assertThat(s.botId()).isEqualTo("bot1");
        assertThat(s.clientOrderId()).isEqualTo(ID);
        assertThat(s.exchange()).isEqualTo("sim");
        assertThat(s.symbol()).isEqualTo("BTC/USDT");
        assertThat(s.side()).isEqualTo(OrderSide.SELL);
        assertThat(s.type()).isEqualTo(OrderType.STOP_MARKET);
        assertThat(s.timeInForce()).isEqualTo(TimeInForce.GTC);
        assertThat(s.price()).isNull();
        assertThat(s.triggerPrice()).isEqualByComparingTo("95");
        assertThat(s.quantity()).isEqualByComparingTo("0.5");
        assertThat(s.closeReason()).isEqualTo(CloseReason.STOP_LOSS);
        assertThat(s.createdAt()).isEqualTo(T);
        assertThat(s.updatedAt()).isEqualTo(T);
        assertThat(s.status()).isEqualTo(OrderStatus.INITIALIZED);
        assertThat(s.averagePrice()).isNull();
        assertThat(s.exchangeOrderId()).isNull();
        assertThat(o.botId()).isEqualTo("bot1");
        assertThat(o.exchange()).isEqualTo("sim");
        assertThat(o.symbol()).isEqualTo("BTC/USDT");
        assertThat(o.type()).isEqualTo(OrderType.STOP_MARKET);
        assertThat(o.timeInForce()).isEqualTo(TimeInForce.GTC);
        assertThat(o.price()).isNull();
        assertThat(o.triggerPrice()).isEqualByComparingTo("95");
        assertThat(o.quantity()).isEqualByComparingTo("0.5");
        assertThat(o.closeReason()).isEqualTo(CloseReason.STOP_LOSS);
        assertThat(o.createdAt()).isEqualTo(T);
        assertThat(o.reason()).isNull();
    }

    @Test
    void aRestoredPendingCancelWithoutFillsReturnsToAcceptedWhenTheCancelIsRefused() {
        Order o = in(OrderStatus.PENDING_CANCEL);
        Order back = Order.restore(o.snapshot(), List.of());
        assertThat(back.status()).isEqualTo(OrderStatus.PENDING_CANCEL);
        back.apply(new OrderCancelRejected(ID, "no", LATER));
        assertThat(back.status()).isEqualTo(OrderStatus.ACCEPTED);
    }

    @Test
    void aRestoredPendingCancelWithFillsReturnsToPartiallyFilledWhenTheCancelIsRefused() {
        Order o = in(OrderStatus.PARTIALLY_FILLED);
        o.apply(new OrderPendingCancel(ID, T));
        Order back = Order.restore(o.snapshot(), List.of("p1"));
        back.apply(new OrderCancelRejected(ID, "no", LATER));
        assertThat(back.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
    }

    @Test
    void aRestoredOrderIgnoresEveryJournaledTradeAndCountsNewOnes() {
        Order o = in(OrderStatus.ACCEPTED);
        o.apply(fillAt("a", "0.2", "100", "0.1", "USDT", T));
        o.apply(fillAt("b", "0.3", "90", "0.2", "USDT", T));
        Order back = Order.restore(o.snapshot(), List.of("a", "b"));

        assertThat(back.snapshot()).isEqualTo(o.snapshot());
        assertThat(back.apply(fillAt("a", "0.2", "100", "0.1", "USDT", T))).isFalse();
        assertThat(back.apply(fillAt("b", "0.3", "90", "0.2", "USDT", T))).isFalse();
        assertThat(back.filledQuantity()).isEqualByComparingTo("0.5");
        assertThat(back.fees()).containsEntry("USDT", new BigDecimal("0.3"));

        back.apply(fillAt("c", "0.5", "80", "0.1", "USDT", LATER));
        // (0.2*100 + 0.3*90 + 0.5*80) / 1 = 87: the journaled fills count in the average exactly once
        assertThat(back.averagePrice()).isEqualByComparingTo("87");
        assertThat(back.fees()).containsEntry("USDT", new BigDecimal("0.4"));
        assertThat(back.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(back.updatedAt()).isEqualTo(LATER);
    }

    @Test
    void aRestoredOrderWithoutFillsAveragesItsFirstFillAlone() {
        Order back = Order.restore(in(OrderStatus.ACCEPTED).snapshot(), List.of());
        back.apply(fill("t1", "0.5", "97"));
        assertThat(back.averagePrice()).isEqualByComparingTo("97");
        assertThat(back.acknowledged()).isTrue();
        assertThat(back.exchangeOrderId()).isEqualTo("x-1");
    }

    @Test
    void aRestoredRejectedOrderKeepsItsReason() {
        Order back = Order.restore(in(OrderStatus.REJECTED).snapshot(), List.of());
        assertThat(back.reason()).isEqualTo("no");
        assertThat(back.status()).isEqualTo(OrderStatus.REJECTED);
    }

    @Test
    void aSnapshotSaysWhatIsLeftAndWhetherTheOrderIsStillOpen() {
        Order o = in(OrderStatus.PARTIALLY_FILLED);
        assertThat(o.price()).isEqualByComparingTo("100");
        assertThat(o.side()).isEqualTo(OrderSide.BUY);
        assertThat(o.snapshot().remainingQuantity()).isEqualByComparingTo("0.6");
        assertThat(o.snapshot().isOpen()).isTrue();
        o.apply(fill("p2", "0.8", "100"));   // 0.2 beyond the quantity
        assertThat(o.snapshot().remainingQuantity()).isEqualByComparingTo("0");
        assertThat(o.snapshot().isOpen()).isFalse();
        assertThat(in(OrderStatus.CANCELED).snapshot().isOpen()).isFalse();
    }

    @Test
    void eachSideHasAnOppositeAndASign() {
        assertThat(OrderSide.BUY.opposite()).isEqualTo(OrderSide.SELL);
        assertThat(OrderSide.SELL.opposite()).isEqualTo(OrderSide.BUY);
        assertThat(OrderSide.BUY.sign()).isEqualTo(1);
        assertThat(OrderSide.SELL.sign()).isEqualTo(-1);
    }

    @Test
    void aClientOrderIdWithoutANumberAfterItsLastDashIsNotOurs() {
        assertThat(ClientOrderIds.sequenceOf("7-x")).isEqualTo(-1);
        assertThat(ClientOrderIds.sequenceOf("-12")).isEqualTo(12);
        assertThat(ClientOrderIds.sequenceOf(ClientOrderIds.of("bot-a", 3))).isEqualTo(3);
    }

    private static void assertRefused(Order o, OrderEvent event) {
        OrderSnapshot before = o.snapshot();
        assertThatThrownBy(() -> o.apply(event))
                .isInstanceOfSatisfying(InvalidOrderTransitionException.class, e -> {
                    assertThat(e.from()).isEqualTo(before.status());
                    assertThat(e.event()).isEqualTo(event.getClass());
                });
        assertThat(o.snapshot()).isEqualTo(before);
    }
}
