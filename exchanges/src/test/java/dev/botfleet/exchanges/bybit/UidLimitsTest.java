package dev.botfleet.exchanges.bybit;

import dev.botfleet.exchanges.http.ClockOffset;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The per-UID rolling window on a hand-driven clock: waits are recorded, not spent. */
class UidLimitsTest {
    private final AtomicLong now = new AtomicLong(10_000);
    private final List<Long> waits = new ArrayList<>();
    private final UidLimits limits = new UidLimits(now::get, millis -> {
        waits.add(millis);
        now.addAndGet(millis);
    }, new ClockOffset(now::get));

    @Test
    void aFullWindowWaitsUntilTheOldestRequestIsASecondAndTheMarginOld() {
        limits.observe(UidLimits.ORDER, 3, 2, 0);
        for (int i = 0; i < 3; i++) limits.answered(limits.acquire(UidLimits.ORDER));
        now.addAndGet(400);

        limits.acquire(UidLimits.ORDER);

        assertThat(waits).containsExactly(1000L + 50 - 400 + 1);
    }

    @Test
    void aSlotCountsFromItsAnswerSoASlowRequestCannotLetTheNextOneIntoTheVenuesWindowEarly() {
        limits.observe(UidLimits.ORDER, 3, 2, 0);
        List<UidLimits.Slot> slots = new ArrayList<>();
        for (int i = 0; i < 3; i++) slots.add(limits.acquire(UidLimits.ORDER));
        now.addAndGet(300);  // the answers took 300 ms: the venue may have counted them up to here
        slots.forEach(limits::answered);

        limits.acquire(UidLimits.ORDER);

        // Dated by the send, the fourth would have waited 751 ms and could reach the venue inside its window.
        assertThat(waits).containsExactly(1000L + 50 + 1);
    }

    @Test
    void windowsAreSeparate() {
        limits.observe(UidLimits.ORDER, 1, 0, 0);
        limits.acquire(UidLimits.ORDER);

        limits.acquire(UidLimits.READ);

        assertThat(waits).isEmpty();
    }
}
