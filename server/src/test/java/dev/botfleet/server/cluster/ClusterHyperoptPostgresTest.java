package dev.botfleet.server.cluster;

import dev.botfleet.engine.backtest.optimize.HyperoptProgress;
import dev.botfleet.engine.backtest.optimize.HyperoptResult;
import dev.botfleet.server.backtest.config.PortfolioBacktests;
import dev.botfleet.server.backtest.hyperopt.ClusterHyperopts;
import dev.botfleet.server.backtest.hyperopt.HyperoptOutcome;
import dev.botfleet.server.backtest.hyperopt.HyperoptRequest;
import dev.botfleet.server.backtest.hyperopt.HyperoptRequests;
import dev.botfleet.server.backtest.hyperopt.HyperoptService;
import dev.botfleet.server.backtest.hyperopt.HyperoptTrials;
import dev.botfleet.server.backtest.optimize.HyperoptPlan;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A hyperopt asked on one node of a real two-node cluster on PostgreSQL ({@link ClusterNodes}) has its trials
 * evaluated by both nodes' workers, batch after batch, and ends with exactly the trials and best epoch a single node
 * finds for the same seed (the stored JSON, byte for byte). A worker that dies holding a trial leaves it to another
 * once the claim expires; a worker that dies right after storing a batch's last trial leaves the next batch to be
 * proposed by another node; a cancel stops the run on every node; a bad request is a 400 that queues nothing.
 */
@ExtendWith(PostgresAvailable.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)  // the fault tests each kill one of node 1's two workers
class ClusterHyperoptPostgresTest {
    private static final Duration DEADLINE = Duration.ofSeconds(120);
    /** TPE in batches of 16 (the engine's default): 40 epochs are 3 batches, the later ones proposed from the earlier. */
    private static final int EPOCHS = 40;
    private static ClusterNodes cluster;
    private static String token;

    @BeforeAll
    static void startTwoNodes() throws Exception {
        cluster = new ClusterNodes(2, Map.of(
                "botfleet.cluster.hyperopts.workers", "2",
                "botfleet.cluster.hyperopts.claim-ttl", "2s",
                "botfleet.cluster.hyperopts.poll-interval", "100ms",
                "botfleet.hyperopt.max-unfinished-per-user", "10"));
        token = cluster.register(cluster.node(0), "hyperopt@example.com");
    }

    @AfterAll
    static void stopNodes() {
        if (cluster != null) cluster.close();
    }

    @Test
    @Order(1)
    void aHyperoptRunsOnBothNodesAndEndsWithTheSingleNodeTrials() throws Exception {
        Map<String, Object> body = request(EPOCHS);
        // each node's claims wait for the other's first (else a fast machine may leave all trials to one node)
        hyperopts(0).waitForAPeerOnNextClaims(DEADLINE.dividedBy(4));
        hyperopts(1).waitForAPeerOnNextClaims(DEADLINE.dividedBy(4));
        String id = submit(body);
        JsonNode done = awaitEnd(id);

        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("DONE");
        assertThat(done.get("epochsDone").asInt()).isEqualTo(EPOCHS);
        assertThat(done.get("epochsTotal").asInt()).isEqualTo(EPOCHS);
        List<HyperoptTrials.TrialState> trials = hyperopts(0).trials(UUID.fromString(id));
        assertThat(trials).hasSize(EPOCHS).allMatch(HyperoptTrials.TrialState::finished);
        Set<String> ranBy = trials.stream().map(HyperoptTrials.TrialState::ranBy).collect(Collectors.toSet());
        assertThat(ranBy).as("nodes that ran trials")
                .anyMatch(n -> n.equals(hyperopts(0).node())).anyMatch(n -> n.equals(hyperopts(1).node()));
        assertSameAsOneNode(id, body);
    }

