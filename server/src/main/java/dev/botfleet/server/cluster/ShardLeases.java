package dev.botfleet.server.cluster;

import dev.botfleet.server.order.LeaseFence;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.Optional;

/**
 * The shard leases of a cluster in PostgreSQL (table {@code shard_leases}, docs/cluster.md). Each operation is one
 * statement, and expiry is always compared with the database's clock ({@code clock_timestamp()}: the time of the
 * statement itself, where {@code now()} would be the start of its transaction) — never with a node's clock, which a GC
 * pause or a drifting host can make lie.
 *
 * <p>A lease is taken only once its previous holder's has expired (or was released), and every take increments the
 * shard's epoch: epochs of one shard strictly increase, and the row is never deleted so they never restart.
 */
public final class ShardLeases {
    private final JdbcClient jdbc;
    private final String owner;
    private final Duration ttl;

    /**
     * @param owner this node's identity, unique per process (a restarted node is a new owner)
     * @param ttl how long a lease lasts after it is taken or renewed
     */
    public ShardLeases(JdbcClient jdbc, String owner, Duration ttl) {
        if (ttl.toMillis() < 1) throw new IllegalArgumentException("ttl must be at least 1 ms");
        this.jdbc = jdbc;
        this.owner = owner;
        this.ttl = ttl;
    }

    public String owner() {
        return owner;
    }

    public Duration ttl() {
        return ttl;
    }

    /**
     * Takes the shard's lease under a new epoch if nobody holds it (never taken, released, or expired); empty while
     * another holder's lease — or this node's own earlier one — is still valid. Two nodes racing: the row's primary key
     * lets one insert or update win, the other finds a valid lease and gets nothing.
     */
    public Optional<LeaseFence> acquire(String shard) {
        return jdbc.sql("""
                        INSERT INTO shard_leases (shard, owner, epoch, expires_at)
                        VALUES (:shard, :owner, 1, clock_timestamp() + :ttl * INTERVAL '1 millisecond')
                        ON CONFLICT (shard) DO UPDATE
                            SET owner = EXCLUDED.owner, epoch = shard_leases.epoch + 1,
                                expires_at = clock_timestamp() + :ttl * INTERVAL '1 millisecond'
                            WHERE shard_leases.expires_at <= clock_timestamp()
                        RETURNING epoch""")
                .param("shard", shard).param("owner", owner).param("ttl", ttl.toMillis())
                .query(Long.class).optional()
                .map(epoch -> new LeaseFence(shard, owner, epoch));
    }

    /**
     * Extends a lease this node still holds unexpired under the same epoch; false once it expired or was taken (an
     * expired lease is never revived, even if nobody took it: the node must stop and take it afresh, new epoch).
     */
    public boolean renew(LeaseFence lease) {
        return jdbc.sql("""
                        UPDATE shard_leases SET expires_at = clock_timestamp() + :ttl * INTERVAL '1 millisecond'
                        WHERE shard = :shard AND owner = :owner AND epoch = :epoch AND expires_at > clock_timestamp()""")
                .param("ttl", ttl.toMillis()).param("shard", lease.shard()).param("owner", lease.owner())
                .param("epoch", lease.epoch())
                .update() == 1;
    }

    /** Gives the lease up at once (a clean hand-over); the row and its epoch stay. False if it was no longer held. */
    public boolean release(LeaseFence lease) {
        return jdbc.sql("""
                        UPDATE shard_leases SET expires_at = clock_timestamp()
                        WHERE shard = :shard AND owner = :owner AND epoch = :epoch AND expires_at > clock_timestamp()""")
                .param("shard", lease.shard()).param("owner", lease.owner()).param("epoch", lease.epoch())
                .update() == 1;
    }

    /** The shard's current valid lease, whoever holds it; empty when nobody does. */
    public Optional<LeaseFence> holder(String shard) {
        return jdbc.sql("""
                        SELECT owner, epoch FROM shard_leases WHERE shard = :shard AND expires_at > clock_timestamp()""")
                .param("shard", shard)
                .query((rs, i) -> new LeaseFence(shard, rs.getString("owner"), rs.getLong("epoch")))
                .optional();
    }
}
