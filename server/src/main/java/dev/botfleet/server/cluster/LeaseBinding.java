package dev.botfleet.server.cluster;

import dev.botfleet.server.order.LeaseFence;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * What a node's {@link PostgresLease}s share: the lease table client, the renewal interval, and the fences currently
 * held (so a bot entity starting in a shard finds its shard's lease and epoch) with when each was last confirmed.
 * Pekko creates lease instances by reflection from configuration, so they find their binding through the actor system
 * they belong to.
 */
final class LeaseBinding {
    private static final Map<org.apache.pekko.actor.ActorSystem, LeaseBinding> BY_SYSTEM = new ConcurrentHashMap<>();

    final ShardLeases leases;
    final Duration renewInterval;
    private final Map<String, LeaseFence> held = new ConcurrentHashMap<>();
    /** Per shard: System.nanoTime() when the last confirmed acquire or renewal of its held fence was sent. */
    private final Map<String, Long> confirmedSentAt = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;

    LeaseBinding(ShardLeases leases, Duration renewInterval) {
        this(leases, renewInterval, System::nanoTime);
    }

    LeaseBinding(ShardLeases leases, Duration renewInterval, LongSupplier nanoTime) {
        this.leases = leases;
        this.renewInterval = renewInterval;
        this.nanoTime = nanoTime;
    }

    static void bind(org.apache.pekko.actor.ActorSystem system, LeaseBinding binding) {
        BY_SYSTEM.put(system, binding);
    }

    static void unbind(org.apache.pekko.actor.ActorSystem system) {
        BY_SYSTEM.remove(system);
    }

    static LeaseBinding of(org.apache.pekko.actor.ActorSystem system) {
        LeaseBinding binding = BY_SYSTEM.get(system);
        if (binding == null) throw new IllegalStateException("no shard lease binding for actor system " + system.name());
        return binding;
    }

    /** The database granted or renewed {@code fence} by a statement sent at {@code sentAt} (System.nanoTime()). */
    void confirmed(LeaseFence fence, long sentAt) {
        held.put(fence.shard(), fence);
        confirmedSentAt.put(fence.shard(), sentAt);
    }

    void lost(LeaseFence fence) {
        if (held.remove(fence.shard(), fence)) confirmedSentAt.remove(fence.shard());
    }

    long now() {
        return nanoTime.getAsLong();
    }

    /**
     * May this node still act under {@code fence}, by its own monotonic clock and without asking the database? The
     * database's expiry lies at least a lease-ttl after the last confirmed statement was sent; like the renewal, this
     * gives the lease up one renewal interval before that. A node resuming from a pause (GC, SIGSTOP) longer than that
     * learns it here before it sends anything, even when the pause fell between an order's fenced insert and its send.
     */
    boolean fresh(LeaseFence fence) {
        Long sentAt = confirmedSentAt.get(fence.shard());
        if (sentAt == null || !fence.equals(held.get(fence.shard()))) return false;
        long age = now() - sentAt;
        return age < leases.ttl().minus(renewInterval).toNanos();
    }

    Optional<LeaseFence> fence(String leaseName) {
        return Optional.ofNullable(held.get(leaseName));
    }
}
