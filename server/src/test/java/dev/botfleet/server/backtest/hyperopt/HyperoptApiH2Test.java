package dev.botfleet.server.backtest.hyperopt;

import dev.botfleet.server.backtest.config.PortfolioBacktests;
import dev.botfleet.server.backtest.optimize.PriceMovePortfolio;
import dev.botfleet.server.support.ApiTestBase;
import dev.botfleet.server.support.TestClockConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * POST /hyperopts -> progress -> DONE -> apply to a bot; resume after a restart; bad input; the analyses. The
 * portfolio runs are {@link PriceMovePortfolio} (cheap, countable, able to fail a chosen run): these tests are about
 * the surface; the search itself is the engine's (HyperoptTest), the engine's runs are HyperoptCommandTest's.
 */
@SpringBootTest(properties = {"botfleet.data-dir=target/test-data", "botfleet.password.bcrypt-strength=4",
        "botfleet.sim.tick-interval=50ms", "botfleet.hyperopt.threads=1",
        "botfleet.hyperopt.checkpoint-dir=target/test-hyperopt-checkpoints",
        "spring.datasource.url=jdbc:h2:mem:botfleet-hyperopt;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"})
@AutoConfigureMockMvc
@Import({TestClockConfig.class, HyperoptApiH2Test.Portfolio.class})
class HyperoptApiH2Test extends ApiTestBase {
    @TestConfiguration
    static class Portfolio {
        @Bean
        @Primary
        PriceMovePortfolio priceMovePortfolio() {
            return new PriceMovePortfolio();
        }
    }

    @Autowired
    PriceMovePortfolio portfolio;
    @Autowired
    HyperoptService service;

    private static Map<String, Object> config() {
        Map<String, Object> config = new HashMap<>();
        config.put("stake_currency", "BTC");
        config.put("stake_amount", 0.1);
        config.put("dry_run_wallet", 1);
        config.put("max_open_trades", 2);
        config.put("timeframe", "5m");
        config.put("timerange", "20180120-20180122");
        config.put("exchange", Map.of("name", "binance", "pair_whitelist", List.of("LTC/BTC", "ETC/BTC")));
        config.put("strategy", "rsi");
        return config;
    }

    private static Map<String, Object> request() {
        Map<String, Object> r = new HashMap<>();
        r.put("config", config());
        r.put("spaces", List.of("stoploss", "params"));
        r.put("paramRanges", Map.of("rsiPeriod", "10:20"));
        r.put("loss", "OnlyProfitHyperOptLoss");
        r.put("epochs", 12);
        r.put("sampler", "random");
        r.put("seed", 3);
        return r;
    }

    private JsonNode awaitEnd(Session user, String id) {
        return await("hyperopt " + id + " to finish", () -> get("/api/v1/hyperopts/" + id, user).body(),
                b -> List.of("DONE", "FAILED", "CANCELLED").contains(b.get("status").asString()));
    }

