package dev.botfleet.server.runtime;

import dev.botfleet.server.support.PostgresAvailable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failover of a 3-node cluster of the packaged jar on loopback ports, sharing one PostgreSQL schema (docs/cluster.md):
 * N paper scalpers on fast sim ticks; a node that owns some of them is killed with SIGKILL; every one of its bots must
 * start again on another node, and the time from the kill to each bot's "Bot started" line is reported. Then the
 * killed node is started again and another node killed. The journal must show no overlapping epochs (each bot's
 * orders, in insertion order, carry non-decreasing lease epochs, all fenced), and the sim exchange must have received
 * every client order id once, and only journaled ones.
 *
 * <p>In the default build, lean (6 bots, one kill: about two minutes, most of it starting three JVMs). The soak, with
 * more bots and kills: {@code mvn -B -pl server -am verify -Dexec.skip=true -Dnpm.executable=true -Dtest=none
 * -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ClusterFailoverIT -Dfailsafe.failIfNoSpecifiedTests=false
 * -Dbotfleet.it.cluster.bots=300 -Dbotfleet.it.cluster.kills=4} ({@code -Dbotfleet.it.cluster.tuning=stable-after=2s,
 * lease-ttl=5s} for other {@code botfleet.cluster.*} timings).
 */
@ExtendWith(PostgresAvailable.class)
class ClusterFailoverIT {
    private static final int BOTS = Integer.getInteger("botfleet.it.cluster.bots", 6);
    private static final int KILLS = Integer.getInteger("botfleet.it.cluster.kills", 1);
    private static final Duration FAILOVER_DEADLINE = Duration.ofSeconds(60);

    private static ClusterHarness cluster;

    @AfterAll
    static void killAll() throws InterruptedException {
        if (cluster != null) cluster.close();
    }

    @Test
    void killedNodesBotsStartAgainElsewhereWithoutDuplicateOrdersOrOverlappingEpochs() throws Exception {
        cluster = ClusterHarness.onLoopback("ClusterFailoverIT", ClusterHarness.tuningFromSystemProperty());
        cluster.start();
        ServerApi api = new ServerApi(cluster.nodes.get(0));
        String token = api.register("cluster@example.com");
        UUID owner = UUID.fromString(cluster.sql1("SELECT id FROM users WHERE email = 'cluster@example.com'"));
        List<String> bots = cluster.startScalpers(api, token, "cluster-", BOTS, "0.0003", 5);
        List<Long> failovers = new ArrayList<>();
        int previous = -1;
        for (int kill = 1; kill <= KILLS; kill++) {
            cluster.awaitCount("fills before kill " + kill, "SELECT COUNT(*) FROM trades", cluster.count("SELECT COUNT(*) FROM trades") + 2);
            // the node that owns the most bots, never the one killed last (it has just come back)
            int victim = -1;
            List<String> moving = List.of();
            for (int i = 0; i < cluster.nodes.size(); i++) {
                List<String> on = cluster.botsOn(i, owner, bots);
                if (i != previous && (victim < 0 || on.size() > moving.size())) {
                    victim = i;
                    moving = on;
                }
            }
            ServerProcess node = cluster.nodes.get(victim);
            Instant killedAt = Instant.now();
            node.kill();
            System.out.println("ClusterFailoverIT: kill " + kill + " of node " + victim + " owning " + moving.size() + " bot(s)");
            for (String bot : moving) {
                Instant started = cluster.awaitStarted(bot, killedAt, FAILOVER_DEADLINE);
                failovers.add(Duration.between(killedAt, started).toMillis());
            }
            for (String bot : bots) {
                assertThat(cluster.sql1("SELECT status FROM bots WHERE id = '" + bot + "'")).as("bot " + bot).isEqualTo("ACTIVE");
            }
            cluster.assertInvariants(bots);
            System.out.println("ClusterFailoverIT: node " + victim + " restarted in " + node.start(ClusterHarness.STARTUP));
            previous = victim;
        }
        cluster.awaitCount("fills after the last failover", "SELECT COUNT(*) FROM trades", cluster.count("SELECT COUNT(*) FROM trades") + 2);
        cluster.assertInvariants(bots);
        List<Long> sorted = failovers.stream().sorted().toList();
        System.out.println("ClusterFailoverIT: failover ms (kill -> 'Bot started' on another node) over " + sorted.size()
                + " bot moves: min " + sorted.getFirst() + ", median " + sorted.get(sorted.size() / 2) + ", max "
                + sorted.getLast() + ", all " + sorted);
        System.out.println("ClusterFailoverIT: " + cluster.count("SELECT COUNT(*) FROM orders") + " orders, "
                + cluster.count("SELECT COUNT(*) FROM trades") + " fills, " + cluster.count("SELECT COUNT(*) FROM sim_orders")
                + " received by sim, epochs " + cluster.count("SELECT COALESCE(MAX(epoch), 0) FROM shard_leases") + " at most");
        assertThat(sorted).isNotEmpty();
    }
}
