package dev.botfleet.server.runtime;

import dev.botfleet.server.support.PostgresAvailable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The zombie (issue 16): a node of a 3-node cluster of the packaged jar is frozen with SIGSTOP past its shard leases;
 * the cluster downs it and its bots start again on the other nodes under newer lease epochs; then it is resumed with
 * SIGCONT. It must send nothing — no order is journaled, nor received by the sim exchange, under the epochs it held —
 * and it must exit by itself (downed: coordinated shutdown, exit status 2). Same harness as {@link ClusterFailoverIT}.
 *
 * <p>In the default build (about 35 s here); alone: {@code mvn -B -pl server -am verify -Dexec.skip=true
 * -Dnpm.executable=true -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ClusterZombieIT
 * -Dfailsafe.failIfNoSpecifiedTests=false} (optional {@code -Dbotfleet.it.cluster.bots=N}).
 */
@ExtendWith(PostgresAvailable.class)
class ClusterZombieIT {
    private static final int BOTS = Integer.getInteger("botfleet.it.cluster.bots", 9);

    private static ClusterHarness cluster;

    @AfterAll
    static void killAll() throws InterruptedException {
        if (cluster != null) cluster.close();
    }

    @Test
    void aFrozenNodeResumedAfterItsBotsMovedSendsNothingAndExits() throws Exception {
        cluster = ClusterHarness.onLoopback("ClusterZombieIT", Map.of());
        cluster.start();
        ServerApi api = new ServerApi(cluster.nodes.get(0));
        String token = api.register("zombie@example.com");
        UUID owner = UUID.fromString(cluster.sql1("SELECT id FROM users WHERE email = 'zombie@example.com'"));
        List<String> bots = cluster.startScalpers(api, token, "zombie-", BOTS, "0.0002", 3);
        cluster.awaitCount("fills before the freeze", "SELECT COUNT(*) FROM trades", 3);

        // freeze the node that holds the most of the bots' shards
        Map<String, Map.Entry<String, Long>> leases = cluster.leases();
        int victim = 0;
        List<String> moving = List.of();
        for (int i = 0; i < 3; i++) {
            List<String> on = cluster.botsOn(i, owner, bots);
            if (on.size() > moving.size()) {
                victim = i;
                moving = on;
            }
        }
        assertThat(moving).as("bots on the node to freeze").isNotEmpty();
        Map<String, Long> oldEpochs = new HashMap<>();
        for (String bot : moving) oldEpochs.put(bot, leases.get(ClusterHarness.leaseName(owner, bot)).getValue());
        ServerProcess zombie = cluster.nodes.get(victim);
        Instant frozenAt = Instant.now();
        zombie.signal("STOP");
        System.out.println("ClusterZombieIT: SIGSTOP node " + victim + " holding " + moving.size() + " bot(s), epochs " + oldEpochs);

        for (String bot : moving) {
            Instant started = cluster.awaitStarted(bot, frozenAt, Duration.ofSeconds(90));
            System.out.println("ClusterZombieIT: bot " + bot + " started elsewhere after "
                    + Duration.between(frozenAt, started).toMillis() + " ms");
        }
        // the new owners trade: orders under newer epochs
        for (String bot : moving) {
            cluster.awaitCount("an order of " + bot + " under a newer epoch", "SELECT COUNT(*) FROM orders WHERE bot_id = '" + bot
                    + "' AND lease_epoch > " + oldEpochs.get(bot), 1);
        }
        long journaledUnderOld = cluster.underEpochs("orders", oldEpochs);
        long receivedUnderOld = cluster.underEpochs("sim_orders", oldEpochs);

        Instant resumedAt = Instant.now();
        zombie.signal("CONT");
        Integer exit = zombie.awaitExit(Duration.ofSeconds(90));
        System.out.println("ClusterZombieIT: node " + victim + " resumed; exited " + (exit == null ? "NOT" : "with " + exit)
                + " after " + Duration.between(resumedAt, Instant.now()).toMillis() + " ms (frozen "
                + Duration.between(frozenAt, resumedAt).toMillis() + " ms); log " + zombie.log());
        assertThat(exit).as("the resumed node exits (downed)").isEqualTo(2);
        assertThat(cluster.underEpochs("orders", oldEpochs)).as("orders journaled under the zombie's epochs after the resume")
                .isEqualTo(journaledUnderOld);
        assertThat(cluster.underEpochs("sim_orders", oldEpochs)).as("orders the sim exchange received under the zombie's epochs")
                .isEqualTo(receivedUnderOld);
        // the survivors keep trading the moved bots, and the journal rules hold
        long fills = cluster.count("SELECT COUNT(*) FROM trades");
        cluster.awaitCount("fills after the zombie exited", "SELECT COUNT(*) FROM trades", fills + 2);
        for (String bot : bots) {
            assertThat(cluster.sql1("SELECT status FROM bots WHERE id = '" + bot + "'")).as("bot " + bot).isEqualTo("ACTIVE");
        }
        cluster.assertInvariants(bots);
        System.out.println("ClusterZombieIT: " + cluster.count("SELECT COUNT(*) FROM orders") + " orders, " + fills + "+ fills; under the"
                + " zombie's epochs " + journaledUnderOld + " journaled / " + receivedUnderOld + " received, all before the freeze");
    }
}
