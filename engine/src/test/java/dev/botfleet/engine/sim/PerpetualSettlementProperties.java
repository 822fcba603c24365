package dev.botfleet.engine.sim;

import dev.botfleet.engine.market.Derivative;
import dev.botfleet.engine.market.Instrument;
import dev.botfleet.engine.market.MarginMode;
import dev.botfleet.engine.market.MarginSettings;
import dev.botfleet.engine.order.Liquidity;
import dev.botfleet.engine.order.OrderEvent.OrderFilled;
import dev.botfleet.engine.order.OrderSide;
import dev.botfleet.engine.position.FundingPayment;
import dev.botfleet.engine.position.Position;
import net.jqwik.api.*;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Margin, PnL and funding invariants of the paper perpetual for any sequence of fills and funding fixings, checked
 * against the engine's {@link Position} as an independent model of the same trades.
 */
class PerpetualSettlementProperties {
    static final BigDecimal DEPOSIT = new BigDecimal("1000000");
    static final Instant T = Instant.parse("2026-01-01T00:00:00Z");
    static final Instrument PERP = SimMarkets.find("BTC/USDT").orElseThrow().instrument()
            .asPerpetual(new Derivative(new BigDecimal("0.001"), "USDT", new BigDecimal("20"), new BigDecimal("0.005")));

    /** A fill (quantity, price, side) or, with {@code rate} set, a funding fixing at {@code price}. */
    record Step(OrderSide side, BigDecimal qty, BigDecimal price, BigDecimal rate) {
    }

    @Property(tries = 400)
    void walletIsDepositPlusRealizedPnlAndMarginFollowsThePosition(@ForAll("steps") List<Step> steps,
                                                                   @ForAll("leverages") int leverage) {
        SimAccount account = new SimAccount(Map.of("USDT", DEPOSIT));
        MarginSettings settings = new MarginSettings(BigDecimal.valueOf(leverage), MarginMode.ISOLATED);
        PerpetualSettlement perp = new PerpetualSettlement(PERP, account, settings);
        Position model = new Position("b", PERP, settings);
        BigDecimal fees = BigDecimal.ZERO;
        BigDecimal funding = BigDecimal.ZERO;
        int n = 0;
        for (Step s : steps) {
            if (s.rate() != null) {
                FundingPayment p = FundingPayment.of("BTC/USDT", T, model.quantity(), s.price(), s.rate());
                perp.settleFunding(p);
                model.applyFunding(p);
                funding = funding.add(p.amount());
            } else {
                BigDecimal fee = s.qty().multiply(s.price()).multiply(new BigDecimal("0.001"));
                perp.settle(s.side(), s.qty(), s.price(), fee);
                model.apply(new OrderFilled("b-1", "t" + n++, s.side(), s.price(), s.qty(), fee, "USDT",
                        Liquidity.TAKER, T));
                fees = fees.add(fee);
            }
            // the position is the model's, and the wallet moved by exactly realized PnL (fees and funding included)
            assertThat(perp.quantity()).isEqualByComparingTo(model.quantity());
            assertThat(account.total("USDT").subtract(DEPOSIT)).isEqualByComparingTo(model.realizedPnl());
            assertThat(model.funding()).isEqualByComparingTo(funding);
            // the margin locked is |quantity| × entry / leverage, to within the 1e-12 rounding of each opening fill
            BigDecimal exact = model.isFlat() ? BigDecimal.ZERO : model.quantity().abs()
                    .multiply(model.averageEntryPrice()).divide(settings.leverage(), 20, RoundingMode.HALF_EVEN);
            assertThat(perp.margin().subtract(exact).abs()).isLessThanOrEqualTo(new BigDecimal("1e-9"));
            assertThat(account.total("USDT").subtract(account.available("USDT"))).isEqualByComparingTo(perp.margin());
            if (model.isFlat()) assertThat(perp.margin()).isEqualByComparingTo("0");
        }
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<BigDecimal> qty = Arbitraries.integers().between(1, 500).map(i -> BigDecimal.valueOf(i, 3));
        Arbitrary<BigDecimal> price = Arbitraries.integers().between(2_000_000, 8_000_000).map(i -> BigDecimal.valueOf(i, 2));
        Arbitrary<BigDecimal> rate = Arbitraries.integers().between(-300, 300).map(i -> BigDecimal.valueOf(i, 6));
        Arbitrary<Step> fill = Combinators.combine(Arbitraries.of(OrderSide.values()), qty, price)
                .as((side, q, p) -> new Step(side, q, p, null));
        Arbitrary<Step> fixing = Combinators.combine(price, rate).as((p, r) -> new Step(null, null, p, r));
        return Arbitraries.frequencyOf(Tuple.of(5, fill), Tuple.of(1, fixing)).list().ofMinSize(1).ofMaxSize(30);
    }

    @Provide
    Arbitrary<Integer> leverages() {
        return Arbitraries.of(1, 2, 3, 5, 7, 10, 20);
    }
}
