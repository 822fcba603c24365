package dev.botfleet.engine.sim;

import dev.botfleet.engine.order.OrderSide;
import dev.botfleet.engine.order.OrderSnapshot;
import dev.botfleet.engine.order.OrderStatus;
import dev.botfleet.engine.order.OrderType;
import dev.botfleet.engine.order.TimeInForce;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link OrderIndex} answers as a {@code HashMap} of the same puts would, through growth and colliding hash codes. */
class OrderIndexTest {

    private static SimOrder order(String id) {
        OrderSnapshot s = new OrderSnapshot("bot", id, null, "sim", "BTC/USDT", OrderSide.BUY, OrderType.MARKET,
                TimeInForce.IOC, null, BigDecimal.ONE, OrderStatus.SUBMITTED, BigDecimal.ZERO, null, Map.of(),
                BigDecimal.ZERO, null, null, false, Instant.EPOCH, Instant.EPOCH);
        return new SimOrder(s, BigDecimal.ONE, "USDT");
    }

    @Test
    void sameAnswersAsAHashMap() {
        SplittableRandom random = new SplittableRandom(11);
        OrderIndex index = new OrderIndex();
        Map<String, SimOrder> model = new HashMap<>();
        // "Aa" and "BB" share a hash code, as do their concatenations; "" hashes to 0
        List<String> odd = List.of("Aa", "BB", "AaAa", "BBBB", "AaBB", "BBAa", "", "\0");
        for (int step = 0; step < 30_000; step++) {
            String id = switch (random.nextInt(10)) {
                case 0 -> odd.get(random.nextInt(odd.size()));
                case 1 -> "backtest-" + random.nextInt(step + 1);   // an id seen before: replaced
                default -> "backtest-" + step;
            };
            SimOrder o = order(id);
            index.put(id, o);
            model.put(id, o);

            String probe = random.nextBoolean() ? "backtest-" + random.nextInt(step + 2) : odd.get(random.nextInt(odd.size()));
            assertThat(index.get(probe)).as(probe).isSameAs(model.get(probe));
            assertThat(index.containsKey(probe)).isEqualTo(model.containsKey(probe));
            assertThat(index.size()).isEqualTo(model.size());
        }
        for (Map.Entry<String, SimOrder> e : model.entrySet()) assertThat(index.get(e.getKey())).isSameAs(e.getValue());
    }

    @Test
    void removalsAnswerAsAHashMapsDo() {
        SplittableRandom random = new SplittableRandom(13);
        OrderIndex index = new OrderIndex();
        Map<String, SimOrder> model = new HashMap<>();
        List<String> odd = List.of("Aa", "BB", "AaAa", "BBBB", "AaBB", "BBAa", "", "\0");
        for (int step = 0; step < 60_000; step++) {
            // ids from a small pool, so runs of colliding slots form, are removed from their middle and refilled
            String id = random.nextInt(8) == 0 ? odd.get(random.nextInt(odd.size())) : "o-" + random.nextInt(400);
            if (random.nextInt(3) == 0) {
                index.remove(id);
                model.remove(id);
            } else {
                SimOrder o = order(id);
                index.put(id, o);
                model.put(id, o);
            }
            String probe = random.nextBoolean() ? "o-" + random.nextInt(400) : odd.get(random.nextInt(odd.size()));
            assertThat(index.get(probe)).as(probe).isSameAs(model.get(probe));
            assertThat(index.size()).isEqualTo(model.size());
        }
        for (Map.Entry<String, SimOrder> e : model.entrySet()) assertThat(index.get(e.getKey())).isSameAs(e.getValue());
        for (String id : List.copyOf(model.keySet())) index.remove(id);
        assertThat(index.size()).isZero();
        assertThat(index.get("o-1")).isNull();
    }
}
