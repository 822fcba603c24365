package dev.botfleet.server.runtime;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A Linux network namespace for one cluster node, so the test can cut that node off the cluster's network while it
 * keeps running and keeps its database connection — a real partition, not a frozen process. Two veth pairs join it to
 * the host: the cluster link (cut by {@link #cutClusterLink()}) and the database link (never cut). The other nodes
 * use {@link #HOST_CLUSTER_ADDRESS}, an address on the host's loopback that the namespace reaches over the cluster
 * link, so cutting that link leaves them talking to each other. Needs root and {@code ip} (iproute2).
 */
final class NodeNamespace implements AutoCloseable {
    /** The cluster address of the nodes outside the namespace (added to the host's loopback). */
    static final String HOST_CLUSTER_ADDRESS = "10.231.1.1";
    /** The namespaced node's own cluster address. */
    static final String NODE_CLUSTER_ADDRESS = "10.231.0.2";
    /** Where the namespaced node reaches the host's database relay. */
    static final String HOST_DATABASE_ADDRESS = "10.232.0.1";

    private final String name;
    private final String clusterLink;
    private final String databaseLink;
    private boolean hostAddressAdded;

    private NodeNamespace(String suffix) {
        this.name = "bf-" + suffix;
        this.clusterLink = "bfc" + suffix;
        this.databaseLink = "bfd" + suffix;
    }

    /** Whether this machine lets the test make namespaces (root with iproute2), without making one. */
    static String unavailableReason() {
        if (!"root".equals(System.getProperty("user.name"))) return "network namespaces need root";
        try {
            Process p = new ProcessBuilder("ip", "netns", "list").redirectErrorStream(true).start();
            return p.waitFor() == 0 ? null : "`ip netns list` failed";
        } catch (IOException | InterruptedException e) {
            return "no `ip` command (iproute2): " + e.getMessage();
        }
    }

    static NodeNamespace create() throws Exception {
        NodeNamespace ns = new NodeNamespace(UUID.randomUUID().toString().substring(0, 6));
        try {
            ns.setUp();
        } catch (Exception e) {
            ns.close();
            throw e;
        }
        return ns;
    }

    private void setUp() throws Exception {
        ip("netns", "add", name);
        link(clusterLink, "10.231.0.1/30", NODE_CLUSTER_ADDRESS + "/30");
        link(databaseLink, "10.232.0.1/30", "10.232.0.2/30");
        inside("ip", "link", "set", "lo", "up");
        ip("addr", "add", HOST_CLUSTER_ADDRESS + "/32", "dev", "lo");
        hostAddressAdded = true;
        inside("ip", "route", "add", HOST_CLUSTER_ADDRESS + "/32", "via", "10.231.0.1");
    }

    /** A veth pair: the host end keeps {@code hostAddress}, the other end goes into the namespace. */
    private void link(String hostEnd, String hostAddress, String nodeAddress) throws Exception {
        String nodeEnd = hostEnd + "n";
        ip("link", "add", hostEnd, "type", "veth", "peer", "name", nodeEnd);
        ip("link", "set", nodeEnd, "netns", name);
        ip("addr", "add", hostAddress, "dev", hostEnd);
        ip("link", "set", hostEnd, "up");
        inside("ip", "addr", "add", nodeAddress, "dev", nodeEnd);
        inside("ip", "link", "set", nodeEnd, "up");
    }

    /** What runs a command inside the namespace. */
    List<String> commandPrefix() {
        return List.of("ip", "netns", "exec", name);
    }

    /** The partition: the namespaced node loses the other nodes (both directions), not its database. */
    void cutClusterLink() throws Exception {
        ip("link", "set", clusterLink, "down");
    }

    private void inside(String... command) throws Exception {
        List<String> full = new ArrayList<>(commandPrefix());
        full.addAll(List.of(command));
        run(full);
    }

    private static void ip(String... args) throws Exception {
        List<String> full = new ArrayList<>(List.of("ip"));
        full.addAll(List.of(args));
        run(full);
    }

    private static void run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) throw new IllegalStateException(String.join(" ", command) + " failed: " + out.strip());
    }

    /** Removes the namespace (and with it both veth pairs) and the loopback address. */
    @Override
    public void close() throws Exception {
        if (hostAddressAdded) ip("addr", "del", HOST_CLUSTER_ADDRESS + "/32", "dev", "lo");
        try {
            ip("netns", "del", name);
        } catch (IllegalStateException e) {
            // not created
        }
        for (String link : List.of(clusterLink, databaseLink)) {
            try {
                ip("link", "del", link);
            } catch (IllegalStateException e) {
                // gone with the namespace
            }
        }
    }
}
