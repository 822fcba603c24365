package dev.botfleet.engine.position;

import dev.botfleet.engine.order.OrderEvent.OrderFilled;
import dev.botfleet.engine.order.OrderSide;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static dev.botfleet.engine.position.PositionTest.BTC;
import static dev.botfleet.engine.position.PositionTest.fill;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A position started where the bot last stood flat, then fed the later fills, is the position replayed from scratch. */
class PositionStartAtTest {
    @Test
    void startingAtTheLastFlatPointThenReplayingTheRestEqualsReplayingEverything() {
        // two round trips with partial closes and fees in two currencies, then an open deal of two entries
        List<OrderFilled> fills = List.of(
                fill(OrderSide.BUY, "0.3", "100.17", "0.030051", "USDT"),
                fill(OrderSide.BUY, "0.2", "99.03", "0.01", "BNB"),
                fill(OrderSide.SELL, "0.125", "101.99", "0.012748", "USDT"),
                fill(OrderSide.SELL, "0.375", "100.51", "0.037691", "USDT"),
                fill(OrderSide.BUY, "1", "97.33", "0.097330", "USDT"),
                fill(OrderSide.SELL, "1", "98.01", "0.098010", "USDT"),
                fill(OrderSide.BUY, "0.7", "96.5", "0.067550", "USDT"),
                fill(OrderSide.BUY, "0.4", "95.25", "0.02", "BNB"));
        Position everything = new Position("b", BTC);
        Position untilFlat = new Position("b", BTC);
        for (OrderFilled f : fills) everything.apply(f);
        for (OrderFilled f : fills.subList(0, 6)) untilFlat.apply(f);
        assertThat(untilFlat.isFlat()).isTrue();

        Position restarted = new Position("b", BTC);
        restarted.startAt(new FlatPoint(untilFlat.realizedPnl(), untilFlat.fees(), fills.get(5).timestamp()));
        for (OrderFilled f : fills.subList(6, 8)) restarted.apply(f);

        // equal in value (a quantity's scale may differ: 1.1 here, 1.100 from the replay that went through 0.000)
        assertThat(restarted.snapshot()).usingRecursiveComparison()
                .withComparatorForType(BigDecimal::compareTo, BigDecimal.class).isEqualTo(everything.snapshot());
        // to the last decimal: sells 12.74875 + 37.69125 + 98.01 minus buys 30.051 + 19.806 + 97.33 = 1.263, minus the
        // quote fees 0.030051 + 0.012748 + 0.037691 + 0.09733 + 0.09801 + 0.06755 = 0.34338 (the BNB fee only recorded)
        assertThat(restarted.realizedPnl()).isEqualByComparingTo("0.91962");
        assertThat(restarted.fees()).isEqualTo(Map.of("USDT", new BigDecimal("0.343380"), "BNB", new BigDecimal("0.03")));
        assertThat(restarted.quantity()).isEqualByComparingTo("1.1");
    }

    @Test
    void aPositionThatBookedAnythingCannotBeStartedElsewhere() {
        Position p = new Position("b", BTC);
        p.apply(fill(OrderSide.BUY, "0.1", "100", "0.01", "USDT"));
        FlatPoint point = new FlatPoint(BigDecimal.ONE, Map.of(), PositionTest.T);
        assertThatThrownBy(() -> p.startAt(point)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("booked fills already");
    }
}
