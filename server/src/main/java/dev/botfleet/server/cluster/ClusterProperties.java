package dev.botfleet.server.cluster;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * {@code botfleet.cluster.*} (docs/cluster.md). Off by default: nothing of Pekko is created. The timings are chosen so
 * a dead node's bots trade again within about 10 s: the failure detector notices in heartbeat-interval +
 * acceptable-heartbeat-pause, the split brain resolver downs after stable-after, and by then the dead node's shard
 * leases (lease-ttl, renewed every lease-ttl / 3) have expired by the database's clock.
 *
 * @param host          the address other nodes reach this one at (loopback by default)
 * @param port          the cluster (Artery) port of this node
 * @param seedNodes     {@code host:port} of the seed nodes, the same list on every node (this node may be one)
 * @param shards        number of shards the bots are spread over (fixed for the life of the cluster)
 * @param leaseTtl      how long a shard lease lasts unrenewed; near or below the downing time (a takeover that comes
 *                      earlier waits for the expiry), and well above a GC pause or a slow database round trip
 * @param downRemovalMargin how long the survivors wait after a downing before they start the downed node's shards.
 *                      Pekko's margin (stable-after when unset) is there so the losing side of a partition stops first;
 *                      here the shard leases already keep two owners apart (a shard starts only under a lease the old
 *                      owner no longer renews), so the margin is only a delay — kept short, never zero (zero would mean
 *                      "unset": stable-after again)
 * @param sweepInterval how often each node asks sharding to run every ACTIVE bot (a bot whose entity was forgotten,
 *                      e.g. after the whole cluster stopped, starts again)
 * @param exitCode      the status a node exits with after the cluster downed it (a supervisor restarts it)
 */
@ConfigurationProperties("botfleet.cluster")
public record ClusterProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("127.0.0.1") String host,
        @DefaultValue("25520") int port,
        @DefaultValue List<String> seedNodes,
        @DefaultValue("30") int shards,
        @DefaultValue("500ms") Duration heartbeatInterval,
        @DefaultValue("3s") Duration acceptableHeartbeatPause,
        @DefaultValue("2s") Duration stableAfter,
        @DefaultValue("6s") Duration leaseTtl,
        @DefaultValue("100ms") Duration downRemovalMargin,
        @DefaultValue("30s") Duration sweepInterval,
        @DefaultValue("2") int exitCode) {

    /** Refuses a configuration that cannot form a cluster, naming the property. */
    void validate() {
        if (port < 1 || port > 65535) throw new IllegalStateException("botfleet.cluster.port must be 1-65535: " + port);
        if (seedNodes.isEmpty()) {
            throw new IllegalStateException("botfleet.cluster.seed-nodes is required (host:port of the seed nodes)");
        }
        for (String seed : seedNodes) {
            int colon = seed.lastIndexOf(':');
            if (colon < 1 || !seed.substring(colon + 1).matches("\\d{1,5}")) {
                throw new IllegalStateException("botfleet.cluster.seed-nodes: '" + seed + "' is not host:port");
            }
        }
        if (shards < 1) throw new IllegalStateException("botfleet.cluster.shards must be positive: " + shards);
        if (downRemovalMargin.toMillis() < 1) {
            throw new IllegalStateException("botfleet.cluster.down-removal-margin must be at least 1ms: " + downRemovalMargin);
        }
        if (leaseTtl.toMillis() < 300) {
            throw new IllegalStateException("botfleet.cluster.lease-ttl must be at least 300ms: " + leaseTtl);
        }
    }

    /** Renewing three times per lifetime leaves two chances to fail (a slow database) before the lease expires. */
    Duration leaseRenewInterval() {
        return leaseTtl.dividedBy(3);
    }
}
