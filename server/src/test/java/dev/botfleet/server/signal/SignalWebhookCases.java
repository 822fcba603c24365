package dev.botfleet.server.signal;

import dev.botfleet.server.runtime.RuntimeTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Incoming signal webhooks driving a paper bot with strategy {@code signal} on the sim market: the token is the
 * credential; replays, stale timestamps, bad bodies, foreign symbols, stopped bots and floods are refused, and every
 * outcome is in the bot's activity log.
 */
@org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
public abstract class SignalWebhookCases extends RuntimeTestBase {

    protected String signalBot(Session user) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "tv", "exchange", "sim", "symbol", "BTC/USDT",
                "strategy", "signal", "mode", "PAPER"));
        body.put("config", Map.of("orderAmount", "100"));
        Answer created = post("/api/v1/bots", user, body);
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        return created.body().get("id").asString();
    }

    protected String token(Session user, String bot) {
        Answer a = post("/api/v1/bots/" + bot + "/signal-token", user, null);
        assertThat(a.status()).as(String.valueOf(a.body())).isEqualTo(200);
        String token = a.body().get("token").asString();
        assertThat(a.body().get("path").asString()).isEqualTo("/api/v1/signals/" + token);
        return token;
    }

    protected Answer signal(String token, String body) {
        return request(HttpMethod.POST, "/api/v1/signals/" + token, null, body);
    }

    protected List<String> logs(Session user, String bot) {
        List<String> out = new ArrayList<>();
        get("/api/v1/logs?botId=" + bot + "&size=100", user).body().get("items").forEach(l ->
                out.add(l.get("level").asString() + " " + l.get("message").asString()));
        return out;
    }

    private JsonNode trades(Session user, String bot) {
        return get("/api/v1/bots/" + bot + "/trades", user).body();
    }

    @Test
    void aBuySignalFillsAndACloseSignalExitsThePosition() {
        Session user = newUser();
        String bot = signalBot(user);
        String token = token(user, bot);
        start(user, bot);
        Answer buy = signal(token, "{\"action\":\"buy\",\"size\":\"0.001\",\"id\":\"a1\",\"symbol\":\"BINANCE:BTCUSDT\"}");
        assertThat(buy.status()).as(String.valueOf(buy.body())).isEqualTo(202);
        assertThat(buy.body().get("accepted").asBoolean()).isTrue();
        JsonNode filled = await("the buy's fill", () -> trades(user, bot), t -> t.size() >= 1);
        assertThat(filled.get(0).get("side").asString()).isEqualTo("BUY");
        assertThat(new BigDecimal(filled.get(0).get("quantity").asString())).isEqualByComparingTo("0.001");

        Answer close = signal(token, "{\"action\":\"close\",\"id\":\"a2\"}");
        assertThat(close.status()).isEqualTo(202);
        JsonNode both = await("the exit fill", () -> trades(user, bot), t -> t.size() >= 2);
        assertThat(both.findValuesAsString("side")).containsExactlyInAnyOrder("BUY", "SELL");
        JsonNode position = await("a flat position", () -> get("/api/v1/bots/" + bot + "/positions", user).body(),
                p -> p.size() == 1 && new BigDecimal(p.get(0).get("quantity").asString()).signum() == 0);
        assertThat(position.get(0).get("side").asString()).isNotEqualTo("LONG");
        assertThat(logs(user, bot)).contains("INFO Signal received: buy (id a1), size 0.001, at market",
                "INFO Signal received: close (id a2), at market");
    }

    @Test
    void aLimitSignalIsPlacedAtItsPriceRoundedDownToTheTick() {
        Session user = newUser();
        String bot = signalBot(user);
        String token = token(user, bot);
        start(user, bot);
        BigDecimal far = ltp().multiply(new BigDecimal("0.5"));
        Answer a = signal(token, "{\"action\":\"buy\",\"price\":\"" + far.toPlainString() + "1234\",\"size\":0.001}");
        assertThat(a.status()).isEqualTo(202);
        JsonNode orders = await("the limit order", () -> get("/api/v1/bots/" + bot + "/orders", user).body(),
                o -> o.size() == 1 && o.get(0).get("status").asString().equals("ACCEPTED"));
        BigDecimal price = new BigDecimal(orders.get(0).get("price").asString());
        assertThat(price.scale()).isLessThanOrEqualTo(2);                    // the sim tick is 0.01
        assertThat(price).isLessThanOrEqualTo(new BigDecimal(far.toPlainString() + "1234"));
        assertThat(orders.get(0).get("type").asString()).isEqualTo("LIMIT");
    }

    @Test
    void anUnknownTokenIsANotFoundLikeNoBot() {
        assertProblem(signal("not-a-token", "{\"action\":\"buy\"}"), 404, "NOT_FOUND");
        Session user = newUser();
        String bot = signalBot(user);
        String old = token(user, bot);
        String current = token(user, bot);                                    // rotated: the old URL stops working
        assertThat(current).isNotEqualTo(old).hasSize(43);                   // 32 bytes in base64url
        assertProblem(signal(old, "{\"action\":\"buy\"}"), 404, "NOT_FOUND");
        JsonNode view = get("/api/v1/bots/" + bot, user).body().get("signalWebhook");
        assertThat(view.get("hasToken").asBoolean()).isTrue();
        assertThat(view.get("maskedPath").asString()).startsWith("/api/v1/signals/" + current.substring(0, 4))
                .doesNotContain(current);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM signal_tokens WHERE token_hash = :t").param("t", current)
                .query(Integer.class).single()).as("the token is stored hashed").isZero();
    }

    @Test
    void theTokenNeverReachesALogLine(org.springframework.boot.test.system.CapturedOutput output) {
        Session user = newUser();
        String bot = signalBot(user);
        String token = token(user, bot);
        assertProblem(signal(token, "{\"action\":\"buy\",\"note\":\"" + "x".repeat(70_000) + "\"}"), 413, "PAYLOAD_TOO_LARGE");
        assertProblem(signal(token, "{\"action\":\"buy\"}"), 409, "CONFLICT");
        assertThat(signal(token + "x", "{}").status()).isEqualTo(404);
        assertThat(output.getAll()).contains("/api/v1/signals/***").doesNotContain(token);
    }

    @Test
    void aReplayedIdAndAnOlderTimestampAreIgnoredAndLogged() {
        Session user = newUser();
        String bot = signalBot(user);
        String token = token(user, bot);
        start(user, bot);
        long t = Instant.now().toEpochMilli();
        assertThat(signal(token, "{\"action\":\"close\",\"id\":\"x1\",\"timestamp\":" + t + "}").status()).isEqualTo(202);
        Answer again = signal(token, "{\"action\":\"close\",\"id\":\"x1\",\"timestamp\":" + (t + 1) + "}");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("accepted").asBoolean()).isFalse();
        assertThat(again.body().get("reason").asString()).isEqualTo("duplicate");
        Answer older = signal(token, "{\"action\":\"close\",\"id\":\"x2\",\"timestamp\":\""
                + Instant.ofEpochMilli(t - 1000) + "\"}");
        assertThat(older.status()).isEqualTo(200);
        assertThat(older.body().get("reason").asString()).isEqualTo("stale");
        // the stale one's id was not remembered: sent again with a current timestamp it is accepted
        assertThat(signal(token, "{\"action\":\"close\",\"id\":\"x2\",\"timestamp\":" + t + "}").status()).isEqualTo(202);
        List<String> logs = logs(user, bot);
        assertThat(logs).contains("WARNING Signal close (id x1) ignored: a signal with this id was already received");
        assertThat(logs).anyMatch(l -> l.startsWith("WARNING Signal close (id x2) ignored: its timestamp"));
        assertThat(logs).filteredOn(l -> l.startsWith("INFO Signal received")).hasSize(2);
    }

    @Test
    void badBodiesAreRefusedNamingTheFieldAndLogged() {
        Session user = newUser();
        String bot = signalBot(user);
        String token = token(user, bot);
        start(user, bot);
        Answer noAction = signal(token, "{\"price\": 100}");
        assertProblem(noAction, 400, "VALIDATION_ERROR");
        assertThat(noAction.errorFields()).containsExactly("action");
        assertThat(signal(token, "{\"action\":\"hold\"}").errorFields()).containsExactly("action");
        assertThat(signal(token, "{\"action\":\"buy\",\"size\":\"lots\",\"price\":-1}").errorFields())
                .containsExactlyInAnyOrder("size", "price");
        assertThat(signal(token, "{\"action\":\"buy\",\"timestamp\":\"yesterday\"}").errorFields()).containsExactly("timestamp");
        assertThat(signal(token, "{not json").errorFields()).containsExactly("body");
        assertThat(signal(token, "[1]").errorFields()).containsExactly("body");
        assertThat(logs(user, bot)).anyMatch(l -> l.equals("WARNING Signal refused: action: must be buy, sell or close"));
        // TradingView posts text/plain when the message is not JSON: the same 400, not a 415
        Answer plain = send(MockMvcRequestBuilders.post("/api/v1/signals/" + token).contentType(MediaType.TEXT_PLAIN)
                .content("buy BTCUSDT"), null, null);
        assertThat(plain.status()).isEqualTo(400);
        assertThat(plain.errorFields()).containsExactly("body");
    }

    @Test
    void aSignalForAnotherSymbolIsRefused() {
        Session user = newUser();
        String bot = signalBot(user);
        String token = token(user, bot);
        start(user, bot);
        Answer a = signal(token, "{\"action\":\"buy\",\"symbol\":\"ETH/USDT\"}");
        assertProblem(a, 400, "VALIDATION_ERROR");
        assertThat(a.errorFields()).containsExactly("symbol");
        assertThat(logs(user, bot)).contains("WARNING Signal buy refused: symbol ETH/USDT is not this bot's BTC/USDT");
        assertThat(get("/api/v1/bots/" + bot + "/orders", user).body().size()).isZero();
    }

    @Test
    void aSignalToAStoppedBotIsAConflictAndLogged() {
        Session user = newUser();
        String bot = signalBot(user);
        String token = token(user, bot);
        assertProblem(signal(token, "{\"action\":\"buy\",\"id\":\"s1\"}"), 409, "CONFLICT");
        assertThat(logs(user, bot)).contains("WARNING Signal buy (id s1) refused: the bot is STOPPED; start it to trade on signals");
        assertThat(get("/api/v1/bots/" + bot + "/orders", user).body().size()).isZero();
    }

    @Test
    void moreThanThirtySignalsAMinuteAreRateLimited() {
        Session user = newUser();
        String bot = signalBot(user);
        String token = token(user, bot);
        start(user, bot);
        for (int i = 0; i < 30; i++) {
            assertThat(signal(token, "{\"action\":\"close\",\"id\":\"r" + i + "\"}").status()).as("signal " + i).isEqualTo(202);
        }
        Answer limited = signal(token, "{\"action\":\"close\",\"id\":\"r30\"}");
        assertProblem(limited, 429, "RATE_LIMITED");
        assertThat(Integer.parseInt(limited.raw().getHeader("Retry-After"))).isBetween(1, 60);
        assertThat(logs(user, bot)).contains("WARNING Signal refused: more than 30 signals in a minute");
        // another bot's budget is its own
        String other = signalBot(user);
        String otherToken = token(user, other);
        assertThat(signal(otherToken, "{\"action\":\"close\"}").status()).isEqualTo(409);  // not started, but not limited
    }

    @Test
    void onlyTheOwnerRotatesAndOnlyASignalBotHasAToken() {
        Session owner = newUser();
        Session stranger = newUser();
        String bot = signalBot(owner);
        assertProblem(post("/api/v1/bots/" + bot + "/signal-token", stranger, null), 404, "NOT_FOUND");
        String scalper = scalper(owner, "0.05", "0.05");
        assertProblem(post("/api/v1/bots/" + scalper + "/signal-token", owner, null), 409, "CONFLICT");
        assertThat(get("/api/v1/bots/" + scalper, owner).body().get("signalWebhook").isNull()).isTrue();
        JsonNode none = get("/api/v1/bots/" + bot, owner).body().get("signalWebhook");
        assertThat(none.get("hasToken").asBoolean()).isFalse();
    }
}
