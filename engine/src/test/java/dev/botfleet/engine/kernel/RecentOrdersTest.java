package dev.botfleet.engine.kernel;

import dev.botfleet.engine.order.Order;
import dev.botfleet.engine.order.OrderRequest;
import dev.botfleet.engine.order.OrderSide;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link RecentOrders} keeps what an insertion-ordered map dropping its eldest entry beyond the capacity keeps. */
class RecentOrdersTest {

    private static Order order(String id) {
        return new Order("bot", id, "sim", "BTC/USDT", OrderRequest.market(OrderSide.BUY, BigDecimal.ONE), Instant.EPOCH);
    }

    @Test
    void sameAsAnEvictingLinkedHashMap() {
        SplittableRandom random = new SplittableRandom(3);
        int capacity = 8;
        RecentOrders recent = new RecentOrders(capacity);
        Map<String, Order> model = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Order> eldest) {
                return size() > capacity;
            }
        };
        int sequence = 0;
        for (int step = 0; step < 20_000; step++) {
            // mostly new ids, sometimes one seen before (a late fill closing a canceled order again)
            String id = random.nextInt(4) == 0 ? "bot-" + random.nextInt(sequence + 1) : "bot-" + ++sequence;
            Order o = order(id);
            recent.put(id, o);
            model.put(id, o);

            assertThat(recent.size()).isEqualTo(model.size());
            String probe = "bot-" + random.nextInt(sequence + 2);
            assertThat(recent.get(probe)).as(probe).isSameAs(model.get(probe));
            for (Map.Entry<String, Order> e : model.entrySet()) assertThat(recent.get(e.getKey())).isSameAs(e.getValue());
        }
    }
}