    @Test
    void aRunIsQueuedRunsToDoneAndItsBestParametersGoIntoAStoppedBot() {
        Session user = newUser();
        Answer created = post("/api/v1/hyperopts", user, request());
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(202);
        String id = created.body().get("id").asString();
        assertThat(created.raw().getHeader("Location")).isEqualTo("/api/v1/hyperopts/" + id);
        assertThat(created.body().get("epochsTotal").asInt()).isEqualTo(12);

        JsonNode done = awaitEnd(user, id);
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("DONE");
        assertThat(done.get("epochsDone").asInt()).isEqualTo(12);
        JsonNode best = done.get("best");
        JsonNode trials = done.get("trials");
        assertThat(trials.size()).isEqualTo(12);
        // the best is the first of the trials, best first, and no trial has a lower loss
        assertThat(trials.get(0)).isEqualTo(best);
        for (JsonNode t : trials.values()) assertThat(t.get("loss").asDouble()).isGreaterThanOrEqualTo(best.get("loss").asDouble());
        int rsiPeriod = best.get("params").get("rsiPeriod").asInt();
        assertThat(rsiPeriod).isBetween(10, 20);

        Answer bot = post("/api/v1/bots", user, Map.of("name", "tuned", "exchange", "sim", "symbol", "BTC/USDT",
                "strategy", "rsi", "mode", "PAPER", "config", Map.of("rsiPeriod", 30)));
        assertThat(bot.status()).as(String.valueOf(bot.body())).isEqualTo(201);
        String botId = bot.body().get("id").asString();
        Answer applied = post("/api/v1/hyperopts/" + id + "/apply", user, Map.of("botId", botId));
        assertThat(applied.status()).as(String.valueOf(applied.body())).isEqualTo(200);
        assertThat(get("/api/v1/bots/" + botId, user).body().get("config").get("rsiPeriod").asInt()).isEqualTo(rsiPeriod);

        // why not: no bot id, someone else's bot, a bot of another strategy
        assertProblem(post("/api/v1/hyperopts/" + id + "/apply", user, Map.of()), 400, "VALIDATION_ERROR");
        Session other = newUser();
        Answer foreign = post("/api/v1/hyperopts/" + id + "/apply", user, Map.of("botId", UUID.randomUUID().toString()));
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(foreign.errorFields()).containsExactly("botId");
        Answer grid = post("/api/v1/bots", user, Map.of("name", "s", "exchange", "sim", "symbol", "BTC/USDT",
                "strategy", "scalper", "mode", "PAPER",
                "config", Map.of("quantity", "0.001", "buyPrice", "60000", "sellPrice", "61000")));
        Answer wrong = post("/api/v1/hyperopts/" + id + "/apply", user, Map.of("botId", grid.body().get("id").asString()));
        assertThat(wrong.status()).isEqualTo(409);
        assertThat(wrong.body().toString()).contains("runs scalper, the hyperopt tuned rsi");
        // the caller's list holds the run; another user's list does not, and the run is not found, nor cancelled
        JsonNode listed = get("/api/v1/hyperopts", user).body();
        assertThat(listed.get("total").asInt()).isEqualTo(1);
        assertThat(listed.get("items").get(0).get("id").asString()).isEqualTo(id);
        assertThat(get("/api/v1/hyperopts", other).body().get("total").asInt()).isZero();
        assertThat(get("/api/v1/hyperopts/" + id, other).status()).isEqualTo(404);
        assertThat(post("/api/v1/hyperopts/" + id + "/cancel", other, null).status()).isEqualTo(404);
    }

    @Test
    void aRunningRunFoundAtStartContinuesFromItsCheckpointWithoutRedoingEpochs() throws Exception {
        Session user = newUser();
        String first = post("/api/v1/hyperopts", user, request()).body().get("id").asString();
        JsonNode whole = awaitEnd(user, first);

        // A server that stopped after 5 epochs: the row still RUNNING, its checkpoint holding the header and 5 epochs.
        UUID id = UUID.randomUUID();
        Path dir = Path.of("target/test-hyperopt-checkpoints");
        List<String> lines = Files.readAllLines(dir.resolve(first + ".checkpoint"));
        Files.write(dir.resolve(id + ".checkpoint"), lines.subList(0, 6));
        jdbc.sql("""
                        INSERT INTO hyperopt_runs (id, owner_id, strategy, request, status, epochs_done, epochs_total,
                            created_at, started_at)
                        VALUES (:id, :owner, 'rsi', :request, 'RUNNING', 5, 12, :at, :at)""")
                .param("id", id).param("owner", user.id()).param("request", json.writeValueAsString(request()))
                .param("at", dev.botfleet.server.common.Times.sql(Instant.now())).update();
        int before = portfolio.calls.get();

        service.resumeRunsAStoppedServerLeftBehind();
        JsonNode resumed = awaitEnd(user, id.toString());
        assertThat(resumed.get("status").asString()).isEqualTo("DONE");
        assertThat(resumed.get("best")).isEqualTo(whole.get("best"));
        assertThat(portfolio.calls.get() - before).isEqualTo(12 - 5);
    }

