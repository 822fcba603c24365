package dev.botfleet.server.cluster;

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
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A walk-forward asked on one node of a real two-node cluster on PostgreSQL ({@link ClusterNodes}) is run by both
 * nodes' workers, in chunks that each hold a slice of one fold's in-sample combinations; the node that stores the
 * last chunk ranks each fold, tests its best out of sample and stores exactly the report a single node makes. A worker
 * that dies in the middle of a chunk leaves it to the other node once the claim expires; the report is still equal.
 */
@ExtendWith(PostgresAvailable.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)  // the last test kills node 1's only worker
class ClusterWalkForwardPostgresTest {
    private static final Duration DEADLINE = Duration.ofSeconds(90);
    /** rsiPeriod 6, 8 .. 20 x oversold 25, 30, 35: 24 combinations; 3 folds; chunks of 3: 8 a fold, 24 in all. */
    private static final int COMBINATIONS = 24;
    private static final int FOLDS = 3;
    private static final int CHUNKS = FOLDS * COMBINATIONS / 3;
    private static ClusterNodes cluster;
    private static String token;
    private static ClusterBacktests runs;

    @BeforeAll
    static void startTwoNodes() throws Exception {
        cluster = new ClusterNodes(2, Map.of(
                "botfleet.cluster.sweeps.chunk-size", "3",
                "botfleet.cluster.sweeps.claim-ttl", "2s",
                "botfleet.cluster.sweeps.poll-interval", "100ms"));
        token = cluster.register(cluster.node(0), "walkforward@example.com");
        runs = new ClusterBacktests(cluster, token, DEADLINE);
    }

    @AfterAll
    static void stopNodes() {
        if (cluster != null) cluster.close();
    }

    @Test
    @Order(1)
    void aWalkForwardRunsOnBothNodesAndMergesIntoTheSingleNodeReport() throws Exception {
        Map<String, Object> body = rsiWalkForward();
        runs.shareTheNextRun();
        String id = runs.submit(body);
        JsonNode done = runs.awaitDone(id);

        assertThat(done.get("status").asString()).as(String.valueOf(done.get("error"))).isEqualTo("DONE");
        List<SweepChunks.ChunkState> chunks = runs.sweeps(0).chunks(UUID.fromString(id));
        assertThat(chunks).hasSize(CHUNKS).allMatch(SweepChunks.ChunkState::finished);
        // fold by fold, each fold's combinations in plan order
        for (int i = 0; i < CHUNKS; i++) assertThat(chunks.get(i).fold()).isEqualTo(i / (CHUNKS / FOLDS));
        Set<String> ranBy = chunks.stream().map(SweepChunks.ChunkState::ranBy).collect(Collectors.toSet());
        assertThat(ranBy).as("nodes that ran chunks").containsExactlyInAnyOrder(runs.sweeps(0).node(), runs.sweeps(1).node());
        // the API shows the chunks and their folds, on the node that did not take the request
        assertThat(done.get("chunks")).hasSize(CHUNKS);
        for (int i = 0; i < CHUNKS; i++) {
            JsonNode shown = done.get("chunks").get(i);
            assertThat(shown.get("chunk").asInt()).isEqualTo(i);
            assertThat(shown.get("fold").asInt()).isEqualTo(chunks.get(i).fold());
            assertThat(shown.get("combinations").asInt()).isEqualTo(3);
            assertThat(shown.get("node").asString()).isEqualTo(chunks.get(i).ranBy());
        }
        assertThat(done.get("progress").asDouble()).isEqualTo(1.0);
        assertThat(runs.storedResult(id)).isEqualTo(runs.singleNodeReport(id, body));
        assertThat(done.get("result").get("walkForward")).hasSize(FOLDS);
        assertThat(done.get("result").get("outOfSample").get("folds").asInt()).isEqualTo(FOLDS);
    }

