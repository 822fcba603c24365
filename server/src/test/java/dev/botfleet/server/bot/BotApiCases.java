package dev.botfleet.server.bot;

import dev.botfleet.server.support.ApiTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The bot management API, including every kind of bad input and cross-user isolation. Run on H2 and PostgreSQL. */
public abstract class BotApiCases extends ApiTestBase {

    static Map<String, Object> bot(String name) {
        Map<String, Object> config = new HashMap<>();
        config.put("quantity", new java.math.BigDecimal("0.001"));
        config.put("buyPrice", 60000);
        config.put("sellPrice", "61000");
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("exchange", "sim");
        body.put("symbol", "BTC/USDT");
        body.put("strategy", "scalper");
        body.put("mode", "PAPER");
        body.put("config", config);
        return body;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> withConfig(Map<String, Object> body, String key, Object value) {
        Map<String, Object> config = new HashMap<>((Map<String, Object>) body.get("config"));
        if (value == null) config.remove(key);
        else config.put(key, value);
        body.put("config", config);
        return body;
    }

    String create(Session user, String name) {
        Answer a = post("/api/v1/bots", user, bot(name));
        assertThat(a.status()).as(String.valueOf(a.body())).isEqualTo(201);
        return a.body().get("id").asString();
    }

    long botCount(Session user) {
        return jdbc.sql("SELECT COUNT(*) FROM bots WHERE owner_id = :o").param("o", user.id()).query(Long.class).single();
    }

    long logCount(Session user) {
        return jdbc.sql("SELECT COUNT(*) FROM activity_logs WHERE owner_id = :o").param("o", user.id()).query(Long.class).single();
    }

    List<String> logMessages(Session user, String botId) {
        Answer logs = get("/api/v1/logs?size=100" + (botId == null ? "" : "&botId=" + botId), user);
        List<String> messages = new ArrayList<>();
        logs.body().get("items").forEach(e -> messages.add(e.get("message").asString()));
        return messages;
    }

    /** The entries bot management writes (the runtime adds its own about orders and fills). */
    List<String> managementLog(Session user, String botId, String botName) {
        return logMessages(user, botId).stream().filter(m -> m.startsWith("Bot '" + botName + "'")).toList();
    }

    @Test
    void createAnswersAStoppedBotWithANormalizedConfig() {
        Session user = newUser();
        Answer a = post("/api/v1/bots", user, withConfig(bot("scalp 1"), "quantity", "0.0012345"));
        assertThat(a.status()).isEqualTo(201);
        JsonNode b = a.body();
        assertThat(b.get("status").asString()).isEqualTo("STOPPED");
        assertThat(b.get("mode").asString()).isEqualTo("PAPER");
        assertThat(b.get("pnl").asString()).isEqualTo("0");
        assertThat(b.get("totalTrades").asLong()).isZero();
        assertThat(b.has("lastFillTime")).isTrue();
        assertThat(b.get("lastFillTime").isNull()).isTrue();
        assertThat(b.get("createdAt").asString()).isEqualTo(b.get("updatedAt").asString());
        JsonNode config = b.get("config");
        assertThat(config.get("quantity").asString()).isEqualTo("0.00123"); // rounded down to the lot size 0.00001
        assertThat(config.get("buyPrice").asString()).isEqualTo("60000.00");
        assertThat(config.get("sellPrice").asString()).isEqualTo("61000.00");
        assertThat(config.get("firstOrder").asString()).isEqualTo("BUY");
        assertThat(config.get("trailingPercent").asString()).isEqualTo("0");
        assertThat(config.get("infiniteLoop").asBoolean()).isTrue();

        Answer fetched = get("/api/v1/bots/" + b.get("id").asString(), user);
        assertThat(fetched.body()).isEqualTo(b);
        assertThat(logMessages(user, b.get("id").asString())).singleElement().asString().contains("created");
    }

    @Test
    void aPriceParameterLeftAtZeroMeansOffAndIsAccepted() {
        Session user = newUser();
        Answer a = post("/api/v1/bots", user, Map.of("name", "grid 1", "exchange", "sim", "symbol", "BTC/USDT",
                "strategy", "grid", "mode", "PAPER",
                "config", Map.of("lowerPrice", "60000", "upperPrice", "68000", "quantityPerGrid", "50")));
        assertThat(a.status()).as(String.valueOf(a.body())).isEqualTo(201);
        assertThat(new java.math.BigDecimal(a.body().get("config").get("stopLossPrice").asString())).isZero();

        Answer tiny = post("/api/v1/bots", user, Map.of("name", "grid 2", "exchange", "sim", "symbol", "BTC/USDT",
                "strategy", "grid", "mode", "PAPER", "config", Map.of("lowerPrice", "60000", "upperPrice", "68000",
                        "quantityPerGrid", "50", "stopLossPrice", "0.001")));
        assertProblem(tiny, 400, "VALIDATION_ERROR");
        assertThat(tiny.body().get("errors").get(0).get("field").asString()).isEqualTo("config.stopLossPrice");
    }

    @Test
    void decimalsKeepEveryDigitTheyAreGiven() {
        Session user = newUser();
        Map<String, Object> body = withConfig(bot("precise"), "trailingPercent", new java.math.BigDecimal("0.123456789012345678"));
        Answer a = post("/api/v1/bots", user, body);
        assertThat(a.status()).isEqualTo(201);
        assertThat(a.body().get("config").get("trailingPercent").asString()).isEqualTo("0.123456789012345678");
    }

    @Test
    void eachBadFieldIsNamedAndNothingIsWritten() {
        Session user = newUser();
        record Case(Map<String, Object> body, String field, String messagePart) {
        }
        List<Case> cases = List.of(
                new Case(with(bot("x"), "strategy", "martingale"), "strategy", "scalper"),
                new Case(with(bot("x"), "exchange", "mars"), "exchange", "sim"),
                new Case(with(bot("x"), "symbol", "DOGE/EUR"), "symbol", "BTC/USDT"),
                new Case(with(bot("x"), "mode", "YOLO"), "mode", "PAPER, LIVE"),
                new Case(with(bot("x"), "mode", null), "mode", "required"),
                new Case(with(bot("x"), "mode", "LIVE"), "mode", "paper"),
                new Case(with(bot("x"), "name", " "), "name", "required"),
                new Case(with(bot("x"), "name", "n".repeat(101)), "name", "100"),
                new Case(withConfig(bot("x"), "sellPrice", 59000), "config.sellPrice", "greater than buyPrice"),
                new Case(withConfig(bot("x"), "sellPrice", 60000), "config.sellPrice", "greater than buyPrice"),
                new Case(withConfig(bot("x"), "sellPrice", "60000.004"), "config.sellPrice", "after rounding"),
                new Case(withConfig(bot("x"), "levrage", 5), "config.levrage", "not a parameter"),
                new Case(withConfig(bot("x"), "quantity", null), "config.quantity", "required"),
                new Case(withConfig(bot("x"), "quantity", 0), "config.quantity", "> 0"),
                new Case(withConfig(bot("x"), "quantity", -1), "config.quantity", "> 0"),
                new Case(withConfig(bot("x"), "quantity", "lots"), "config.quantity", "number"),
                new Case(withConfig(bot("x"), "quantity", "0.000001"), "config.quantity", "minimum quantity"),
                new Case(withConfig(withConfig(bot("x"), "buyPrice", 100), "sellPrice", 200), "config.quantity", "minimum order value"),
                new Case(withConfig(bot("x"), "buyPrice", "0.001"), "config.buyPrice", "tick size"),
                new Case(withConfig(bot("x"), "trailingPercent", 51), "config.trailingPercent", "<= 50"),
                new Case(withConfig(bot("x"), "firstOrder", "HOLD"), "config.firstOrder", "BUY, SELL"),
                new Case(withConfig(bot("x"), "infiniteLoop", "maybe"), "config.infiniteLoop", "true or false"),
                new Case(withConfig(bot("x"), "quantity", "1e999999999"), "config.quantity", "digits"),
                new Case(withConfig(bot("x"), "trailingPercent", "0.0000000000000000001"), "config.trailingPercent", "digits"));
        for (Case c : cases) {
            Answer a = post("/api/v1/bots", user, c.body());
            assertProblem(a, 400, "VALIDATION_ERROR");
            assertThat(a.errorFields()).as(c.field()).contains(c.field());
            String message = a.body().get("errors").get(a.errorFields().indexOf(c.field())).get("message").asString();
            assertThat(message).as(c.field()).contains(c.messagePart());
        }
        assertThat(botCount(user)).isZero();
        assertThat(logCount(user)).isZero();
    }

    static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        body.put(key, value);
        return body;
    }

