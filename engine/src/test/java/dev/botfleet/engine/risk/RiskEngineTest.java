package dev.botfleet.engine.risk;

import dev.botfleet.engine.market.Instrument;
import dev.botfleet.engine.order.OrderRequest;
import dev.botfleet.engine.order.OrderSide;
import dev.botfleet.engine.sim.SimMarkets;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

class RiskEngineTest {
    static final Instrument BTC = SimMarkets.find("BTC/USDT").orElseThrow().instrument();
    static final RiskState FLAT_RICH = new RiskState(BigDecimal.ZERO, 0, BigDecimal.ZERO, BigDecimal.ZERO,
            new BigDecimal("1"), new BigDecimal("100000"), new BigDecimal("64000.00"));

    static OrderRequest buy(String qty, String price) {
        return OrderRequest.limit(OrderSide.BUY, new BigDecimal(qty), new BigDecimal(price));
    }

    static DenialReason denial(RiskEngine risk, OrderRequest r, RiskState s) {
        return risk.check(r, BTC, s).map(Denial::reason).orElse(null);
    }

    final RiskEngine open = new RiskEngine(RiskLimits.NONE);

    @Test
    void aSoundOrderPasses() {
        assertThat(open.check(buy("0.01", "64000.00"), BTC, FLAT_RICH)).isEmpty();
    }

    @Test
    void eachInstrumentRuleHasItsReason() {
        assertThat(denial(open, buy("0.01", "0"), FLAT_RICH)).isEqualTo(DenialReason.NON_POSITIVE_PRICE);
        assertThat(denial(open, buy("0", "64000"), FLAT_RICH)).isEqualTo(DenialReason.NON_POSITIVE_QUANTITY);
        assertThat(denial(open, buy("0.01", "64000.005"), FLAT_RICH)).isEqualTo(DenialReason.PRICE_PRECISION);
        assertThat(denial(open, buy("0.000015", "64000"), FLAT_RICH)).isEqualTo(DenialReason.QUANTITY_PRECISION);
        assertThat(denial(open, buy("0.00001", "64000"), FLAT_RICH)).isEqualTo(DenialReason.NOTIONAL_BELOW_MIN);
    }

    @Test
    void messagesAreInPlainWords() {
        Denial d = open.check(buy("0.00001", "64000.00"), BTC, FLAT_RICH).orElseThrow();
        assertThat(d.message()).isEqualTo("Order value 0.64 USDT is below the minimum 5 USDT.");
    }

    @Test
    void quantityBelowMinimum() {
        Instrument coarse = new Instrument("sim", "X/USDT", "X", "USDT", new BigDecimal("0.01"),
                new BigDecimal("0.1"), new BigDecimal("1"), BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.ZERO);
        assertThat(open.check(buy("0.5", "100"), coarse, FLAT_RICH).map(Denial::reason))
                .contains(DenialReason.QUANTITY_BELOW_MIN);
    }

    @Test
    void balances() {
        RiskState poor = new RiskState(BigDecimal.ZERO, 0, BigDecimal.ZERO, BigDecimal.ZERO,
                new BigDecimal("0.001"), new BigDecimal("100"), new BigDecimal("64000"));
        // 0.01 * 64000 = 640 USDT > 100
        assertThat(denial(open, buy("0.01", "64000"), poor)).isEqualTo(DenialReason.INSUFFICIENT_BALANCE);
        assertThat(denial(open, OrderRequest.limit(OrderSide.SELL, new BigDecimal("0.01"), new BigDecimal("64000")),
                poor)).isEqualTo(DenialReason.INSUFFICIENT_BALANCE);
        // unknown balances are not checked
        RiskState unknown = new RiskState(BigDecimal.ZERO, 0, BigDecimal.ZERO, BigDecimal.ZERO, null, null, null);
        assertThat(denial(open, buy("0.01", "64000"), unknown)).isNull();
    }

    @Test
    void marketOrderNeedsAPrice() {
        RiskState noPrice = new RiskState(BigDecimal.ZERO, 0, BigDecimal.ZERO, BigDecimal.ZERO, null, null, null);
        assertThat(denial(open, OrderRequest.market(OrderSide.BUY, new BigDecimal("0.01")), noPrice))
                .isEqualTo(DenialReason.NO_MARKET_PRICE);
        assertThat(denial(open, OrderRequest.market(OrderSide.BUY, new BigDecimal("0.01")), FLAT_RICH)).isNull();
    }

    @Test
    void botLimits() {
        RiskEngine limited = new RiskEngine(new RiskLimits(new BigDecimal("0.02"), 2, new BigDecimal("1000")));
        assertThat(denial(limited, buy("0.02", "64000"), FLAT_RICH)).isEqualTo(DenialReason.MAX_ORDER_NOTIONAL_EXCEEDED);
        RiskState twoOpen = new RiskState(BigDecimal.ZERO, 2, BigDecimal.ZERO, BigDecimal.ZERO, null, null, null);
        assertThat(denial(limited, buy("0.01", "64000"), twoOpen)).isEqualTo(DenialReason.MAX_OPEN_ORDERS_EXCEEDED);
        // holding 0.01 with 0.005 more on order: a further 0.01 would make 0.025 > 0.02
        RiskState holding = new RiskState(new BigDecimal("0.01"), 1, new BigDecimal("0.005"), BigDecimal.ZERO,
                null, null, null);
        assertThat(denial(limited, buy("0.01", "64000"), holding)).isEqualTo(DenialReason.MAX_POSITION_EXCEEDED);
        // selling reduces the exposure: allowed
        assertThat(denial(limited, OrderRequest.limit(OrderSide.SELL, new BigDecimal("0.01"),
                new BigDecimal("64000")), holding)).isNull();
    }

    @Test
    void killSwitchDeniesEverything() {
        AtomicBoolean kill = new AtomicBoolean();
        RiskEngine risk = new RiskEngine(RiskLimits.NONE, kill::get);
        assertThat(denial(risk, buy("0.01", "64000"), FLAT_RICH)).isNull();
        kill.set(true);
        assertThat(denial(risk, buy("0.01", "64000"), FLAT_RICH)).isEqualTo(DenialReason.KILL_SWITCH);
    }

    @Test
    void aStopNeedsAPositiveTriggerOnTheTickGridAndIsValuedAtIt() {
        OrderRequest zero = OrderRequest.stopMarket(OrderSide.SELL, new BigDecimal("0.01"), BigDecimal.ZERO);
        OrderRequest offGrid = OrderRequest.stopMarket(OrderSide.SELL, new BigDecimal("0.01"), new BigDecimal("60000.005"));
        assertThat(denial(open, zero, FLAT_RICH)).isEqualTo(DenialReason.NON_POSITIVE_TRIGGER_PRICE);
        assertThat(denial(open, offGrid, FLAT_RICH)).isEqualTo(DenialReason.TRIGGER_PRICE_PRECISION);
        assertThat(open.check(OrderRequest.stopMarket(OrderSide.SELL, new BigDecimal("0.01"),
                new BigDecimal("60000.00")), BTC, FLAT_RICH)).isEmpty();
        // valued at the trigger, not at the market: 0.0001 * 40000 = 4 USDT is below the 5 USDT minimum
        assertThat(denial(open, OrderRequest.stopMarket(OrderSide.SELL, new BigDecimal("0.0001"),
                new BigDecimal("40000.00")), FLAT_RICH)).isEqualTo(DenialReason.NOTIONAL_BELOW_MIN);
    }
}
