package dev.botfleet.engine.backtest.signals;

import dev.botfleet.engine.backtest.analysis.TestData;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SignalCacheTest {
    private final AtomicInteger made = new AtomicInteger();

    /** Fresh signals of 100 candles with no indicators: estimatedBytes = 256 + 100 * 10 = 1256. */
    private RecordedSignals signals() {
        made.incrementAndGet();
        int n = 100;
        return new RecordedSignals("rsi", TestData.closes(new double[n]), new boolean[n], new boolean[n], new String[n],
                Map.of(), 0, null, false, List.of(), null);
    }

    private static SignalCache.Key key(String pair, int period) {
        return new SignalCache.Key(pair, "rsi", Map.of("rsiPeriod", period), 0.001);
    }

    @Test
    void aKeyIsRecordedOnceAndThenAnsweredFromTheCache() {
        SignalCache cache = new SignalCache(10, 1_000_000);
        RecordedSignals first = cache.get(key("LTC/BTC", 14), this::signals);
        RecordedSignals again = cache.get(key("LTC/BTC", 14), this::signals);
        cache.get(key("ETC/BTC", 14), this::signals);
        cache.get(key("LTC/BTC", 15), this::signals);  // other parameters: another recording

        assertThat(again).isSameAs(first);
        assertThat(made.get()).isEqualTo(3);
        assertThat(cache.recordings()).isEqualTo(3);
        assertThat(cache.hits()).isEqualTo(1);
        assertThat(cache.bytes()).isEqualTo(3 * 1256);
    }

    @Test
    void parametersCompareByValueWhateverTheirOrder() {
        SignalCache cache = new SignalCache(10, 1_000_000);
        Map<String, Object> a = new HashMap<>();
        a.put("rsiPeriod", 14);
        a.put("oversold", 30);
        Map<String, Object> b = new java.util.LinkedHashMap<>();
        b.put("oversold", 30);
        b.put("rsiPeriod", 14);
        cache.get(new SignalCache.Key("LTC/BTC", "rsi", a, 0.001), this::signals);
        cache.get(new SignalCache.Key("LTC/BTC", "rsi", b, 0.001), this::signals);
        assertThat(cache.recordings()).isEqualTo(1);
    }

    @Test
    void theLeastRecentlyUsedEntryGoesWhenTheCountBoundIsPassed() {
        SignalCache cache = new SignalCache(2, 1_000_000);
        cache.get(key("A/BTC", 1), this::signals);
        cache.get(key("B/BTC", 1), this::signals);
        cache.get(key("A/BTC", 1), this::signals);  // A is now the most recently used
        cache.get(key("C/BTC", 1), this::signals);  // B goes
        cache.get(key("A/BTC", 1), this::signals);
        assertThat(cache.recordings()).isEqualTo(3);
        cache.get(key("B/BTC", 1), this::signals);
        assertThat(cache.recordings()).isEqualTo(4);
    }

    @Test
    void theByteBoundDropsEntriesAndAnEntryLargerThanTheBoundIsNotKept() {
        SignalCache twoFit = new SignalCache(100, 2 * 1256);
        twoFit.get(key("A/BTC", 1), this::signals);
        twoFit.get(key("B/BTC", 1), this::signals);
        twoFit.get(key("C/BTC", 1), this::signals);  // A goes
        assertThat(twoFit.bytes()).isEqualTo(2 * 1256);
        twoFit.get(key("A/BTC", 1), this::signals);
        assertThat(twoFit.recordings()).isEqualTo(4);

        SignalCache tooSmall = new SignalCache(100, 1000);
        tooSmall.get(key("A/BTC", 1), this::signals);
        tooSmall.get(key("A/BTC", 1), this::signals);
        assertThat(tooSmall.recordings()).isEqualTo(2);
        assertThat(tooSmall.bytes()).isZero();
    }

    @Test
    void noneRecordsEveryTime() {
        SignalCache none = new SignalCache(0, 0);
        none.get(key("A/BTC", 1), this::signals);
        none.get(key("A/BTC", 1), this::signals);
        assertThat(none.recordings()).isEqualTo(2);
        assertThat(none.hits()).isZero();
    }

    @Test
    void aFailedRecordingIsNotKept() {
        SignalCache cache = new SignalCache(10, 1_000_000);
        assertThatThrownBy(() -> cache.get(key("A/BTC", 1), () -> {
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        cache.get(key("A/BTC", 1), this::signals);
        assertThat(made.get()).isEqualTo(1);
    }

    @Test
    void twoThreadsAskingForTheSameKeyShareOneRecording() throws Exception {
        SignalCache cache = new SignalCache(10, 1_000_000);
        CountDownLatch recording = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            Future<RecordedSignals> first = pool.submit(() -> cache.get(key("A/BTC", 1), () -> {
                recording.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return signals();
            }));
            assertThat(recording.await(10, TimeUnit.SECONDS)).isTrue();
            Future<RecordedSignals> second = pool.submit(() -> cache.get(key("A/BTC", 1), this::signals));
            // the second ask counts as a hit as soon as it finds the recording in flight, then waits for it
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (cache.hits() == 0 && System.nanoTime() < deadline) Thread.onSpinWait();
            release.countDown();
            assertThat(second.get(10, TimeUnit.SECONDS)).isSameAs(first.get(10, TimeUnit.SECONDS));
        }
        assertThat(made.get()).isEqualTo(1);
        assertThat(cache.recordings()).isEqualTo(1);
    }
}