    @Test
    void unreadableBodiesAreMalformedRequests() {
        Session user = newUser();
        String bearer = "Bearer " + user.token();
        assertProblem(request(HttpMethod.POST, "/api/v1/bots", bearer, "{\"name\": \"x\","), 400, "MALFORMED_REQUEST");
        Answer configNotObject = request(HttpMethod.POST, "/api/v1/bots", bearer, "{\"name\": \"x\", \"config\": \"fast\"}");
        assertProblem(configNotObject, 400, "MALFORMED_REQUEST");
        assertThat(configNotObject.errorFields()).containsExactly("config");
        assertProblem(request(HttpMethod.POST, "/api/v1/bots", bearer, ""), 400, "MALFORMED_REQUEST");
        Answer text = send(MockMvcRequestBuilders.post("/api/v1/bots").contentType(MediaType.TEXT_PLAIN).content("hi"), user, null);
        assertProblem(text, 415, "UNSUPPORTED_MEDIA_TYPE");
        assertThat(botCount(user)).isZero();
    }

    @Test
    void listIsNewestFirstPagedAndFilteredByStatus() {
        Session user = newUser();
        String first = create(user, "first");
        String second = create(user, "second");
        String third = create(user, "third");
        post("/api/v1/bots/" + second + "/start", user, null);

        Answer all = get("/api/v1/bots", user);
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.body().get("total").asLong()).isEqualTo(3);
        assertThat(all.body().get("page").asInt()).isZero();
        assertThat(all.body().get("size").asInt()).isEqualTo(20);
        assertThat(ids(all)).containsExactly(third, second, first);