    @Test
    @Order(2)
    void aTrialWhoseWorkerDiedIsEvaluatedAgainElsewhere() throws Exception {
        ClusterHyperopts dying = hyperopts(1);
        dying.dieAfterNextClaim();  // one of node 1's workers claims a trial and stops dead, keeping the claim
        // node 0 evaluates nothing until node 1 holds a trial (its first claim is the one that dies): on a fast
        // machine node 0 could otherwise evaluate every trial first
        hyperopts(0).waitForAPeerOnNextClaims(DEADLINE.dividedBy(4));
        Map<String, Object> body = request(EPOCHS);
        String id = submit(body);
        // a node restarting meanwhile resumes its own unfinished runs, but leaves the cluster's to the cluster
        cluster.node(0).context().getBean(HyperoptService.class).resumeRunsAStoppedServerLeftBehind();
        JsonNode done = awaitEnd(id);

        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("DONE");
        HyperoptTrials.Claim abandoned = dying.abandoned();
        assertThat(abandoned).as("the trial node 1 died holding").isNotNull();
        assertThat(abandoned.hyperoptId()).isEqualTo(UUID.fromString(id));
        HyperoptTrials.TrialState rerun = hyperopts(0).trials(UUID.fromString(id)).get(abandoned.trial());
        assertThat(rerun.finished()).isTrue();
        assertThat(rerun.attempts()).isEqualTo(2);
        assertThat(rerun.ranBy()).isNotNull();
        assertSameAsOneNode(id, body);
    }

    @Test
    @Order(3)
    void theNextBatchIsProposedByAnotherNodeWhenTheOneThatOwedItDied() throws Exception {
        ClusterHyperopts dying = hyperopts(1);
        dying.dieAfterABatchsLastTrial();  // node 1's remaining worker stores a batch's last trial, then dies
        hyperopts(0).holdClaims(true);  // so that node 1 is surely the one storing it
        Map<String, Object> body = request(EPOCHS);
        String id;
        try {
            id = submit(body);
            awaitDeath(dying);
        } finally {
            hyperopts(0).holdClaims(false);  // node 0 takes the step node 1 owed, and the rest of the run
        }
        JsonNode done = awaitEnd(id);

        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("DONE");
        HyperoptTrials.Claim last = dying.abandoned();
        assertThat(last).as("the batch's last trial node 1 stored before dying").isNotNull();
        assertThat(last.hyperoptId()).isEqualTo(UUID.fromString(id));
        assertThat(hyperopts(0).trials(UUID.fromString(id)).get(last.trial()).ranBy()).isEqualTo(hyperopts(1).node());
        assertSameAsOneNode(id, body);
    }

