package dev.botfleet.engine.risk;

import dev.botfleet.engine.market.Instrument;
import dev.botfleet.engine.order.OrderRequest;
import dev.botfleet.engine.order.OrderSide;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static dev.botfleet.engine.risk.RiskEngineTest.BTC;
import static dev.botfleet.engine.risk.RiskEngineTest.FLAT_RICH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every limit is inclusive: an order exactly at it passes, one lot or one cent beyond it is denied. */
class RiskBoundariesTest {
    final RiskEngine open = new RiskEngine(RiskLimits.NONE);

    static OrderRequest buy(String qty, String price) {
        return OrderRequest.limit(OrderSide.BUY, new BigDecimal(qty), new BigDecimal(price));
    }

    static OrderRequest sell(String qty, String price) {
        return OrderRequest.limit(OrderSide.SELL, new BigDecimal(qty), new BigDecimal(price));
    }

    static RiskState state(String position, int openOrders, String openBuys, String openSells, String base,
                           String quote) {
        return new RiskState(new BigDecimal(position), openOrders, new BigDecimal(openBuys), new BigDecimal(openSells),
                base == null ? null : new BigDecimal(base), quote == null ? null : new BigDecimal(quote),
                new BigDecimal("64000.00"));
    }

    static DenialReason denial(RiskEngine risk, OrderRequest r, RiskState s) {
        return risk.check(r, BTC, s).map(Denial::reason).orElse(null);
    }

    @Test
    void exactlyTheMinimumNotionalPasses() {
        // BTC/USDT: minimum 5 USDT; 0.0001 * 50000 = 5
        assertThat(denial(open, buy("0.0001", "50000.00"), FLAT_RICH)).isNull();
        assertThat(denial(open, buy("0.0001", "49999.99"), FLAT_RICH)).isEqualTo(DenialReason.NOTIONAL_BELOW_MIN);
    }

    @Test
    void exactlyTheMinimumQuantityPasses() {
        Instrument coarse = new Instrument("sim", "X/USDT", "X", "USDT", new BigDecimal("0.01"),
                new BigDecimal("0.1"), new BigDecimal("1"), BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.ZERO);
        assertThat(open.check(buy("1", "100"), coarse, FLAT_RICH)).isEmpty();
        assertThat(open.check(buy("0.9", "100"), coarse, FLAT_RICH).map(Denial::reason))
                .contains(DenialReason.QUANTITY_BELOW_MIN);
        assertThat(open.check(buy("0.9", "100"), coarse, FLAT_RICH).orElseThrow().message())
                .isEqualTo("Quantity 0.9 X is below the minimum 1 X.");
    }

    @Test
    void exactlyTheMaxOrderNotionalPasses() {
        RiskEngine limited = new RiskEngine(new RiskLimits(null, 10, new BigDecimal("640")));
        assertThat(denial(limited, buy("0.01", "64000.00"), FLAT_RICH)).isNull();
        assertThat(denial(limited, buy("0.01", "64000.01"), FLAT_RICH))
                .isEqualTo(DenialReason.MAX_ORDER_NOTIONAL_EXCEEDED);
        assertThat(limited.check(buy("0.01", "64000.01"), BTC, FLAT_RICH).orElseThrow().message())
                .isEqualTo("Order value 640.00 USDT is above this bot's limit of 640 USDT.");
    }

    @Test
    void exactlyTheMaxOpenOrdersIsAlreadyFull() {
        RiskEngine limited = new RiskEngine(new RiskLimits(null, 2, null));
        assertThat(denial(limited, buy("0.01", "64000"), state("0", 1, "0", "0", null, null))).isNull();
        assertThat(denial(limited, buy("0.01", "64000"), state("0", 2, "0", "0", null, null)))
                .isEqualTo(DenialReason.MAX_OPEN_ORDERS_EXCEEDED);
    }

    @Test
    void reachingExactlyTheMaxPositionPasses() {
        RiskEngine limited = new RiskEngine(new RiskLimits(new BigDecimal("0.03"), 10, null));
        // long 0.01, 0.01 more on order, 0.01 now: 0.03
        RiskState s = state("0.01", 1, "0.01", "0", null, null);
        assertThat(denial(limited, buy("0.01", "64000"), s)).isNull();
        assertThat(denial(limited, buy("0.01001", "64000"), s)).isEqualTo(DenialReason.MAX_POSITION_EXCEEDED);
        assertThat(limited.check(buy("0.01001", "64000"), BTC, s).orElseThrow().message())
                .isEqualTo("The position would reach 0.03001 BTC, above this bot's limit of 0.03 BTC.");
    }

