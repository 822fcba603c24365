package dev.botfleet.bench;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The benchmark's percentiles are those of the samples, within a bucket (1/64 of the value). */
class LatencyRecorderTest {

    @Test
    void aValueFallsInTheBucketWhoseLowerBoundIsAtMostItAndWithinOneSixtyFourth() {
        Random random = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            long v = i < 1_000 ? i : random.nextLong(Long.MAX_VALUE >> random.nextInt(63));
            long low = LatencyRecorder.lowerBound(LatencyRecorder.index(v));
            assertThat(low).as("bucket of %d", v).isLessThanOrEqualTo(v);
            assertThat(v - low).as("bucket of %d", v).isLessThanOrEqualTo(v / LatencyRecorder.SUB_BUCKETS);
        }
        assertThat(LatencyRecorder.lowerBound(LatencyRecorder.index(Long.MAX_VALUE))).isGreaterThan(Long.MAX_VALUE / 64 * 63);
        assertThat(LatencyRecorder.index(63)).isEqualTo(63);
        assertThat(LatencyRecorder.index(64)).isEqualTo(64);
        assertThat(LatencyRecorder.index(128)).isEqualTo(128);
        assertThat(LatencyRecorder.lowerBound(LatencyRecorder.index(130))).isEqualTo(130);  // 128..255 in steps of 2
        assertThat(LatencyRecorder.lowerBound(LatencyRecorder.index(131))).isEqualTo(130);
    }

    @Test
    void percentilesMergeEveryThreadsSamplesAndMatchTheExactOnes() throws InterruptedException {
        LatencyRecorder recorder = new LatencyRecorder();
        Random random = new Random(11);
        long[] samples = new long[100_000];
        for (int i = 0; i < samples.length; i++) samples[i] = (long) (Math.exp(random.nextGaussian() * 2 + 12));
        // two threads, each half of the samples
        Thread a = Thread.ofPlatform().start(() -> { for (int i = 0; i < samples.length; i += 2) recorder.record(samples[i]); });
        Thread b = Thread.ofPlatform().start(() -> { for (int i = 1; i < samples.length; i += 2) recorder.record(samples[i]); });
        a.join();
        b.join();

        long[] sorted = samples.clone();
        Arrays.sort(sorted);
        double[] ps = {50, 99, 99.9, 100};
        long[] got = recorder.percentiles(ps);
        assertThat(recorder.count()).isEqualTo(samples.length);
        for (int i = 0; i < ps.length; i++) {
            long exact = sorted[(int) Math.ceil(ps[i] / 100 * sorted.length) - 1];
            assertThat(got[i]).as("p%s", ps[i]).isLessThanOrEqualTo(exact).isGreaterThanOrEqualTo(exact - exact / 64);
        }

        recorder.reset();
        assertThat(recorder.count()).isZero();
        assertThat(recorder.percentiles(50)).containsExactly(0);
    }
}
