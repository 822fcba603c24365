package dev.botfleet.server.cluster;

/** This node's standing in the cluster, without Pekko types (so a single server never loads them). */
interface ClusterMembership {
    /** Pekko's member status of this node ("Joining", "Up", "Leaving", ...), or "NotStarted". */
    String status();

    /** True once the cluster has admitted this node: it can own shards and reach every bot. */
    default boolean member() {
        String s = status();
        return s.equals("Up") || s.equals("WeaklyUp");
    }
}
