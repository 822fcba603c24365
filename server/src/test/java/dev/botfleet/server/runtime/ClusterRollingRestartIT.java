package dev.botfleet.server.runtime;

import dev.botfleet.server.support.PostgresAvailable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rolling restart of a 3-node cluster of the packaged jar with paper bots trading (docs/operations.md "Running
 * three nodes"): each node in turn is stopped with SIGTERM (a graceful leave), its bots resume on the others, it is
 * started again and the fleet trades before the next. Nothing may be doubled or lost: the journal rules of
 * {@link ClusterHarness#assertInvariants}, every order's filled quantity equal to its booked fills, and each bot's
 * position as the API reports it equal to its fills' net quantity; every bot ACTIVE.
 *
 * <p>In the default build (about 80 s here: three restarts); alone: {@code mvn -B -pl server -am verify -Dexec.skip=true
 * -Dnpm.executable=true -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ClusterRollingRestartIT
 * -Dfailsafe.failIfNoSpecifiedTests=false}.
 */
@ExtendWith(PostgresAvailable.class)
class ClusterRollingRestartIT {
    private static final int BOTS = Integer.getInteger("botfleet.it.cluster.bots", 9);

    private static ClusterHarness cluster;

    @AfterAll
    static void killAll() throws InterruptedException {
        if (cluster != null) cluster.close();
    }

    @Test
    void everyNodeRestartedInTurnWhileTradingLosesAndDoublesNothing() throws Exception {
        cluster = ClusterHarness.onLoopback("ClusterRollingRestartIT", Map.of());
        cluster.start();
        ServerApi api = new ServerApi(cluster.nodes.get(0));
        String token = api.register("rolling@example.com");
        UUID owner = UUID.fromString(cluster.sql1("SELECT id FROM users WHERE email = 'rolling@example.com'"));
        List<String> bots = cluster.startScalpers(api, token, "rolling-", BOTS, "0.0002", 3);

        List<Long> moves = new ArrayList<>();
        for (int node = 0; node < 3; node++) {
            cluster.awaitCount("fills before restarting node " + node, "SELECT COUNT(*) FROM trades",
                    cluster.count("SELECT COUNT(*) FROM trades") + 2);
            List<String> moving = cluster.botsOn(node, owner, bots);
            Instant stoppedAt = Instant.now();
            Integer exit = cluster.nodes.get(node).stop(Duration.ofSeconds(60));
            assertThat(exit).as("node " + node + " stopped on SIGTERM").isNotNull();
            for (String bot : moving) {
                moves.add(Duration.between(stoppedAt, cluster.awaitStarted(bot, stoppedAt, Duration.ofSeconds(60))).toMillis());
            }
            // a leave, not a failure: no other node ever lost sight of it (that would have taken the failure
            // detector and the split brain resolver, ~12 s, instead of a hand-off)
            for (int other = 0; other < 3; other++) {
                if (other == node) continue;
                String log = java.nio.file.Files.readString(cluster.nodes.get(other).log());
                assertThat(log).as("node " + other + "'s log while node " + node + " left")
                        .doesNotContain("Marking node as UNREACHABLE [Member(pekko://botfleet@" + cluster.clusterAddresses.get(node));
            }
            System.out.println("ClusterRollingRestartIT: node " + node + " stopped (exit " + exit + "), " + moving.size()
                    + " bot(s) moved; restarted in " + cluster.nodes.get(node).start(ClusterHarness.STARTUP));
            cluster.assertInvariants(bots);
        }
        cluster.awaitCount("fills after the rolling restart", "SELECT COUNT(*) FROM trades",
                cluster.count("SELECT COUNT(*) FROM trades") + 2);

        // the node that answers the API last was restarted too: a fresh login, as a user's next request would do
        ServerApi after = new ServerApi(cluster.nodes.get(2));
        String again = after.login("rolling@example.com");
        for (String bot : bots) {
            assertThat(cluster.sql1("SELECT status FROM bots WHERE id = '" + bot + "'")).as("bot " + bot).isEqualTo("ACTIVE");
        }
        cluster.assertInvariants(bots);
        assertThat(cluster.count("SELECT COUNT(*) FROM orders o WHERE o.filled_quantity <> COALESCE((SELECT SUM(t.quantity)"
                + " FROM trades t WHERE t.order_id = o.id), 0)")).as("orders whose filled quantity differs from their fills").isZero();
        for (String bot : bots) {
            BigDecimal net = new BigDecimal(cluster.sql1("SELECT COALESCE(SUM(CASE WHEN side = 'BUY' THEN quantity ELSE -quantity END), 0)"
                    + " FROM trades WHERE bot_id = '" + bot + "'"));
            BigDecimal reported = BigDecimal.ZERO;
            for (JsonNode position : after.call("GET", "/api/v1/bots/" + bot + "/positions", again)) {
                reported = reported.add(new BigDecimal(position.get("quantity").asString()));
            }
            assertThat(reported).as("position of bot " + bot + " against its fills").isEqualByComparingTo(net);
        }
        System.out.println("ClusterRollingRestartIT: bots resumed elsewhere after " + moves.stream().sorted().toList() + " ms; "
                + cluster.count("SELECT COUNT(*) FROM orders") + " orders, " + cluster.count("SELECT COUNT(*) FROM trades") + " fills");
        assertThat(moves).as("bots that moved during the restarts").isNotEmpty();
    }
}