    @Test
    void stackedWorkingBuysCountTowardsTheMaxPosition() {
        RiskEngine limited = new RiskEngine(new RiskLimits(new BigDecimal("0.03"), 10, null));
        // flat, but three buys of 0.01 are already working: a fourth would make 0.04
        RiskState stacked = state("0", 3, "0.03", "0", null, null);
        assertThat(denial(limited, buy("0.01", "64000"), stacked)).isEqualTo(DenialReason.MAX_POSITION_EXCEEDED);
        // the working sells do not offset a buy: they may be canceled
        RiskState hedged = state("0", 4, "0.03", "0.03", null, null);
        assertThat(denial(limited, buy("0.01", "64000"), hedged)).isEqualTo(DenialReason.MAX_POSITION_EXCEEDED);
    }

    @Test
    void stackedWorkingSellsCountTowardsTheMaxShortPosition() {
        RiskEngine limited = new RiskEngine(new RiskLimits(new BigDecimal("0.03"), 10, null));
        RiskState stacked = state("0", 3, "0", "0.03", null, null);
        assertThat(denial(limited, sell("0.01", "64000"), stacked)).isEqualTo(DenialReason.MAX_POSITION_EXCEEDED);
        assertThat(limited.check(sell("0.01", "64000"), BTC, stacked).orElseThrow().message())
                .startsWith("The position would reach 0.04 BTC");
        // working buys do not offset a sell either
        assertThat(denial(limited, sell("0.01", "64000"), state("0", 3, "0.03", "0.03", null, null)))
                .isEqualTo(DenialReason.MAX_POSITION_EXCEEDED);
        // but a sell that reduces a long is fine
        assertThat(denial(limited, sell("0.03", "64000"), state("0.03", 0, "0", "0", null, null))).isNull();
        // and exactly at the short limit passes
        assertThat(denial(limited, sell("0.01", "64000"), state("0", 2, "0", "0.02", null, null))).isNull();
    }

    @Test
    void exactlyTheAvailableQuoteIncludingFeesPasses() {
        // 0.01 * 64000 = 640 plus the larger of the fees (0.1%) = 640.64
        assertThat(denial(open, buy("0.01", "64000.00"), state("0", 0, "0", "0", null, "640.64"))).isNull();
        assertThat(denial(open, buy("0.01", "64000.00"), state("0", 0, "0", "0", null, "640.63")))
                .isEqualTo(DenialReason.INSUFFICIENT_BALANCE);
        assertThat(open.check(buy("0.01", "64000.00"), BTC, state("0", 0, "0", "0", null, "640.63")).orElseThrow()
                .message()).isEqualTo("Buying 0.01 BTC needs 640.64 USDT with fees, only 640.63 USDT is available.");
    }

    @Test
    void theLargerOfMakerAndTakerFeeIsReserved() {
        Instrument takerDear = new Instrument("sim", "BTC/USDT", "BTC", "USDT", new BigDecimal("0.01"),
                new BigDecimal("0.00001"), new BigDecimal("0.00001"), new BigDecimal("5"), new BigDecimal("0.001"),
                new BigDecimal("0.002"));
        Instrument makerDear = new Instrument("sim", "BTC/USDT", "BTC", "USDT", new BigDecimal("0.01"),
                new BigDecimal("0.00001"), new BigDecimal("0.00001"), new BigDecimal("5"), new BigDecimal("0.002"),
                new BigDecimal("0.001"));
        RiskState s = state("0", 0, "0", "0", null, "641.27");   // 640 * 1.002 = 641.28
        for (Instrument in : new Instrument[]{takerDear, makerDear}) {
            assertThat(open.check(buy("0.01", "64000.00"), in, s).map(Denial::reason))
                    .contains(DenialReason.INSUFFICIENT_BALANCE);
            assertThat(open.check(buy("0.01", "64000.00"), in, state("0", 0, "0", "0", null, "641.28"))).isEmpty();
        }
    }

    @Test
    void exactlyTheAvailableBaseCanBeSold() {
        assertThat(denial(open, sell("0.01", "64000"), state("0", 0, "0", "0", "0.01", null))).isNull();
        assertThat(denial(open, sell("0.01001", "64000"), state("0", 0, "0", "0", "0.01", null)))
                .isEqualTo(DenialReason.INSUFFICIENT_BALANCE);
        // a buy does not need base, a sell does not need quote
        assertThat(denial(open, buy("0.01", "64000"), state("0", 0, "0", "0", "0", null))).isNull();
        assertThat(denial(open, sell("0.01", "64000"), state("0", 0, "0", "0", null, "0"))).isNull();
    }