    @Test
    void aCancelledRunStopsBeforeItsLastEpochAndKeepsItsBestSoFar() {
        Session user = newUser();
        portfolio.hold = new java.util.concurrent.CountDownLatch(1);
        try {
            String id = post("/api/v1/hyperopts", user, request()).body().get("id").asString();
            // the first epoch is held inside its portfolio run (or the run is still queued) when the cancel arrives
            assertThat(post("/api/v1/hyperopts/" + id + "/cancel", user, null).status()).isEqualTo(200);
            portfolio.hold.countDown();
            JsonNode end = awaitEnd(user, id);
            assertThat(end.get("status").asString()).isEqualTo("CANCELLED");
            assertThat(end.get("epochsDone").asInt()).isLessThan(12);
            assertThat(delete("/api/v1/hyperopts/" + id, user).body().get("status").asString()).isEqualTo("CANCELLED");
        } finally {
            portfolio.hold.countDown();
            portfolio.hold = null;
        }
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        Session user = newUser();
        Map<String, Object> r = request();
        r.put("epochs", 0);
        r.put("sampler", "bayes");
        r.put("loss", "Sharp");
        Answer a = post("/api/v1/hyperopts", user, r);
        assertProblem(a, 400, "VALIDATION_ERROR");
        assertThat(a.errorFields()).containsExactlyInAnyOrder("epochs", "sampler", "loss");

        Map<String, Object> b = request();
        b.put("paramRanges", Map.of("rsiPeriod", "1:20"));
        Answer range = post("/api/v1/hyperopts", user, b);
        assertThat(range.errorFields()).containsExactly("paramRanges.rsiPeriod");

        Map<String, Object> c = request();
        c.put("spaces", List.of("buy"));
        assertThat(post("/api/v1/hyperopts", user, c).errorFields()).containsExactly("spaces");

        Map<String, Object> d = request();
        Map<String, Object> config = config();
        config.put("stoploss", "tight");
        d.put("config", config);
        assertThat(post("/api/v1/hyperopts", user, d).errorFields()).containsExactly("config.stoploss");
    }

    @Test
    void lookaheadOfRsiFindsNoBiasAndRecursiveNamesItsFields() {
        Session user = newUser();
        Map<String, Object> config = config();
        Answer a = post("/api/v1/backtests/analysis/lookahead", user, Map.of("config", config, "targetedTradeAmount", 5));
        assertThat(a.status()).as(String.valueOf(a.body())).isEqualTo(200);
        assertThat(a.body().get("hasBias").asBoolean()).isFalse();
        assertThat(a.body().get("pairs").size()).isEqualTo(2);
        for (JsonNode p : a.body().get("pairs").values()) {
            assertThat(p.get("result").get("signalsChecked").asInt()).isPositive();
            assertThat(p.get("result").get("hasBias").asBoolean()).isFalse();
        }
        Answer bad = post("/api/v1/backtests/analysis/recursive", user, Map.of("config", config,
                "startupCandles", List.of(0), "threshold", -1));
        assertProblem(bad, 400, "VALIDATION_ERROR");
        assertThat(bad.errorFields()).containsExactlyInAnyOrder("startupCandles", "threshold");
        Answer tooFew = post("/api/v1/backtests/analysis/recursive", user, Map.of("config", config,
                "startupCandles", List.of(5000)));
        assertThat(tooFew.errorFields()).containsExactly("startupCandles");
        Answer ok = post("/api/v1/backtests/analysis/recursive", user, Map.of("config", config,
                "startupCandles", List.of(30, 200)));
        assertThat(ok.status()).as(String.valueOf(ok.body())).isEqualTo(200);
        assertThat(ok.body().get("pairs").get(0).get("result").get("indicators").get(0).get("indicator").asString())
                .isEqualTo("rsi");
    }
}
