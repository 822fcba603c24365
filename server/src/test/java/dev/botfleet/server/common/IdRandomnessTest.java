package dev.botfleet.server.common;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdRandomnessTest {
    @Test
    void idsMadeByManyVirtualThreadsAtOnceAreWellFormedAndNeverRepeat() throws Exception {
        int threads = 200, each = 500;
        long ms = 1_796_000_000_000L;  // all in one millisecond: only the random bits tell them apart
        Set<UUID> ids = ConcurrentHashMap.newKeySet();
        CountDownLatch start = new CountDownLatch(1);
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int t = 0; t < threads; t++) {
                executor.submit(() -> {
                    start.await();
                    for (int i = 0; i < each; i++) ids.add(Ids.timeOrdered(ms));
                    return null;
                });
            }
            start.countDown();
        }
        assertThat(ids).hasSize(threads * each);
        for (UUID id : ids) {
            assertThat(id.version()).isEqualTo(7);
            assertThat(id.variant()).isEqualTo(2);
            assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(ms);
        }
    }

    @Test
    void everyStripeIsItsOwnGeneratorAndEachBlockIsFresh() {
        IdRandomness randomness = new IdRandomness(8);
        // one thread reads one stripe: 64 ids a block, so 200 ids cross three block refills and none repeats
        List<Long> words = new ArrayList<>();
        long[] pair = new long[2];
        for (int i = 0; i < 200; i++) {
            randomness.next(pair);
            words.add(pair[0]);
            words.add(pair[1]);
        }
        assertThat(Set.copyOf(words)).hasSize(words.size());
        // another instance is seeded on its own: its first bits are not the first ones's
        long[] other = new long[2];
        new IdRandomness(8).next(other);
        assertThat(other[0]).isNotEqualTo(words.get(0));
        assertThat(randomness.stripeCount()).isEqualTo(8);
    }

    @Test
    void aStripeCountThatIsNoPowerOfTwoIsRefused() {
        assertThatThrownBy(() -> new IdRandomness(6)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("power of two");
    }
}