    @Test
    @Order(2)
    void aPlainSweepsChunksShowNoFold() throws Exception {
        Map<String, Object> body = rsiWalkForward();
        body.remove("walkForward");
        String id = runs.submit(body);
        JsonNode done = runs.awaitDone(id);

        assertThat(done.get("status").asString()).as(String.valueOf(done.get("error"))).isEqualTo("DONE");
        assertThat(done.get("chunks")).hasSize(COMBINATIONS / 3);
        assertThat(done.get("chunks").get(0).has("fold")).isFalse();
        assertThat(runs.sweeps(0).chunks(UUID.fromString(id))).allMatch(c -> c.fold() == null);
        assertThat(runs.storedResult(id)).isEqualTo(runs.singleNodeReport(id, body));
    }

    @Test
    @Order(3)
    void aWalkForwardTheDataCannotHoldIsRefusedAndNothingIsQueued() throws Exception {
        long jobsBefore = jobs();
        Map<String, Object> body = rsiWalkForward();
        body.put("walkForward", Map.of("folds", 20, "inSample", 0.999));  // out-of-sample parts under 2 candles

        ClusterNodes.Answer a = cluster.call(cluster.node(0), "POST", "/api/v1/backtests", token,
                JsonMapper.builder().build().writeValueAsString(body));

        assertThat(a.status()).as(String.valueOf(a.body())).isEqualTo(400);
        assertThat(a.body().toString()).contains("walkForward.folds", "too few");
        assertThat(jobs()).isEqualTo(jobsBefore);
    }

    @Test
    @Order(4)
    void aChunkWhoseNodeDiedMidwayIsRunAgainElsewhere() throws Exception {
        ClusterSweeps dying = runs.sweeps(1);
        dying.dieMidChunk();  // node 1's worker runs one combination of a chunk and stops dead, keeping the claim
        // node 0 runs nothing until node 1 holds a chunk: on a fast machine it could otherwise run all 24 first
        runs.sweeps(0).waitForAPeerOnNextClaim(DEADLINE.dividedBy(3));
        Map<String, Object> body = rsiWalkForward();
        String id = runs.submit(body);
        JsonNode done = runs.awaitDone(id);

        assertThat(done.get("status").asString()).as(String.valueOf(done.get("error"))).isEqualTo("DONE");
        SweepChunks.Claim abandoned = dying.abandoned();
        assertThat(abandoned).as("the chunk node 1 died running").isNotNull();
        assertThat(abandoned.backtestId()).isEqualTo(UUID.fromString(id));
        assertThat(abandoned.fold()).isNotNull();
        SweepChunks.ChunkState rerun = runs.sweeps(0).chunks(UUID.fromString(id)).get(abandoned.chunk());
        assertThat(rerun.finished()).isTrue();
        assertThat(rerun.attempts()).isEqualTo(2);
        assertThat(rerun.ranBy()).isEqualTo(runs.sweeps(0).node());
        assertThat(runs.sweeps(0).chunks(UUID.fromString(id))).allMatch(c -> runs.sweeps(0).node().equals(c.ranBy()));
        assertThat(runs.storedResult(id)).isEqualTo(runs.singleNodeReport(id, body));
    }

    private static Map<String, Object> rsiWalkForward() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("strategy", "rsi");
        body.put("dataset", "LTC_BTC-5m");
        body.put("params", Map.of("orderAmount", "0.5", "rsiPeriod", 14));
        body.put("fee", "0.001");
        body.put("balance", 1);
        body.put("sweep", Map.of("ranges", Map.of("rsiPeriod", "6:20:2", "oversold", List.of(25, 30, 35)),
                "metric", "totalReturn"));
        body.put("walkForward", Map.of("folds", FOLDS, "inSample", 0.7));
        return body;
    }

    private static long jobs() {
        return cluster.node(0).context().getBean(JdbcClient.class).sql("SELECT count(*) FROM sweep_jobs")
                .query(Long.class).single();
    }
}
