package dev.botfleet.server.cluster;

import dev.botfleet.server.order.LeaseFence;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a node's {@link PostgresLease}s share: the lease table client, the renewal interval, and the fences currently
 * held (so a bot entity starting in a shard finds its shard's lease and epoch). Pekko creates lease instances by
 * reflection from configuration, so they find their binding through the actor system they belong to.
 */
final class LeaseBinding {
    private static final Map<org.apache.pekko.actor.ActorSystem, LeaseBinding> BY_SYSTEM = new ConcurrentHashMap<>();

    final ShardLeases leases;
    final Duration renewInterval;
    private final Map<String, LeaseFence> held = new ConcurrentHashMap<>();

    LeaseBinding(ShardLeases leases, Duration renewInterval) {
        this.leases = leases;
        this.renewInterval = renewInterval;
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

    void held(LeaseFence fence) {
        held.put(fence.shard(), fence);
    }

    void lost(LeaseFence fence) {
        held.remove(fence.shard(), fence);
    }

    Optional<LeaseFence> fence(String leaseName) {
        return Optional.ofNullable(held.get(leaseName));
    }
}
