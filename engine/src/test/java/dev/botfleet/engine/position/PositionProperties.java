package dev.botfleet.engine.position;

import dev.botfleet.engine.order.Liquidity;
import dev.botfleet.engine.order.OrderEvent.OrderFilled;
import dev.botfleet.engine.order.OrderSide;
import net.jqwik.api.*;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** PnL accounting invariants for any sequence of fills (with quote fees). */
class PositionProperties {
    static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    record F(OrderSide side, BigDecimal qty, BigDecimal price, BigDecimal fee) {
        OrderFilled event(int n) {
            return new OrderFilled("b-1", "t" + n, side, price, qty, fee, "USDT", Liquidity.TAKER, T);
        }
    }

    @Property(tries = 500)
    void positionIsTheSumOfFillsAndTotalPnlIsExact(@ForAll("fills") List<F> fills,
                                                  @ForAll("prices") BigDecimal mark) {
        Position p = new Position("b", PositionTest.BTC);
        BigDecimal qty = BigDecimal.ZERO;
        BigDecimal cash = BigDecimal.ZERO;  // quote received minus quote paid, fees included
        BigDecimal realizedSum = BigDecimal.ZERO;
        int n = 0;
        for (F f : fills) {
            realizedSum = realizedSum.add(p.apply(f.event(n++)));
            qty = f.side() == OrderSide.BUY ? qty.add(f.qty()) : qty.subtract(f.qty());
            BigDecimal value = f.qty().multiply(f.price());
            cash = cash.add(f.side() == OrderSide.BUY ? value.negate() : value).subtract(f.fee());
            // position = sum of fills
            assertThat(p.quantity()).isEqualByComparingTo(qty);
            // realized + unrealized = cash flow + holdings at the mark, exactly
            assertThat(p.realizedPnl().add(p.unrealizedPnl(mark)))
                    .isEqualByComparingTo(cash.add(qty.multiply(mark)));
            assertThat(p.realizedPnl()).isEqualByComparingTo(realizedSum);
        }
        // close to flat at the mark: everything is realized, exactly
        if (qty.signum() != 0) {
            OrderSide side = qty.signum() > 0 ? OrderSide.SELL : OrderSide.BUY;
            p.apply(new F(side, qty.abs(), mark, BigDecimal.ZERO).event(n));
            BigDecimal value = qty.abs().multiply(mark);
            cash = cash.add(side == OrderSide.BUY ? value.negate() : value);
        }
        assertThat(p.isFlat()).isTrue();
        assertThat(p.realizedPnl()).isEqualByComparingTo(cash);
    }

    @Property(tries = 300)
    void averageEntryLiesWithinTheEntryPricesOfASameSidePosition(@ForAll("buys") List<F> buys) {
        Position p = new Position("b", PositionTest.BTC);
        int n = 0;
        for (F f : buys) p.apply(f.event(n++));
        BigDecimal min = buys.stream().map(F::price).reduce(BigDecimal::min).orElseThrow();
        BigDecimal max = buys.stream().map(F::price).reduce(BigDecimal::max).orElseThrow();
        assertThat(p.averageEntryPrice()).isBetween(min, max);
    }

    @Provide
    Arbitrary<BigDecimal> prices() {
        return Arbitraries.integers().between(1, 20000).map(c -> BigDecimal.valueOf(c, 2));
    }

    @Provide
    Arbitrary<List<F>> fills() {
        return Combinators.combine(Arbitraries.of(OrderSide.class),
                        Arbitraries.integers().between(1, 3000).map(q -> BigDecimal.valueOf(q, 3)),
                        prices(),
                        Arbitraries.integers().between(0, 100).map(c -> BigDecimal.valueOf(c, 3)))
                .as(F::new).list().ofMinSize(1).ofMaxSize(20);
    }

    @Provide
    Arbitrary<List<F>> buys() {
        return Combinators.combine(Arbitraries.just(OrderSide.BUY),
                        Arbitraries.integers().between(1, 3000).map(q -> BigDecimal.valueOf(q, 3)),
                        prices(), Arbitraries.just(BigDecimal.ZERO))
                .as(F::new).list().ofMinSize(1).ofMaxSize(10);
    }
}
