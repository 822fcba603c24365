package dev.botfleet.server.cluster;

import dev.botfleet.server.backtest.BacktestService;
import dev.botfleet.server.backtest.ClusterSweeps;
import dev.botfleet.server.backtest.SweepChunks;
import dev.botfleet.server.support.PostgresAvailable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sweep asked on one node of a real two-node cluster on PostgreSQL ({@link ClusterNodes}) is run in chunks by both
 * nodes' workers and merged into exactly the report a single node makes; a worker that claims a chunk and dies leaves
 * it to the other node once the claim expires, and the report is still complete and equal (a node's restart
 * meanwhile does not fail it).
 */
@ExtendWith(PostgresAvailable.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)  // the second test kills node 1's worker
class ClusterSweepsPostgresTest {
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static ClusterNodes cluster;
    private static String token;
    private static ClusterBacktests runs;

    @BeforeAll
    static void startTwoNodes() throws Exception {
        cluster = new ClusterNodes(2, Map.of(
                "botfleet.cluster.sweeps.chunk-size", "3",
                "botfleet.cluster.sweeps.claim-ttl", "2s",
                "botfleet.cluster.sweeps.poll-interval", "100ms"));
        token = cluster.register(cluster.node(0), "sweeps@example.com");
        runs = new ClusterBacktests(cluster, token, DEADLINE);
    }

    @AfterAll
    static void stopNodes() {
        if (cluster != null) cluster.close();
    }

    @Test
    @Order(1)
    void aSweepRunsOnBothNodesAndMergesIntoTheSingleNodeReport() throws Exception {
        Map<String, Object> body = rsiSweep();
        runs.shareTheNextRun();
        String id = runs.submit(body);
        JsonNode done = runs.awaitDone(id);

        assertThat(done.get("status").asString()).as(String.valueOf(done.get("error"))).isEqualTo("DONE");
        List<SweepChunks.ChunkState> chunks = runs.sweeps(0).chunks(UUID.fromString(id));
        assertThat(chunks).hasSize(25).allMatch(SweepChunks.ChunkState::finished);
        Set<String> ranBy = chunks.stream().map(SweepChunks.ChunkState::ranBy).collect(Collectors.toSet());
        assertThat(ranBy).as("nodes that ran chunks").containsExactlyInAnyOrder(runs.sweeps(0).node(), runs.sweeps(1).node());
        // the API shows the same, on the node that did not take the request
        assertThat(done.get("chunks")).hasSize(25);
        for (int i = 0; i < 25; i++) {
            JsonNode shown = done.get("chunks").get(i);
            assertThat(shown.get("chunk").asInt()).isEqualTo(i);
            assertThat(shown.get("combinations").asInt()).isEqualTo(3);
            assertThat(shown.get("done").asBoolean()).isTrue();
            assertThat(shown.get("node").asString()).isEqualTo(chunks.get(i).ranBy());
        }
        assertThat(runs.storedResult(id)).isEqualTo(runs.singleNodeReport(id, body));
        assertThat(done.get("result").get("ranked")).hasSize(50);
    }

    @Test
    @Order(2)
    void aChunkWhoseNodeDiedIsRunAgainElsewhere() throws Exception {
        ClusterSweeps dying = runs.sweeps(1);
        dying.dieAfterNextClaim();  // node 1's worker claims a chunk and stops dead, keeping the claim
        // node 0 runs nothing until node 1 holds a chunk: on a fast machine it could otherwise run all 25 first
        runs.sweeps(0).waitForAPeerOnNextClaim(DEADLINE.dividedBy(3));
        Map<String, Object> body = rsiSweep();
        String id = runs.submit(body);
        // a node restarting meanwhile fails the runs it left behind, but not a sweep the other nodes carry on
        cluster.node(0).context().getBean(BacktestService.class).failRunsAStoppedServerLeftBehind();
        JsonNode done = runs.awaitDone(id);

        assertThat(done.get("status").asString()).as(String.valueOf(done.get("error"))).isEqualTo("DONE");
        SweepChunks.Claim abandoned = dying.abandoned();
        assertThat(abandoned).as("the chunk node 1 died holding").isNotNull();
        assertThat(abandoned.backtestId()).isEqualTo(UUID.fromString(id));
        SweepChunks.ChunkState rerun = runs.sweeps(0).chunks(UUID.fromString(id)).get(abandoned.chunk());
        assertThat(rerun.finished()).isTrue();
        assertThat(rerun.attempts()).isEqualTo(2);
        assertThat(rerun.ranBy()).isEqualTo(runs.sweeps(0).node());
        assertThat(done.get("chunks").get(abandoned.chunk()).get("attempts").asInt()).isEqualTo(2);
        assertThat(runs.sweeps(0).chunks(UUID.fromString(id))).allMatch(c -> runs.sweeps(0).node().equals(c.ranBy()));
        assertThat(runs.storedResult(id)).isEqualTo(runs.singleNodeReport(id, body));
    }

    /** rsi on LTC/BTC 5m, 25 periods x 3 oversold levels = 75 combinations, 25 chunks of 3. */
    private static Map<String, Object> rsiSweep() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("strategy", "rsi");
        body.put("dataset", "LTC_BTC-5m");
        body.put("params", Map.of("orderAmount", "0.5", "rsiPeriod", 14));
        body.put("fee", "0.001");
        body.put("balance", 1);
        body.put("sweep", Map.of("ranges", Map.of("rsiPeriod", "6:30:1", "oversold", List.of(25, 30, 35)),
                "metric", "totalReturn"));
        return body;
    }
}
