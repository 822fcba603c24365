package dev.botfleet.engine.backtest.freqtrade.protections;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * numpy's object-array argsort. Expected orders printed by numpy 2.4.6:
 * {@code np.argsort(np.array([f"2024-01-01 10:{k:02d}:00" for k in keys], dtype=object), kind="quicksort")}.
 */
class NumpyArgsortTest {

    @Test
    void sixteenOrFewerElementsAreInsertionSortedSoTiesKeepTheirOrder() {
        assertThat(NumpyArgsort.argsort(new long[16])).containsExactly(
                0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
        assertThat(NumpyArgsort.argsort(new long[] {3, 1, 2, 1})).containsExactly(1, 3, 2, 0);
        assertThat(NumpyArgsort.argsort(new long[0])).isEmpty();
    }

    @Test
    void fromSeventeenElementsTiesAreReorderedExactlyAsNumpyDoes() {
        assertThat(NumpyArgsort.argsort(new long[17])).containsExactly(
                0, 14, 13, 12, 11, 10, 9, 15, 8, 6, 5, 4, 3, 2, 1, 7, 16);
        assertThat(NumpyArgsort.argsort(new long[] {1, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 1, 1, 0, 0, 0, 1}))
                .containsExactly(8, 1, 14, 3, 4, 5, 13, 7, 15, 9, 10, 12, 0, 6, 2, 11, 16);
        assertThat(NumpyArgsort.argsort(new long[] {
            0, 0, 1, 0, 3, 0, 1, 0, 1, 2, 3, 1, 0, 2, 1, 0, 1, 2, 0, 0, 0, 1, 3, 3, 2}))
                .containsExactly(0, 20, 19, 18, 15, 7, 12, 5, 1, 3, 8, 21, 11, 2, 14, 6, 16, 24, 13, 9, 17, 23, 10,
                        22, 4);
        assertThat(NumpyArgsort.argsort(new long[] {
            3, 4, 3, 2, 2, 1, 1, 5, 1, 0, 4, 2, 4, 3, 2, 5, 3, 2, 4, 0, 0, 4, 3, 1, 2, 1, 3, 3, 0, 5, 0, 4, 4, 2, 2, 5,
            2, 4, 3, 4}))
                .containsExactly(19, 28, 20, 9, 30, 5, 6, 8, 23, 25, 33, 3, 34, 11, 36, 4, 14, 17, 24, 27, 26, 22, 0,
                        38, 16, 13, 2, 37, 1, 32, 21, 31, 12, 18, 10, 39, 29, 7, 35, 15);
        assertThat(NumpyArgsort.argsort(new long[] {
            12, 7, 1, 1, 4, 7, 11, 10, 1, 0, 11, 11, 4, 10, 9, 10, 7, 4, 11, 6, 10, 5, 0, 7, 5, 2, 9, 1, 7, 0, 3, 12,
            4, 2, 11, 3, 6, 6, 7, 1, 2, 7, 6, 8, 4, 2, 6, 8, 4, 11, 6, 5, 10, 6, 3, 2, 1, 2, 2, 3, 10, 3, 0, 7}))
                .containsExactly(22, 29, 9, 62, 56, 2, 39, 27, 3, 8, 58, 57, 55, 33, 25, 45, 40, 30, 59, 35, 54, 61,
                        12, 4, 44, 17, 32, 48, 24, 51, 21, 42, 37, 36, 50, 53, 19, 46, 5, 1, 41, 63, 38, 23, 28, 16,
                        43, 47, 14, 26, 7, 52, 60, 15, 13, 20, 49, 10, 6, 18, 34, 11, 0, 31);
    }

    @Test
    void everyResultIsAnAscendingPermutation() {
        Random random = new Random(11);
        for (int trial = 0; trial < 200; trial++) {
            long[] keys = new long[random.nextInt(300)];
            for (int i = 0; i < keys.length; i++) {
                keys[i] = random.nextInt(1 + random.nextInt(50));
            }
            int[] order = NumpyArgsort.argsort(keys);
            boolean[] seen = new boolean[keys.length];
            for (int i = 0; i < order.length; i++) {
                assertThat(seen[order[i]]).isFalse();
                seen[order[i]] = true;
                if (i > 0) {
                    assertThat(keys[order[i - 1]]).isLessThanOrEqualTo(keys[order[i]]);
                }
            }
        }
    }
}