    @Test
    @Order(4)
    void aCancelStopsTheRunOnEveryNode() throws Exception {
        String id = submit(request(2000));
        awaitRun(id, r -> r.get("epochsDone").asInt() > 0);

        ClusterNodes.Answer cancelled = cluster.call(cluster.node(1), "POST", "/api/v1/hyperopts/" + id + "/cancel",
                token, null);

        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.body().get("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.body().get("best").isObject()).isTrue();
        long proposed = hyperopts(0).trials(UUID.fromString(id)).size();
        assertThat(proposed).as("no batch beyond the ones proposed before the cancel").isLessThan(2000);
        // a later run is served (nobody keeps working on the cancelled one's queue), and the cancelled one stays so
        String next = submit(request(16));
        assertThat(awaitEnd(next).get("status").asString()).isEqualTo("DONE");
        assertThat(awaitEnd(id).get("status").asString()).isEqualTo("CANCELLED");
        assertThat(hyperopts(0).trials(UUID.fromString(id))).hasSize((int) proposed);
    }

    @Test
    @Order(5)
    void aBadRequestIsRefusedAndNothingIsQueued() throws Exception {
        long jobs = jobs();
        Map<String, Object> body = request(0);
        body.put("sampler", "anneal");

        ClusterNodes.Answer a = cluster.call(cluster.node(1), "POST", "/api/v1/hyperopts", token,
                JsonMapper.builder().build().writeValueAsString(body));

        assertThat(a.status()).as(String.valueOf(a.body())).isEqualTo(400);
        assertThat(a.body().toString()).contains("epochs", "sampler");
        assertThat(jobs()).isEqualTo(jobs);
    }

    private static ClusterHyperopts hyperopts(int node) {
        return cluster.node(node).context().getBean(ClusterHyperopts.class);
    }

    private static Map<String, Object> request(int epochs) {
        Map<String, Object> config = new HashMap<>();
        config.put("stake_currency", "BTC");
        config.put("stake_amount", 0.1);
        config.put("dry_run_wallet", 1);
        config.put("max_open_trades", 2);
        config.put("timeframe", "5m");
        config.put("timerange", "20180120-20180122");
        config.put("exchange", Map.of("name", "binance", "pair_whitelist", List.of("LTC/BTC", "ETC/BTC")));
        config.put("strategy", "rsi");
        Map<String, Object> r = new HashMap<>();
        r.put("config", config);
        r.put("spaces", List.of("stoploss", "params"));
        r.put("paramRanges", Map.of("rsiPeriod", "6:30"));
        r.put("loss", "OnlyProfitHyperOptLoss");
        r.put("epochs", epochs);
        r.put("sampler", "tpe");
        r.put("seed", 7);
        return r;
    }

    private static String submit(Map<String, Object> body) throws Exception {
        ClusterNodes.Answer a = cluster.call(cluster.node(0), "POST", "/api/v1/hyperopts", token,
                JsonMapper.builder().build().writeValueAsString(body));
        assertThat(a.status()).as(String.valueOf(a.body())).isEqualTo(202);
        return a.body().get("id").asString();
    }

    /** The run's stored best epoch and best trials equal, byte for byte, a single node's run of the same request. */
    private static void assertSameAsOneNode(String id, Map<String, Object> body) {
        var context = cluster.node(0).context();
        JsonMapper json = context.getBean(JsonMapper.class);
        HyperoptRequest request = json.readValue(json.writeValueAsString(body), HyperoptRequest.class);
        HyperoptPlan plan = context.getBean(HyperoptRequests.class).resolve(request);
        HyperoptResult one = plan.hyperopt(context.getBean(PortfolioBacktests.class), null, HyperoptProgress.NONE).run();
        Map<String, Object> stored = context.getBean(JdbcClient.class)
                .sql("SELECT best, trials, epochs_done FROM hyperopt_runs WHERE id = :id")
                .param("id", UUID.fromString(id)).query().singleRow();
        assertThat(one.trials()).hasSize(EPOCHS);
        assertThat(stored.get("best")).isEqualTo(HyperoptOutcome.best(json, plan, one.best()));
        assertThat(stored.get("trials")).isEqualTo(HyperoptOutcome.top(json, plan, one.trials()));
        assertThat(stored.get("epochs_done")).isEqualTo(EPOCHS);
    }

    private static long jobs() {
        return cluster.node(0).context().getBean(JdbcClient.class).sql("SELECT count(*) FROM hyperopt_jobs")
                .query(Long.class).single();
    }

    /** Until the node has stored a batch's last trial and died as armed; fails the test at the deadline. */
    private static void awaitDeath(ClusterHyperopts dying) throws InterruptedException {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (dying.abandoned() == null) {
            if (System.nanoTime() > deadline) throw new AssertionError("node 1 never stored a batch's last trial");
            Thread.sleep(50);
        }
    }

    private static JsonNode awaitEnd(String id) throws Exception {
        return awaitRun(id, r -> List.of("DONE", "FAILED", "CANCELLED").contains(r.get("status").asString()));
    }

    private static JsonNode awaitRun(String id, Predicate<JsonNode> until) throws Exception {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode run = cluster.call(cluster.node(1), "GET", "/api/v1/hyperopts/" + id, token, null).body();
            if (until.test(run)) return run;
            Thread.sleep(100);
        }
        throw new AssertionError("Timed out waiting for hyperopt " + id);
    }
}
