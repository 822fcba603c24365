package dev.botfleet.server.cluster;

import dev.botfleet.server.order.LeaseFence;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.coordination.lease.LeaseSettings;
import org.apache.pekko.coordination.lease.javadsl.Lease;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The lease each Pekko shard of bots must hold before its entities start (pekko.cluster.sharding.use-lease): a row
 * of {@code shard_leases} (see {@link ShardLeases}). While held it is renewed every lease-ttl / 3; when a renewal is
 * refused (the lease expired — a long pause — or another node took it), or the database has not confirmed a renewal for
 * nearly a lease lifetime, the lease is lost: Pekko stops the shard and its entities, which give their bots up
 * without sending anything, and later asks for the lease again (a new epoch).
 *
 * <p>Pekko keeps one instance per shard and node, and may acquire it again after a loss.
 */
public final class PostgresLease extends Lease {
    private static final Logger log = LoggerFactory.getLogger(PostgresLease.class);
    private static final ScheduledExecutorService RENEWALS =
            Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("shard-lease-renewal").factory());

    /** Lease calls block on JDBC: off Pekko's dispatcher threads. */
    private static final java.util.concurrent.ExecutorService CALLS = Executors.newVirtualThreadPerTaskExecutor();

    private final LeaseSettings settings;
    private final LeaseBinding binding;
    private volatile LeaseFence fence;
    private ScheduledFuture<?> renewal;
    /** System.nanoTime() when the last confirmed renewal (or the acquire) was sent: the lease lasts at least ttl past it. */
    private volatile long confirmedSentAt;

    public PostgresLease(LeaseSettings settings, ExtendedActorSystem system) {
        this.settings = settings;
        this.binding = LeaseBinding.of(system);
    }

    @Override
    public LeaseSettings getSettings() {
        return settings;
    }

    @Override
    public CompletionStage<Boolean> acquire() {
        return acquire(reason -> { });
    }

    @Override
    public CompletionStage<Boolean> acquire(Consumer<Optional<Throwable>> leaseLost) {
        return CompletableFuture.supplyAsync(() -> {
            long sentAt = binding.now();
            Optional<LeaseFence> taken = binding.leases.acquire(settings.leaseName());
            if (taken.isEmpty()) return false;
            synchronized (this) {
                fence = taken.get();
                confirmedSentAt = sentAt;
                binding.confirmed(fence, sentAt);
                long every = binding.renewInterval.toMillis();
                LeaseFence mine = fence;
                renewal = RENEWALS.scheduleWithFixedDelay(() -> renew(mine, leaseLost), every, every, TimeUnit.MILLISECONDS);
            }
            log.info("Shard lease {} taken, epoch {}", settings.leaseName(), taken.get().epoch());
            return true;
        }, CALLS);
    }

    private void renew(LeaseFence mine, Consumer<Optional<Throwable>> leaseLost) {
        if (fence != mine) return;
        long sentAt = binding.now();
        try {
            if (binding.leases.renew(mine)) {
                synchronized (this) {
                    if (fence != mine) return;  // released or lost meanwhile: not held again
                    confirmedSentAt = sentAt;
                    binding.confirmed(mine, sentAt);
                }
                return;
            }
            lose(mine, leaseLost, Optional.empty(), "the database refused the renewal (expired or taken)");
        } catch (RuntimeException e) {
            // The database may be slow or away: give up before the lease can have expired there, whatever its clock.
            long unconfirmed = TimeUnit.NANOSECONDS.toMillis(binding.now() - confirmedSentAt);
            if (unconfirmed + binding.renewInterval.toMillis() >= binding.leases.ttl().toMillis()) {
                lose(mine, leaseLost, Optional.of(e), "no renewal confirmed for " + unconfirmed + " ms");
            } else {
                log.warn("Shard lease {} renewal failed, retrying: {}", mine.shard(), e.getMessage());
            }
        }
    }

    private synchronized void lose(LeaseFence mine, Consumer<Optional<Throwable>> leaseLost, Optional<Throwable> cause,
                                   String why) {
        if (fence != mine) return;
        fence = null;
        binding.lost(mine);
        if (renewal != null) renewal.cancel(false);
        log.error("Shard lease {} (epoch {}) lost: {}", mine.shard(), mine.epoch(), why);
        leaseLost.accept(cause);
    }

    @Override
    public CompletionStage<Boolean> release() {
        return CompletableFuture.supplyAsync(() -> {
            LeaseFence mine;
            synchronized (this) {
                mine = fence;
                if (mine == null) return true;
                fence = null;
                binding.lost(mine);
                if (renewal != null) renewal.cancel(false);
            }
            try {
                binding.leases.release(mine);
            } catch (RuntimeException e) {
                log.warn("Shard lease {} not released ({}); it expires by itself", mine.shard(), e.getMessage());
            }
            return true;
        }, CALLS);
    }

    @Override
    public boolean checkLease() {
        return fence != null;
    }
}
