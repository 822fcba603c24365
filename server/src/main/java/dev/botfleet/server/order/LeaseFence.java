package dev.botfleet.server.order;

/**
 * A node's claim on a shard of bots in a cluster (docs/cluster.md): the shard's lease held by {@code owner} under
 * {@code epoch}. An order intent journaled with a fence is inserted only while this exact lease is still held and
 * unexpired by the database's clock, in the same statement.
 */
public record LeaseFence(String shard, String owner, long epoch) {
    public LeaseFence {
        if (shard == null || shard.isBlank()) throw new IllegalArgumentException("shard is required");
        if (owner == null || owner.isBlank()) throw new IllegalArgumentException("owner is required");
        if (epoch < 1) throw new IllegalArgumentException("epoch must be positive: " + epoch);
    }
}
