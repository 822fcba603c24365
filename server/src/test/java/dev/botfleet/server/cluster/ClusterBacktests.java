package dev.botfleet.server.cluster;

import dev.botfleet.server.backtest.BacktestRequest;
import dev.botfleet.server.backtest.BacktestRequests;
import dev.botfleet.server.backtest.ClusterSweeps;
import dev.botfleet.server.backtest.SweepRuns;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A backtest run (sweep, walk-forward) asked of a {@link ClusterNodes} cluster through the API, and the single node's
 * own report of the same request to compare it with, byte for byte.
 */
record ClusterBacktests(ClusterNodes cluster, String token, Duration deadline) {

    ClusterSweeps sweeps(int node) {
        return cluster.node(node).context().getBean(ClusterSweeps.class);
    }

    /**
     * Each node's next claimed chunk waits for the other node to claim one of the same run: the run is shared even on
     * a machine where one node would run every chunk before the other polls (a CI run saw that). If the nodes could
     * not share a run, each would wait until the deadline and the test's check of who ran the chunks fails.
     */
    void shareTheNextRun() {
        sweeps(0).waitForAPeerOnNextClaim(deadline.dividedBy(3));
        sweeps(1).waitForAPeerOnNextClaim(deadline.dividedBy(3));
    }

    /** POST /backtests on node 0: the run's id. */
    String submit(Map<String, Object> body) throws Exception {
        ClusterNodes.Answer a = cluster.call(cluster.node(0), "POST", "/api/v1/backtests", token,
                JsonMapper.builder().build().writeValueAsString(body));
        assertThat(a.status()).as(String.valueOf(a.body())).isEqualTo(202);
        return a.body().get("id").asString();
    }

    /** The merged report as stored, byte for byte. */
    String storedResult(String id) {
        return cluster.node(0).context().getBean(JdbcClient.class).sql("SELECT result FROM backtests WHERE id = :id")
                .param("id", UUID.fromString(id)).query(String.class).single();
    }

    /** The same run by a single node's own code path (SweepRuns.run), stored as BacktestService stores it. */
    String singleNodeReport(String id, Map<String, Object> body) {
        var context = cluster.node(0).context();
        JsonMapper json = context.getBean(JsonMapper.class);
        UUID owner = context.getBean(JdbcClient.class).sql("SELECT owner_id FROM backtests WHERE id = :id")
                .param("id", UUID.fromString(id)).query(UUID.class).single();
        BacktestRequest request = json.readValue(json.writeValueAsString(body), BacktestRequest.class);
        BacktestRequests.Resolved resolved = context.getBean(BacktestRequests.class).resolveRun(owner, request);
        SweepRuns.Outcome outcome = SweepRuns.run(resolved.job(), resolved.sweep(), 1, SweepRuns.TOP, "sweep.ranges.",
                (done, total) -> { });
        return json.writeValueAsString(outcome.report());
    }

    /** The run as node 1 shows it once DONE or FAILED (polled until the deadline). */
    JsonNode awaitDone(String id) throws Exception {
        long until = System.nanoTime() + deadline.toNanos();
        while (System.nanoTime() < until) {
            JsonNode run = cluster.call(cluster.node(1), "GET", "/api/v1/backtests/" + id, token, null).body();
            String status = run.get("status").asString();
            if (status.equals("DONE") || status.equals("FAILED")) return run;
            Thread.sleep(100);
        }
        throw new AssertionError("Timed out waiting for backtest " + id);
    }
}
