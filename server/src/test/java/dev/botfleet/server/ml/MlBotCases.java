package dev.botfleet.server.ml;

import dev.botfleet.server.runtime.RuntimeTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An ml-signal paper bot on the running server (docs/ml.md "The bot in the server"): a model trained in the test and
 * uploaded, the bot trading on sim BTC/USDT with a threshold of 0 until it fills and closes a deal, its decisions
 * and statistics, a hot swap to the model's second version, a used model that cannot be deleted, a model whose file
 * is gone failing the bot, and another user's model or bot out of reach. The test moves the server clock forward
 * while it waits, so the 60-second warm-up of 1-second candles passes in a few seconds. Run on H2 and on PostgreSQL.
 */
public abstract class MlBotCases extends RuntimeTestBase {
    @Autowired
    ModelFiles files;
    @Autowired
    MlDecisionRepository decisionRows;
    @Autowired
    DecisionRetention retention;

    private String upload(Session user, String name) {
        var b = MockMvcRequestBuilders.multipart("/api/v1/models")
                .file(new MockMultipartFile("file", "model.txt", "text/plain", ModelFixtures.smallModel()));
        b.param("name", name).param("symbol", "BTC/USDT").header("Authorization", "Bearer " + user.token());
        b.with(r -> {
            r.setRemoteAddr(nextAddress());
            return r;
        });
        try {
            var response = mvc.perform(b).andReturn().getResponse();
            JsonNode body = json.readTree(response.getContentAsString(StandardCharsets.UTF_8));
            assertThat(response.getStatus()).as(body.toString()).isEqualTo(201);
            return body.get("id").asString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> bot(String model) {
        Map<String, Object> config = new HashMap<>();
        config.put("model", model);
        config.put("confidence_threshold", "0");
        config.put("capital_per_trade", "100");
        config.put("maker_order_timeout", 10);
        config.put("holding_time", 3);
        config.put("max_positions", 1);
        Map<String, Object> body = new HashMap<>(Map.of("name", "ml bot", "exchange", "sim", "symbol", "BTC/USDT",
                "strategy", "ml-signal", "mode", "PAPER"));
        body.put("config", config);
        return body;
    }

    /** Reads while moving the server clock on: the sim's ticks carry its time, so the bot's seconds pass faster. */
    private <T> T awaitFast(String what, java.util.function.Supplier<T> read, java.util.function.Predicate<T> done) {
        return await(what, () -> {
            clock.advance(Duration.ofMillis(400));
            return read.get();
        }, done);
    }

    private List<String> logLines(Session user, String bot) {
        List<String> lines = new ArrayList<>();
        get("/api/v1/logs?size=100&botId=" + bot, user).body().get("items")
                .forEach(e -> lines.add(e.get("message").asString()));
        return lines;
    }

    @Test
    void anMlSignalBotTradesOnPaperRecordsItsDecisionsAndSwapsItsModelWhileRunning() throws Exception {
        Session user = newUser();
        String v1 = upload(user, "it-model");
        String v2 = upload(user, "it-model");

        // bad model references: 400 naming config.model
        Session other = newUser();
        String othersModel = upload(other, "theirs");
        for (String wrong : List.of(othersModel, "not-a-uuid", UUID.randomUUID().toString())) {
            Answer refused = post("/api/v1/bots", user, bot(wrong));
            assertThat(refused.status()).as(String.valueOf(refused.body())).isEqualTo(400);
            assertThat(refused.errorFields()).containsExactly("config.model");
        }
        Answer badThreshold = post("/api/v1/bots", user, Map.of("name", "x", "exchange", "sim", "symbol", "BTC/USDT",
                "strategy", "ml-signal", "mode", "PAPER", "config", Map.of("model", v1, "confidence_threshold", "2")));
        assertThat(badThreshold.status()).isEqualTo(400);
        assertThat(badThreshold.errorFields()).containsExactly("config.confidence_threshold");

        Answer created = post("/api/v1/bots", user, bot(v1));
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        String id = created.body().get("id").asString();
        start(user, id);

        // the bot warms up, decides, places maker entries and one of them fills; its deal closes (holding time 3 s)
        awaitFast("an ml-signal deal closed", () -> get("/api/v1/bots/" + id + "/ml-stats", user).body(),
                s -> s.get("trades").asLong() >= 1);

        Answer confidences = get("/api/v1/bots/" + id + "/confidences?limit=50", user);
        assertThat(confidences.status()).isEqualTo(200);
        JsonNode body = confidences.body();
        assertThat(body.get("threshold").asDouble()).isEqualTo(0.0);
        assertThat(body.get("model").get("id").asString()).isEqualTo(v1);
        assertThat(body.get("model").get("name").asString()).isEqualTo("it-model");
        assertThat(body.get("model").get("version").asInt()).isEqualTo(1);
        JsonNode points = body.get("points");
        assertThat(points.size()).isBetween(1, 50);
        Set<String> entryOrders = new HashSet<>();
        Map<String, Double> confidenceOf = new HashMap<>();
        String previous = null;
        for (JsonNode p : points) {
            assertThat(p.get("confidence").asDouble()).isBetween(0.0, 1.0);
            assertThat(p.get("threshold").asDouble()).isEqualTo(0.0);
            if (previous != null) assertThat(p.get("time").asString()).isGreaterThanOrEqualTo(previous);  // newest last
            previous = p.get("time").asString();
            if (p.get("acted").asBoolean()) {
                entryOrders.add(p.get("clientOrderId").asString());
                confidenceOf.put(p.get("clientOrderId").asString(), p.get("confidence").asDouble());
            }
            else assertThat(p.get("clientOrderId").isNull()).isTrue();
        }
        // every order an entry decision placed is one of the bot's orders, and its log line carries the confidence
        List<String> orderIds = new ArrayList<>();
        // ... and carries the confidence that placed it; exits carry none
        get("/api/v1/bots/" + id + "/orders", user).body().forEach(o -> {
            String cid = o.get("clientOrderId").asString();
            orderIds.add(cid);
            if (o.get("side").asString().equals("SELL")) assertThat(o.get("confidence").isNull()).as(cid).isTrue();
            if (confidenceOf.containsKey(cid)) assertThat(o.get("confidence").asDouble()).as(cid).isEqualTo(confidenceOf.get(cid));
        });
        assertThat(entryOrders).isNotEmpty();
        assertThat(orderIds).containsAll(entryOrders);
        List<String> lines = logLines(user, id);
        for (String order : entryOrders) {
            assertThat(lines).anyMatch(l -> l.startsWith("Entry " + order + ": confidence ") && l.contains("it-model v1"));
        }

        JsonNode stats = get("/api/v1/bots/" + id + "/ml-stats", user).body();
        assertThat(stats.get("wins").asLong()).isBetween(0L, stats.get("trades").asLong());
        assertThat(stats.get("pnl").asString()).isNotBlank();
        assertThat(stats.get("averageConfidence").asDouble()).isBetween(0.0, 1.0);
        assertThat(stats.get("byDay").size()).isGreaterThanOrEqualTo(1);
        JsonNode day = stats.get("byDay").get(stats.get("byDay").size() - 1);
        assertThat(day.get("day").asString()).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(day.has("trades") && day.has("wins") && day.has("pnl") && day.has("averageConfidence")).isTrue();

        // owner isolation
        assertThat(get("/api/v1/bots/" + id + "/confidences", other).status()).isEqualTo(404);
        assertThat(get("/api/v1/bots/" + id + "/ml-stats", other).status()).isEqualTo(404);
        assertThat(get("/api/v1/bots/" + id + "/confidences?limit=0", user).errorFields()).containsExactly("limit");

        // hot swap to version 2 while running
        Answer swapped = put("/api/v1/bots/" + id, user, bot(v2));
        assertThat(swapped.status()).as(String.valueOf(swapped.body())).isEqualTo(200);
        awaitFast("the model switch in the activity log", () -> logLines(user, id),
                l -> l.contains("Model switched from it-model v1 to it-model v2"));
        awaitFast("a decision of version 2", () -> get("/api/v1/bots/" + id + "/confidences?limit=1", user).body(),
                b -> b.get("model").get("version").asInt() == 2 && b.get("points").size() == 1);
        assertThat(get("/api/v1/bots/" + id, user).body().get("status").asString()).isEqualTo("ACTIVE");

        // the model in use cannot be deleted; the one swapped out can
        assertProblem(delete("/api/v1/models/" + v2, user), 409, "MODEL_IN_USE");
        assertThat(delete("/api/v1/models/" + v1, user).status()).isEqualTo(204);

        // a model whose file is gone: the swap fails the bot with the reason
        String v3 = upload(user, "it-model");
        Files.delete(files.path(user.id(), UUID.fromString(v3)));
        assertThat(put("/api/v1/bots/" + id, user, bot(v3)).status()).isEqualTo(200);
        JsonNode failed = awaitFast("the bot in ERROR", () -> get("/api/v1/bots/" + id, user).body(),
                b -> b.get("status").asString().equals("ERROR"));
        assertThat(failed.get("statusReason").asString()).contains("it-model v3").contains("cannot be read");
    }

    @Test
    void aBacktestOfMlSignalOpensTheRequestersModelAndTrades() {
        Session user = newUser();
        String model = upload(user, "bt-model");
        Session other = newUser();
        String othersModel = upload(other, "theirs");

        Map<String, Object> params = new HashMap<>(Map.of("model", model, "confidence_threshold", "0",
                "capital_per_trade", "0.5", "holding_time", 1800, "max_positions", 1,
                "maker_order_timeout", 900));  // on 5-minute candles an entry rests at least one candle
        Map<String, Object> body = new HashMap<>(Map.of("strategy", "ml-signal", "dataset", "LTC_BTC-5m",
                "balance", "10"));
        body.put("params", params);

        // another user's model (or none at all) is refused before anything is queued, naming the parameter
        for (String wrong : List.of(othersModel, UUID.randomUUID().toString())) {
            Map<String, Object> refused = new HashMap<>(body);
            refused.put("params", new HashMap<>(Map.of("model", wrong, "confidence_threshold", "0")));
            assertThat(post("/api/v1/backtests", user, refused).errorFields()).containsExactly("params.model");
        }

        Answer created = post("/api/v1/backtests", user, body);
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(202);
        Answer done = awaitBacktestFinished(user, created.body().get("id").asString());
        assertThat(done.body().get("status").asString()).as(String.valueOf(done.body())).isEqualTo("DONE");
        // a threshold of 0 enters at every decision it may: the model was opened and asked
        assertThat(done.body().get("result").get("metrics").get("trades").asInt()).isPositive();
    }

    @Test
    void decisionsThatPlacedNothingAreDeletedAfterTheRetentionAndTheOthersKept() {
        Session user = newUser();
        String model = upload(user, "retention-model");
        Answer created = post("/api/v1/bots", user, bot(model));
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        UUID bot = UUID.fromString(created.body().get("id").asString());
        UUID owner = jdbc.sql("SELECT owner_id FROM bots WHERE id = :id").param("id", bot).query(UUID.class).single();
        java.time.Instant now = dev.botfleet.server.common.Times.now(clock);
        java.time.Instant old = now.minus(Duration.ofDays(8));  // past the default retention of 7 days
        UUID modelId = UUID.fromString(model);
        decisionRows.row(owner, bot, old, modelId, 0.2, 0.6, false, null, null).insertNow();
        decisionRows.row(owner, bot, old.plusSeconds(2), modelId, 0.7, 0.6, true, bot + "-1", null).insertNow();
        decisionRows.row(owner, bot, now.minus(Duration.ofDays(6)), modelId, 0.3, 0.6, false, null, null).insertNow();

        retention.prune();

        List<MlDecisionRepository.Point> left = decisionRows.recent(owner, bot, 10);
        assertThat(left).extracting(MlDecisionRepository.Point::confidence).containsExactly(0.7, 0.3);
        assertThat(left.getFirst().clientOrderId()).isEqualTo(bot + "-1");  // an order's confidence stays
    }
}
