package dev.botfleet.engine.order;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.botfleet.engine.order.OrderTest.accepted;
import static dev.botfleet.engine.order.OrderTest.fill;
import static org.assertj.core.api.Assertions.assertThat;

/** Trade ids beyond the first (kept apart from the rest) are remembered too: a repeated fill is ignored whichever it is. */
class OrderTradeIdsTest {

    @Test
    void everyAppliedTradeIdIsADuplicateAfterwards() {
        Order o = accepted("1", "100");
        assertThat(o.apply(fill("t1", "0.2", "100"))).isTrue();
        assertThat(o.apply(fill("t2", "0.3", "100"))).isTrue();
        assertThat(o.apply(fill("t3", "0.1", "100"))).isTrue();

        assertThat(o.apply(fill("t2", "0.3", "100"))).isFalse();
        assertThat(o.apply(fill("t1", "0.2", "100"))).isFalse();
        assertThat(o.apply(fill("t3", "0.1", "100"))).isFalse();
        assertThat(o.filledQuantity()).isEqualByComparingTo("0.6");
        assertThat(List.of("t1", "t2", "t3")).allMatch(o::hasTrade);
        assertThat(o.hasTrade("t4")).isFalse();
    }

    @Test
    void restoredTradeIdsAreDuplicates() {
        Order o = accepted("1", "100");
        o.apply(fill("t1", "0.2", "100"));
        o.apply(fill("t2", "0.3", "100"));

        Order back = Order.restore(o.snapshot(), List.of("t1", "t2"));

        assertThat(back.apply(fill("t2", "0.3", "100"))).isFalse();
        assertThat(back.apply(fill("t1", "0.2", "100"))).isFalse();
        assertThat(back.apply(fill("t3", "0.5", "100"))).isTrue();
        assertThat(back.status()).isEqualTo(OrderStatus.FILLED);
    }
}