    @Test
    void theFirstFailedCheckWinsInTheDocumentedOrder() {
        RiskEngine strict = new RiskEngine(new RiskLimits(new BigDecimal("0.001"), 0, new BigDecimal("1")), () -> false);
        RiskState broke = state("0", 5, "0", "0", "0", "0");
        // min notional comes before every bot limit
        assertThat(denial(strict, buy("0.00001", "64000"), broke)).isEqualTo(DenialReason.NOTIONAL_BELOW_MIN);
        // then the order value, then open orders, then position, then balance
        assertThat(denial(strict, buy("0.01", "64000"), broke)).isEqualTo(DenialReason.MAX_ORDER_NOTIONAL_EXCEEDED);
        RiskEngine noValueLimit = new RiskEngine(new RiskLimits(new BigDecimal("0.001"), 0, null));
        assertThat(denial(noValueLimit, buy("0.01", "64000"), broke)).isEqualTo(DenialReason.MAX_OPEN_ORDERS_EXCEEDED);
        RiskEngine positionOnly = new RiskEngine(new RiskLimits(new BigDecimal("0.001"), 10, null));
        assertThat(denial(positionOnly, buy("0.01", "64000"), broke)).isEqualTo(DenialReason.MAX_POSITION_EXCEEDED);
        // a negative price is a price problem, not a precision one
        assertThat(denial(open, buy("0.01", "-1"), FLAT_RICH)).isEqualTo(DenialReason.NON_POSITIVE_PRICE);
        assertThat(denial(open, buy("-0.01", "64000"), FLAT_RICH)).isEqualTo(DenialReason.NON_POSITIVE_QUANTITY);
    }

    @Test
    void deniedMessagesNameTheNumbers() {
        assertThat(open.check(buy("0", "64000"), BTC, FLAT_RICH).orElseThrow().message())
                .isEqualTo("Quantity must be above 0, was 0.");
        assertThat(open.check(buy("0.01", "0"), BTC, FLAT_RICH).orElseThrow().message())
                .isEqualTo("Price must be above 0, was 0.");
        assertThat(open.check(buy("0.01", "64000.005"), BTC, FLAT_RICH).orElseThrow().message())
                .isEqualTo("Price 64000.005 is not a multiple of the tick size 0.01 of BTC/USDT.");
        assertThat(open.check(buy("0.000015", "64000"), BTC, FLAT_RICH).orElseThrow().message())
                .isEqualTo("Quantity 0.000015 is not a multiple of the lot size 0.00001 BTC.");
        assertThat(open.check(OrderRequest.stopMarket(OrderSide.SELL, new BigDecimal("0.01"), BigDecimal.ZERO), BTC,
                FLAT_RICH).orElseThrow().message()).isEqualTo("Trigger price must be above 0, was 0.");
        assertThat(open.check(OrderRequest.stopMarket(OrderSide.SELL, new BigDecimal("0.01"),
                new BigDecimal("1.005")), BTC, FLAT_RICH).orElseThrow().message())
                .isEqualTo("Trigger price 1.005 is not a multiple of the tick size 0.01 of BTC/USDT.");
        assertThat(new RiskEngine(new RiskLimits(null, 0, null)).check(buy("0.01", "64000"), BTC,
                state("0", 0, "0", "0", null, null)).orElseThrow().message())
                .isEqualTo("This bot already has 0 open orders, its limit is 0.");
        assertThat(new RiskEngine(RiskLimits.NONE).check(OrderRequest.market(OrderSide.BUY, new BigDecimal("0.01")),
                BTC, new RiskState(BigDecimal.ZERO, 0, BigDecimal.ZERO, BigDecimal.ZERO, null, null, null))
                .orElseThrow().message()).isEqualTo("No market price for BTC/USDT yet, so a market order cannot be checked.");
    }

    @Test
    void theEngineKeepsItsLimitsAndRefusesNegativeOpenOrderLimits() {
        RiskLimits limits = new RiskLimits(BigDecimal.ONE, 3, BigDecimal.TEN);
        assertThat(new RiskEngine(limits).limits()).isEqualTo(limits);
        assertThat(new RiskLimits(null, 0, null).maxOpenOrders()).isZero();
        assertThatThrownBy(() -> new RiskLimits(null, -1, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
