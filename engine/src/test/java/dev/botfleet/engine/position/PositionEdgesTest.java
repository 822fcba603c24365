package dev.botfleet.engine.position;

import dev.botfleet.engine.order.OrderEvent.OrderFilled;
import dev.botfleet.engine.order.OrderSide;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;

import static dev.botfleet.engine.position.PositionTest.BTC;
import static dev.botfleet.engine.position.PositionTest.buy;
import static dev.botfleet.engine.position.PositionTest.fill;
import static dev.botfleet.engine.position.PositionTest.sell;
import static org.assertj.core.api.Assertions.assertThat;

/** Flatness, shorts and fees in the base asset. */
class PositionEdgesTest {

    @Test
    void aPositionIsFlatOnlyAtZero() {
        Position p = new Position("b", BTC);
        assertThat(p.isFlat()).isTrue();
        assertThat(p.snapshot().isFlat()).isTrue();
        assertThat(p.averageEntryPrice()).isNull();
        p.apply(buy("0.5", "100"));
        assertThat(p.isFlat()).isFalse();
        assertThat(p.snapshot().isFlat()).isFalse();
        p.apply(sell("0.8", "100"));
        assertThat(p.isFlat()).isFalse();   // short 0.3
        assertThat(p.snapshot().isFlat()).isFalse();
        p.apply(buy("0.3", "100"));
        assertThat(p.isFlat()).isTrue();
        assertThat(p.averageEntryPrice()).isNull();
    }

    @Test
    void aShortGainsWhenThePriceFalls() {
        Position p = new Position("b", BTC);
        p.apply(sell("2", "100"));
        assertThat(p.quantity()).isEqualByComparingTo("-2");
        assertThat(p.averageEntryPrice()).isEqualByComparingTo("100");
        assertThat(p.unrealizedPnl(new BigDecimal("90"))).isEqualByComparingTo("20");
        assertThat(p.unrealizedPnl()).isEqualByComparingTo("0");   // no price yet
        p.mark(new BigDecimal("110"));
        assertThat(p.unrealizedPnl()).isEqualByComparingTo("-20");
        // buying half back at 90 realizes 10
        assertThat(p.apply(buy("1", "90"))).isEqualByComparingTo("10");
        assertThat(p.realizedPnl()).isEqualByComparingTo("10");
    }

    @Test
    void aBaseFeeOnABuyThatClosesAShortLeavesTheFeeShort() {
        // bought back 1 BTC but the exchange kept 0.001 of it: 0.001 is still owed
        Position p = new Position("b", BTC);
        p.apply(sell("1", "100"));
        OrderFilled cover = fill(OrderSide.BUY, "1", "90", "0.001", "BTC");
        p.apply(cover);
        assertThat(p.quantity()).isEqualByComparingTo("-0.001");
        assertThat(p.fees()).containsEntry("BTC", new BigDecimal("0.001"));
    }

    @Test
    void feesInAThirdCurrencyAreRecordedOnly() {
        Position p = new Position("b", BTC);
        p.apply(fill(OrderSide.BUY, "1", "100", "0.01", "BNB"));
        assertThat(p.apply(fill(OrderSide.SELL, "1", "110", "0.01", "BNB"))).isEqualByComparingTo("10");
        assertThat(p.fees()).isEqualTo(Map.of("BNB", new BigDecimal("0.02")));
        assertThat(p.realizedPnl()).isEqualByComparingTo("10");
    }

    @Test
    void theSnapshotNamesTheBotMarketAndTime() {
        Position p = new Position("b", BTC);
        OrderFilled f = buy("1", "100");
        p.apply(f);
        p.mark(new BigDecimal("105"));
        PositionSnapshot s = p.snapshot();
        assertThat(s.botId()).isEqualTo("b");
        assertThat(s.exchange()).isEqualTo("sim");
        assertThat(s.symbol()).isEqualTo("BTC/USDT");
        assertThat(s.lastPrice()).isEqualByComparingTo("105");
        assertThat(s.unrealizedPnl()).isEqualByComparingTo("5");
        assertThat(s.updatedAt()).isEqualTo(f.timestamp());
        assertThat(p.instrument()).isEqualTo(BTC);
    }
}
