package dev.botfleet.engine.order;

import dev.botfleet.engine.order.OrderEvent.*;
import dev.botfleet.engine.risk.DenialReason;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderTest {
    static final Instant T = Instant.parse("2026-01-01T00:00:00Z");
    static final String ID = "bot1-1";

    static Order buy(String qty, String price) {
        return new Order("bot1", ID, "sim", "BTC/USDT",
                OrderRequest.limit(OrderSide.BUY, new BigDecimal(qty), new BigDecimal(price)), T);
    }

    static OrderFilled fill(String tradeId, String qty, String price) {
        return new OrderFilled(ID, tradeId, OrderSide.BUY, new BigDecimal(price), new BigDecimal(qty),
                new BigDecimal("0.01"), "USDT", Liquidity.MAKER, T.plusSeconds(1));
    }

    static Order accepted(String qty, String price) {
        Order o = buy(qty, price);
        o.apply(new OrderSubmitted(ID, T));
        o.apply(new OrderAccepted(ID, "x-1", T));
        return o;
    }

    @Test
    void happyPathToFilledWithAveragePriceAndFees() {
        Order o = accepted("1.0", "100");
        assertThat(o.status()).isEqualTo(OrderStatus.ACCEPTED);
        assertThat(o.exchangeOrderId()).isEqualTo("x-1");
        o.apply(fill("t1", "0.4", "100"));
        assertThat(o.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        o.apply(fill("t2", "0.6", "99"));
        assertThat(o.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(o.filledQuantity()).isEqualByComparingTo("1.0");
        // (0.4*100 + 0.6*99) / 1.0 = 99.4
        assertThat(o.averagePrice()).isEqualByComparingTo("99.4");
        assertThat(o.fees()).containsEntry("USDT", new BigDecimal("0.02"));
        assertThat(o.status().isTerminal()).isTrue();
    }

    @Test
    void duplicateTradeIdIsIgnored() {
        Order o = accepted("1", "100");
        assertThat(o.apply(fill("t1", "0.5", "100"))).isTrue();
        assertThat(o.apply(fill("t1", "0.5", "100"))).isFalse();
        assertThat(o.filledQuantity()).isEqualByComparingTo("0.5");
        assertThat(o.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
    }

    @Test
    void fillAfterCancelRacesToFilled() {
        Order o = accepted("1", "100");
        o.apply(new OrderPendingCancel(ID, T));
        o.apply(new OrderCanceled(ID, T));
        assertThat(o.status()).isEqualTo(OrderStatus.CANCELED);
        o.apply(fill("t1", "1", "100"));
        assertThat(o.status()).isEqualTo(OrderStatus.FILLED);
    }

    @Test
    void partialFillAfterCancelStaysCanceledButCounts() {
        Order o = accepted("1", "100");
        o.apply(new OrderCanceled(ID, T));
        o.apply(fill("t1", "0.3", "100"));
        assertThat(o.status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(o.filledQuantity()).isEqualByComparingTo("0.3");
    }

    @Test
    void failedCancelReturnsToPreviousStatus() {
        Order o = accepted("1", "100");
        o.apply(new OrderPendingCancel(ID, T));
        assertThat(o.status()).isEqualTo(OrderStatus.PENDING_CANCEL);
        o.apply(new OrderCancelRejected(ID, "too late", T));
        assertThat(o.status()).isEqualTo(OrderStatus.ACCEPTED);

        o.apply(fill("t1", "0.5", "100"));
        o.apply(new OrderPendingCancel(ID, T));
        o.apply(new OrderCancelRejected(ID, "too late", T));
        assertThat(o.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
    }

    @Test
    void partialFillWhilePendingCancelRemembersPartiallyFilled() {
        Order o = accepted("1", "100");
        o.apply(new OrderPendingCancel(ID, T));
        o.apply(fill("t1", "0.5", "100"));
        assertThat(o.status()).isEqualTo(OrderStatus.PENDING_CANCEL);
        o.apply(new OrderCancelRejected(ID, "no", T));
        assertThat(o.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
    }

    @Test
    void acceptedAfterPendingCancelIsAFailedCancel() {
        Order o = accepted("1", "100");
        o.apply(new OrderPendingCancel(ID, T));
        o.apply(new OrderAccepted(ID, "x-1", T));
        assertThat(o.status()).isEqualTo(OrderStatus.ACCEPTED);
    }

    @Test
    void invalidTransitionIsRefusedWithATypedErrorAndChangesNothing() {
        Order o = accepted("1", "100");
        o.apply(fill("t1", "1", "100"));
        assertThatThrownBy(() -> o.apply(new OrderAccepted(ID, "x-2", T)))
                .isInstanceOfSatisfying(InvalidOrderTransitionException.class, e -> {
                    assertThat(e.from()).isEqualTo(OrderStatus.FILLED);
                    assertThat(e.event()).isEqualTo(OrderAccepted.class);
                    assertThat(e.clientOrderId()).isEqualTo(ID);
                });
        assertThat(o.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(o.exchangeOrderId()).isEqualTo("x-1");

        Order fresh = buy("1", "100");
        assertThatThrownBy(() -> fresh.apply(fill("t1", "1", "100")))
                .isInstanceOf(InvalidOrderTransitionException.class);
        assertThatThrownBy(() -> fresh.apply(new OrderCancelRejected(ID, "x", T)))
                .isInstanceOf(InvalidOrderTransitionException.class);
    }

    @Test
    void deniedIsTerminalWithItsReason() {
        Order o = buy("1", "100");
        o.apply(new OrderDenied(ID, DenialReason.QUANTITY_BELOW_MIN, "too small", T));
        assertThat(o.status()).isEqualTo(OrderStatus.DENIED);
        assertThat(o.reason()).isEqualTo("too small");
        assertThatThrownBy(() -> o.apply(new OrderSubmitted(ID, T))).isInstanceOf(InvalidOrderTransitionException.class);
    }

    @Test
    void rejectedKeepsTheExchangeReason() {
        Order o = buy("1", "100");
        o.apply(new OrderSubmitted(ID, T));
        o.apply(new OrderRejected(ID, "insufficient balance", T));
        assertThat(o.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(o.reason()).isEqualTo("insufficient balance");
    }

    @Test
    void overfillIsRecordedNotRefused() {
        Order o = accepted("1", "100");
        o.apply(fill("t1", "0.8", "100"));
        o.apply(fill("t2", "0.5", "100"));
        assertThat(o.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(o.filledQuantity()).isEqualByComparingTo("1.3");
        assertThat(o.overfill()).isEqualByComparingTo("0.3");
    }

    @Test
    void nonTerminatingAverageIsRounded() {
        Order o = accepted("3", "100");
        o.apply(fill("t1", "1", "100"));
        o.apply(fill("t2", "1", "100"));
        o.apply(fill("t3", "1", "101"));
        assertThat(o.averagePrice()).isEqualByComparingTo("100.333333333333");
    }

    @Test
    void snapshotAndRestoreRoundTrip() {
        Order o = accepted("1", "100");
        o.apply(fill("t1", "0.5", "100"));
        Order back = Order.restore(o.snapshot(), java.util.List.of("t1"));
        assertThat(back.snapshot()).isEqualTo(o.snapshot());
        assertThat(back.apply(fill("t1", "0.5", "100"))).isFalse();
        back.apply(fill("t2", "0.5", "102"));
        assertThat(back.averagePrice()).isEqualByComparingTo("101");
        assertThat(back.status()).isEqualTo(OrderStatus.FILLED);
    }

    @Test
    void clientOrderIdsAreDeterministic() {
        assertThat(ClientOrderIds.of("42", 7)).isEqualTo("42-7");
        assertThat(ClientOrderIds.sequenceOf("bot-a-42-7")).isEqualTo(7);
        assertThat(ClientOrderIds.sequenceOf("nope")).isEqualTo(-1);
    }
}