        Answer page1 = get("/api/v1/bots?page=1&size=2", user);
        assertThat(ids(page1)).containsExactly(first);
        assertThat(page1.body().get("total").asLong()).isEqualTo(3);

        assertThat(ids(get("/api/v1/bots?status=ACTIVE", user))).containsExactly(second);
        assertThat(get("/api/v1/bots?status=STOPPED", user).body().get("total").asLong()).isEqualTo(2);
        assertThat(ids(get("/api/v1/bots?status=ERROR", user))).isEmpty();
    }

    @Test
    void badPagingAndFiltersAreNamed() {
        Session user = newUser();
        for (String query : List.of("size=0", "size=101", "size=100000", "size=abc", "page=-1", "page=x", "status=RUNNING")) {
            Answer a = get("/api/v1/bots?" + query, user);
            assertProblem(a, 400, "VALIDATION_ERROR");
            assertThat(a.errorFields()).as(query).containsExactly(query.substring(0, query.indexOf('=')));
        }
        assertThat(get("/api/v1/bots?size=100", user).status()).isEqualTo(200);
        assertThat(get("/api/v1/bots?size=1", user).status()).isEqualTo(200);
    }

    @Test
    void updateReplacesTheConfigButNotTheMarketOfAnActiveBot() {
        Session user = newUser();
        String id = create(user, "editable");
        Map<String, Object> changed = withConfig(with(bot("renamed"), "symbol", "ETH/USDT"), "buyPrice", "3000.5");
        changed = withConfig(withConfig(changed, "sellPrice", "3100"), "quantity", "0.01");
        Answer updated = put("/api/v1/bots/" + id, user, changed);
        assertThat(updated.status()).as(String.valueOf(updated.body())).isEqualTo(200);
        assertThat(updated.body().get("name").asString()).isEqualTo("renamed");
        assertThat(updated.body().get("symbol").asString()).isEqualTo("ETH/USDT");
        assertThat(updated.body().get("config").get("buyPrice").asString()).isEqualTo("3000.50");
        assertThat(updated.body().get("status").asString()).isEqualTo("STOPPED");

        Answer invalid = put("/api/v1/bots/" + id, user, withConfig(bot("bad"), "quantity", -5));
        assertProblem(invalid, 400, "VALIDATION_ERROR");
        assertThat(get("/api/v1/bots/" + id, user).body().get("name").asString()).isEqualTo("renamed");

        post("/api/v1/bots/" + id + "/start", user, null);
        Answer whileActive = put("/api/v1/bots/" + id, user, bot("again"));   // back to BTC/USDT: needs a stop
        assertProblem(whileActive, 409, "BOT_RUNNING_STRUCTURAL_CHANGE");
        assertThat(whileActive.body().get("detail").asString()).contains("stop it");
        assertThat(whileActive.body().get("fields").get(0).asString()).isEqualTo("symbol");
        assertThat(get("/api/v1/bots/" + id, user).body().get("name").asString()).isEqualTo("renamed");
        assertThat(logMessages(user, id)).anySatisfy(m -> assertThat(m).contains("updated"));
    }

    @Test
    void deleteRemovesAStoppedBotButRefusesAnActiveOne() {
        Session user = newUser();
        String id = create(user, "doomed");
        post("/api/v1/bots/" + id + "/start", user, null);
        Answer refused = delete("/api/v1/bots/" + id, user);
        assertProblem(refused, 409, "CONFLICT");
        assertThat(refused.body().get("detail").asString()).contains("stop it");
        assertThat(get("/api/v1/bots/" + id, user).status()).isEqualTo(200);

        post("/api/v1/bots/" + id + "/stop", user, null);
        assertThat(delete("/api/v1/bots/" + id, user).status()).isEqualTo(204);
        assertProblem(get("/api/v1/bots/" + id, user), 404, "NOT_FOUND");
        assertProblem(delete("/api/v1/bots/" + id, user), 404, "NOT_FOUND");
        assertThat(logMessages(user, null)).anySatisfy(m -> assertThat(m).contains("'doomed'").contains("deleted"));
    }

    @Test
    void startStopAndToggleChangeTheStatusAndWriteTheLog() {
        Session user = newUser();
        String id = create(user, "runner");
        Answer started = post("/api/v1/bots/" + id + "/start", user, null);
        assertThat(started.status()).isEqualTo(200);
        assertThat(started.body().get("status").asString()).isEqualTo("ACTIVE");
        assertThat(post("/api/v1/bots/" + id + "/start", user, null).body().get("status").asString()).isEqualTo("ACTIVE");
        assertThat(managementLog(user, id, "runner")).hasSize(2); // starting an ACTIVE bot is a no-op

        assertThat(post("/api/v1/bots/" + id + "/stop", user, null).body().get("status").asString()).isEqualTo("STOPPED");
        assertThat(post("/api/v1/bots/" + id + "/toggle", user, null).body().get("status").asString()).isEqualTo("ACTIVE");
        assertThat(post("/api/v1/bots/" + id + "/toggle", user, null).body().get("status").asString()).isEqualTo("STOPPED");
        List<String> messages = managementLog(user, id, "runner");
        assertThat(messages).hasSize(5); // created, started, stopped, started, stopped (newest first)
        assertThat(messages.get(0)).contains("stopped");
        assertThat(messages.get(1)).contains("started");
        assertThat(messages.get(4)).contains("created");
    }

    @Test
    void stopAllStopsOnlyTheCallersActiveBots() {
        Session alice = newUser();
        Session bob = newUser();
        String a1 = create(alice, "a1");
        String a2 = create(alice, "a2");
        create(alice, "a3");
        String b1 = create(bob, "b1");
        post("/api/v1/bots/" + a1 + "/start", alice, null);
        post("/api/v1/bots/" + a2 + "/start", alice, null);
        post("/api/v1/bots/" + b1 + "/start", bob, null);

        Answer stopped = post("/api/v1/bots/stop-all", alice, null);
        assertThat(stopped.status()).isEqualTo(200);
        assertThat(stopped.body().get("stopped").asInt()).isEqualTo(2);
        assertThat(get("/api/v1/bots?status=ACTIVE", alice).body().get("total").asLong()).isZero();
        assertThat(get("/api/v1/bots/" + b1, bob).body().get("status").asString()).isEqualTo("ACTIVE");
        assertThat(logMessages(alice, null)).anySatisfy(m -> assertThat(m).isEqualTo("Stop-all: 2 bot(s) stopped"));
        assertThat(post("/api/v1/bots/stop-all", alice, null).body().get("stopped").asInt()).isZero();
    }

    @Test
    void stopAllStopsLiveBotsToo() {
        // the kill switch must not skip the bots trading real money. The LIVE bot is a row here (this context has no
        // live venue to start one on): that the stop's cancels reach the venue needs a LIVE fixture
        Session user = newUser();
        String live = create(user, "live");
        jdbc.sql("UPDATE bots SET mode = 'LIVE', status = 'ACTIVE' WHERE id = :id").param("id", UUID.fromString(live))
                .update();
        botRowChanged(UUID.fromString(live));
        String paper = create(user, "paper");
        post("/api/v1/bots/" + paper + "/start", user, null);

        assertThat(post("/api/v1/bots/stop-all", user, null).body().get("stopped").asInt()).isEqualTo(2);
        assertThat(get("/api/v1/bots/" + live, user).body().get("status").asString()).isEqualTo("STOPPED");
        assertThat(get("/api/v1/bots/" + paper, user).body().get("status").asString()).isEqualTo("STOPPED");
        assertThat(managementLog(user, live, "live")).contains("Bot 'live' stopped (stop-all)");
    }

    @Test
    void summaryAddsUpExactly() {
        Session user = newUser();
        String a = create(user, "a");
        String b = create(user, "b");
        String c = create(user, "c");
        // results written directly (as the runtime records them); ACTIVE without starting, so no runtime overwrites them
        jdbc.sql("UPDATE bots SET pnl = :p, total_trades = 7, status = 'ACTIVE' WHERE id = :id").param("p", new java.math.BigDecimal("0.1"))
                .param("id", UUID.fromString(a)).update();
        botRowChanged(UUID.fromString(a));
        jdbc.sql("UPDATE bots SET pnl = :p, total_trades = 3, status = 'ERROR' WHERE id = :id")
                .param("p", new java.math.BigDecimal("0.2")).param("id", UUID.fromString(b)).update();
        botRowChanged(UUID.fromString(b));
        // a market quoted in BTC (sim has none, so by hand): its pnl is BTC, not USDT
        jdbc.sql("UPDATE bots SET symbol = 'ETH/BTC', pnl = :p WHERE id = :id")
                .param("p", new java.math.BigDecimal("0.00012")).param("id", UUID.fromString(c)).update();
        botRowChanged(UUID.fromString(c));

        JsonNode s = get("/api/v1/bots/statistics/summary", user).body();
        assertThat(s.get("totalBots").asLong()).isEqualTo(3);
        assertThat(s.get("activeBots").asLong()).isEqualTo(1);
        assertThat(s.get("stoppedBots").asLong()).isEqualTo(1);
        assertThat(s.get("errorBots").asLong()).isEqualTo(1);
        assertThat(s.get("totalPnl").asString()).isEqualTo("0.30012"); // mixes currencies, kept for compatibility
        assertThat(s.get("totalPnlByQuote").size()).isEqualTo(2);
        assertThat(s.get("totalPnlByQuote").get("USDT").asString()).isEqualTo("0.3"); // 0.1 + 0.2, exactly
        assertThat(s.get("totalPnlByQuote").get("BTC").asString()).isEqualTo("0.00012");
        assertThat(s.get("totalTrades").asLong()).isEqualTo(10);

        JsonNode empty = get("/api/v1/bots/statistics/summary", newUser()).body();
        assertThat(empty.get("totalBots").asLong()).isZero();
        assertThat(empty.get("totalPnl").asString()).isEqualTo("0");
        assertThat(empty.get("totalPnlByQuote").isEmpty()).isTrue();
    }

    @Test
    void anotherUsersBotIsNotFoundEverywhere() {
        Session alice = newUser();
        Session bob = newUser();
        String id = create(alice, "private");
        assertThat(get("/api/v1/bots", bob).body().get("total").asLong()).isZero();
        assertProblem(get("/api/v1/bots/" + id, bob), 404, "NOT_FOUND");
        assertProblem(put("/api/v1/bots/" + id, bob, bot("mine now")), 404, "NOT_FOUND");
        assertProblem(delete("/api/v1/bots/" + id, bob), 404, "NOT_FOUND");
        for (String action : List.of("start", "stop", "toggle")) {
            assertProblem(post("/api/v1/bots/" + id + "/" + action, bob, null), 404, "NOT_FOUND");
        }
        assertThat(get("/api/v1/logs?botId=" + id, bob).body().get("total").asLong()).isZero();
        assertThat(get("/api/v1/bots/statistics/summary", bob).body().get("totalBots").asLong()).isZero();
        // unchanged for its owner
        JsonNode mine = get("/api/v1/bots/" + id, alice).body();
        assertThat(mine.get("name").asString()).isEqualTo("private");
        assertThat(mine.get("status").asString()).isEqualTo("STOPPED");
        // a random id and a non-UUID id
        assertProblem(get("/api/v1/bots/" + UUID.randomUUID(), alice), 404, "NOT_FOUND");
        Answer notUuid = post("/api/v1/bots/42/start", alice, null);
        assertProblem(notUuid, 400, "VALIDATION_ERROR");
        assertThat(notUuid.errorFields()).containsExactly("id");
    }

    private static List<String> ids(Answer page) {
        List<String> ids = new ArrayList<>();
        page.body().get("items").forEach(b -> ids.add(b.get("id").asString()));
        return ids;
    }

    @Test
    void aLiveBotThatCannotTradeLiveIsNotStarted() {
        Session user = newUser();
        String id = create(user, "was live");
        // a LIVE bot whose exchange has no live adapter (e.g. stored before an adapter was removed)
        jdbc.sql("UPDATE bots SET mode = 'LIVE' WHERE id = :id").param("id", UUID.fromString(id)).update();
        botRowChanged(UUID.fromString(id));
        Answer refused = post("/api/v1/bots/" + id + "/start", user, null);
        assertProblem(refused, 409, "CONFLICT");
        assertThat(refused.body().get("detail").asString()).contains("paper trading only");
        assertThat(get("/api/v1/bots/" + id, user).body().get("status").asString()).isEqualTo("STOPPED");
    }
}
