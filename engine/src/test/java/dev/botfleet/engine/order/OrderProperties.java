package dev.botfleet.engine.order;

import dev.botfleet.engine.order.OrderEvent.*;
import dev.botfleet.engine.risk.DenialReason;
import net.jqwik.api.*;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Invariants of the order state machine under random event sequences. */
class OrderProperties {
    static final Instant T = Instant.parse("2026-01-01T00:00:00Z");
    static final String ID = "b-1";

    @Property(tries = 500)
    void invariantsHoldForAnyEventSequence(@ForAll("events") List<OrderEvent> events) {
        Order o = new Order("b", ID, "sim", "BTC/USDT",
                OrderRequest.limit(OrderSide.BUY, new BigDecimal("10"), new BigDecimal("100")), T);
        BigDecimal sumFills = BigDecimal.ZERO;
        BigDecimal minPx = null;
        BigDecimal maxPx = null;
        List<String> seen = new ArrayList<>();
        for (OrderEvent e : events) {
            OrderStatus before = o.status();
            OrderSnapshot snapBefore = o.snapshot();
            boolean applied;
            try {
                applied = o.apply(e);
            } catch (InvalidOrderTransitionException ex) {
                // refused events change nothing
                assertThat(o.snapshot()).isEqualTo(snapBefore);
                continue;
            }
            if (e instanceof OrderFilled f && seen.contains(f.tradeId())) assertThat(applied).isFalse();
            if (!applied) {
                // ignored: a fill already booked, or a repeated ack, cancel or expiry; none changes anything
                assertThat(e instanceof OrderFilled f ? seen.contains(f.tradeId())
                        : e instanceof OrderAccepted || e instanceof OrderCanceled || e instanceof OrderExpired).isTrue();
                assertThat(o.snapshot()).isEqualTo(snapBefore);
                continue;
            }
            if (e instanceof OrderFilled f) {
                seen.add(f.tradeId());
                sumFills = sumFills.add(f.quantity());
                minPx = minPx == null ? f.price() : minPx.min(f.price());
                maxPx = maxPx == null ? f.price() : maxPx.max(f.price());
            }
            // terminal stays terminal, except a fill racing a cancel
            if (before.isTerminal()) {
                assertThat(before).isEqualTo(OrderStatus.CANCELED);
                assertThat(e).isInstanceOf(OrderFilled.class);
                assertThat(o.status()).isIn(OrderStatus.CANCELED, OrderStatus.FILLED);
            }
            assertThat(o.filledQuantity()).isEqualByComparingTo(sumFills);
            if (o.overfill().signum() == 0) {
                assertThat(o.filledQuantity()).isLessThanOrEqualTo(o.quantity());
            } else {
                assertThat(o.overfill()).isEqualByComparingTo(o.filledQuantity().subtract(o.quantity()));
            }
            if (minPx != null) {
                assertThat(o.averagePrice()).isBetween(minPx, maxPx);
            }
            if (o.filledQuantity().compareTo(o.quantity()) >= 0) {
                assertThat(o.status()).isEqualTo(OrderStatus.FILLED);
            }
        }
    }

    @Provide
    Arbitrary<List<OrderEvent>> events() {
        Arbitrary<OrderEvent> fill = Combinators.combine(
                Arbitraries.integers().between(1, 8),
                Arbitraries.integers().between(1, 40),
                Arbitraries.integers().between(9000, 11000))
                .as((trade, qtyTenths, priceCents) -> new OrderFilled(ID, "t" + trade, OrderSide.BUY,
                        BigDecimal.valueOf(priceCents, 2), BigDecimal.valueOf(qtyTenths, 1), BigDecimal.ZERO,
                        "USDT", Liquidity.MAKER, T));
        Arbitrary<OrderEvent> other = Arbitraries.of(
                new OrderSubmitted(ID, T), new OrderAccepted(ID, "x", T), new OrderRejected(ID, "no", T),
                new OrderPendingCancel(ID, T), new OrderCancelRejected(ID, "no", T), new OrderCanceled(ID, T),
                new OrderExpired(ID, T), new OrderDenied(ID, DenialReason.KILL_SWITCH, "off", T));
        return Arbitraries.frequencyOf(Tuple.of(3, fill), Tuple.of(4, other)).list().ofMaxSize(25);
    }
}
