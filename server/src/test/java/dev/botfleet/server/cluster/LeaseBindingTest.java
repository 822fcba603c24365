package dev.botfleet.server.cluster;

import dev.botfleet.server.order.LeaseFence;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The send gate's clock: a lease counts as held only while its last confirmation is younger than ttl − renewal. */
class LeaseBindingTest {
    private static final Duration TTL = Duration.ofSeconds(6);
    private static final Duration RENEW = Duration.ofSeconds(2);
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final LeaseBinding binding = new LeaseBinding(new ShardLeases(null, "node-a", TTL), RENEW, nanos::get);
    private final LeaseFence fence = new LeaseFence("bot-7", "node-a", 3);

    @Test
    void aConfirmedLeaseIsFreshUntilOneRenewalBeforeItsExpiry() {
        binding.confirmed(fence, nanos.get());
        assertThat(binding.fresh(fence)).isTrue();
        advance(TTL.minus(RENEW).minusMillis(1));
        assertThat(binding.fresh(fence)).isTrue();
        advance(Duration.ofMillis(1));  // e.g. a SIGSTOP between the order's fenced insert and its send
        assertThat(binding.fresh(fence)).isFalse();
    }

    @Test
    void aRenewalConfirmedMakesItFreshAgainFromWhenTheRenewalWasSent() {
        binding.confirmed(fence, nanos.get());
        advance(Duration.ofSeconds(2));
        long renewalSent = nanos.get();
        advance(Duration.ofMillis(300));  // the database's answer takes a while
        binding.confirmed(fence, renewalSent);
        advance(Duration.ofMillis(3_699));
        assertThat(binding.fresh(fence)).isTrue();
        advance(Duration.ofMillis(1));
        assertThat(binding.fresh(fence)).as("counted from the renewal's sending, not its answer").isFalse();
    }

    @Test
    void aLostLeaseOrAnotherEpochIsNeverFresh() {
        binding.confirmed(fence, nanos.get());
        assertThat(binding.fresh(new LeaseFence("bot-7", "node-a", 2))).isFalse();
        assertThat(binding.fresh(new LeaseFence("bot-8", "node-a", 3))).isFalse();
        binding.lost(fence);
        assertThat(binding.fresh(fence)).isFalse();
        assertThat(binding.fence("bot-7")).isEmpty();
    }

    private void advance(Duration d) {
        nanos.addAndGet(d.toNanos());
    }
}
