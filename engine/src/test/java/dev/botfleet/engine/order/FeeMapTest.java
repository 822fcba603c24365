package dev.botfleet.engine.order;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link FeeMap} behaves as the copied {@code LinkedHashMap} it replaces: same entries, order, equality and text. */
class FeeMapTest {

    @Test
    void plusIsAMergeIntoACopy() {
        SplittableRandom random = new SplittableRandom(7);
        List<String> currencies = List.of("USDT", "BTC", "BNB", "ETH");
        for (int run = 0; run < 500; run++) {
            Map<String, BigDecimal> expected = new LinkedHashMap<>();
            Map<String, BigDecimal> fees = Map.of();
            List<Map<String, BigDecimal>> earlier = new ArrayList<>();
            List<Map<String, BigDecimal>> earlierExpected = new ArrayList<>();
            for (int step = 0, steps = random.nextInt(8); step < steps; step++) {
                String currency = currencies.get(random.nextInt(currencies.size()));
                BigDecimal amount = BigDecimal.valueOf(random.nextInt(1000), random.nextInt(4));
                expected.merge(currency, amount, BigDecimal::add);
                fees = FeeMap.plus(fees, currency, amount);
                earlier.add(fees);
                earlierExpected.add(new LinkedHashMap<>(expected));

                assertThat(fees).isEqualTo(expected).hasSameHashCodeAs(expected);
                assertThat(fees.toString()).isEqualTo(expected.toString());
                assertThat(new ArrayList<>(fees.keySet())).isEqualTo(new ArrayList<>(expected.keySet()));
                assertThat(new ArrayList<>(fees.values())).isEqualTo(new ArrayList<>(expected.values()));
            }
            // A map handed out earlier never changes with later fees.
            assertThat(earlier).isEqualTo(earlierExpected);
        }
    }

    @Test
    void plusStartsFromAnyMap() {
        Map<String, BigDecimal> journaled = new LinkedHashMap<>();
        journaled.put("BNB", new BigDecimal("0.01"));
        journaled.put("USDT", new BigDecimal("1.5"));

        FeeMap fees = FeeMap.plus(journaled, "USDT", new BigDecimal("0.5"));

        assertThat(fees).containsExactly(Map.entry("BNB", new BigDecimal("0.01")), Map.entry("USDT", new BigDecimal("2.0")));
        assertThat(journaled).containsEntry("USDT", new BigDecimal("1.5"));
    }

    @Test
    void cannotBeChanged() {
        FeeMap fees = FeeMap.plus(Map.of(), "USDT", BigDecimal.ONE);

        assertThatThrownBy(() -> fees.put("BTC", BigDecimal.ONE)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> fees.remove("USDT")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> fees.entrySet().iterator().next().setValue(BigDecimal.TEN))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> {
            var it = fees.entrySet().iterator();
            it.next();
            it.remove();
        }).isInstanceOf(UnsupportedOperationException.class);
        assertThat(fees).containsExactly(Map.entry("USDT", BigDecimal.ONE));
    }

    @Test
    void frozenSharesAFeeMapAndCopiesAnyOtherMap() {
        FeeMap own = FeeMap.plus(Map.of(), "USDT", BigDecimal.ONE);
        Map<String, BigDecimal> mutable = new LinkedHashMap<>(Map.of("USDT", BigDecimal.ONE));

        Map<String, BigDecimal> copy = FeeMap.frozen(mutable, Map.of());
        mutable.put("BTC", BigDecimal.TEN);

        assertThat(FeeMap.frozen(own, Map.of())).isSameAs(own);
        assertThat(copy).containsExactly(Map.entry("USDT", BigDecimal.ONE));
        assertThatThrownBy(() -> copy.put("ETH", BigDecimal.ONE)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(FeeMap.frozen(new LinkedHashMap<>(), Map.of())).isSameAs(Map.of());
    }
}
