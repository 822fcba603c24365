package dev.botfleet.server.runtime;

import dev.botfleet.server.support.PostgresAvailable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A partition of a 3-node cluster of the packaged jar (docs/cluster.md): node 2 runs in its own network namespace
 * ({@link NodeNamespace}); the test cuts its cluster link while it keeps running and keeps its database. The
 * minority (node 2) must down itself and exit (status 2); the majority must take its bots over only once node 2 has
 * let go of their leases — never two owners: each bot's orders, in journal order, carry non-decreasing epochs, no
 * client order id reached the sim exchange twice or unjournaled, every bot ACTIVE and trading on the majority.
 *
 * <p>In the default build (needs root and iproute2 for the namespace; about 45 s here); alone: {@code mvn -B -pl server
 * -am verify -Dexec.skip=true -Dnpm.executable=true -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * -Dit.test=ClusterPartitionIT -Dfailsafe.failIfNoSpecifiedTests=false}.
 */
@ExtendWith(PostgresAvailable.class)
class ClusterPartitionIT {
    private static final int BOTS = Integer.getInteger("botfleet.it.cluster.bots", 12);

    private static NodeNamespace namespace;
    private static TcpRelay database;
    private static ClusterHarness cluster;

    @AfterAll
    static void tearDown() throws Exception {
        if (cluster != null) cluster.close();
        if (database != null) database.close();
        if (namespace != null) namespace.close();
    }

    @Test
    void theIsolatedMinorityDownsItselfAndItsBotsMoveWithoutTwoOwners() throws Exception {
        String unavailable = NodeNamespace.unavailableReason();
        // where namespaces cannot be made (no root, no iproute2) a developer's build skips it with the reason; CI fails
        if (unavailable != null && System.getenv("CI") != null) throw new AssertionError("ClusterPartitionIT: " + unavailable);
        Assumptions.assumeTrue(unavailable == null, unavailable);
        namespace = NodeNamespace.create();
        URI pg = URI.create(ClusterHarness.PG_URL.substring("jdbc:".length()));
        database = new TcpRelay(NodeNamespace.HOST_DATABASE_ADDRESS, new InetSocketAddress(pg.getHost(), pg.getPort()));
        var host = new ClusterHarness.Placement(NodeNamespace.HOST_CLUSTER_ADDRESS, ClusterHarness.PG_URL, List.of(), "127.0.0.1");
        var isolated = new ClusterHarness.Placement(NodeNamespace.NODE_CLUSTER_ADDRESS, "jdbc:postgresql://"
                + NodeNamespace.HOST_DATABASE_ADDRESS + ":" + database.port() + pg.getPath(), namespace.commandPrefix(),
                NodeNamespace.NODE_CLUSTER_ADDRESS);
        cluster = new ClusterHarness("ClusterPartitionIT", List.of(host, host, isolated), Map.of());
        cluster.start();

        ServerApi api = new ServerApi(cluster.nodes.get(0));
        String token = api.register("partition@example.com");
        UUID owner = UUID.fromString(cluster.sql1("SELECT id FROM users WHERE email = 'partition@example.com'"));
        List<String> bots = cluster.startScalpers(api, token, "partition-", BOTS, "0.0002", 3);
        cluster.awaitCount("fills before the partition", "SELECT COUNT(*) FROM trades", 3);
        List<String> moving = cluster.botsOn(2, owner, bots);
        assertThat(moving).as("bots on the node to isolate").isNotEmpty();
        Map<String, Map.Entry<String, Long>> leases = cluster.leases();
        Map<String, Long> oldEpochs = new HashMap<>();
        for (String bot : moving) oldEpochs.put(bot, leases.get(ClusterHarness.leaseName(owner, bot)).getValue());

        Instant cutAt = Instant.now();
        namespace.cutClusterLink();
        System.out.println("ClusterPartitionIT: cut node 2 off the cluster, holding " + moving.size() + " bot(s), epochs " + oldEpochs);
        ServerProcess minority = cluster.nodes.get(2);
        Integer exit = minority.awaitExit(Duration.ofSeconds(120));
        Duration exitedAfter = Duration.between(cutAt, Instant.now());
        System.out.println("ClusterPartitionIT: node 2 exited " + (exit == null ? "NOT" : "with " + exit) + " after "
                + exitedAfter.toMillis() + " ms; log " + minority.log());
        assertThat(exit).as("the isolated minority downs itself and exits").isEqualTo(2);

        List<Long> failovers = new ArrayList<>();
        for (String bot : moving) {
            failovers.add(Duration.between(cutAt, cluster.awaitStarted(bot, cutAt, Duration.ofSeconds(90))).toMillis());
            Map.Entry<String, Long> lease = cluster.leases().get(ClusterHarness.leaseName(owner, bot));
            assertThat(lease).as("the lease of " + bot + "'s shard, held again").isNotNull();
            assertThat(lease.getKey()).as("its holder").doesNotContain("@" + cluster.clusterAddresses.get(2) + "#");
            assertThat(lease.getValue()).as("its epoch").isGreaterThan(oldEpochs.get(bot));
        }
        // the moved bots trade on the majority (a scalper whose order still rests places none: any of them will do)
        String movedIds = String.join("','", moving);
        cluster.awaitCount("an order of a moved bot under a newer epoch", "SELECT COUNT(*) FROM orders o WHERE bot_id IN ('"
                + movedIds + "') AND lease_epoch > (SELECT MIN(lease_epoch) FROM orders WHERE bot_id = o.bot_id)", 1);
        long fills = cluster.count("SELECT COUNT(*) FROM trades");
        cluster.awaitCount("fills on the majority", "SELECT COUNT(*) FROM trades", fills + 2);
        for (String bot : bots) {
            assertThat(cluster.sql1("SELECT status FROM bots WHERE id = '" + bot + "'")).as("bot " + bot).isEqualTo("ACTIVE");
        }
        // never two owners: no order under the minority's epochs after the first under the majority's
        cluster.assertInvariants(bots);
        System.out.println("ClusterPartitionIT: moved bots started on the majority after " + failovers.stream().sorted().toList()
                + " ms; " + cluster.count("SELECT COUNT(*) FROM orders") + " orders, " + cluster.underEpochs("orders", oldEpochs)
                + " under the minority's epochs");
    }
}
