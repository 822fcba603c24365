package dev.botfleet.server.stream;

import dev.botfleet.engine.runtime.MarketDataHub;
import dev.botfleet.server.support.SimTrades;
import dev.botfleet.server.support.StreamReceiver;
import dev.botfleet.server.support.TestClockConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event stream over a real WebSocket (the JDK's client) against a real server: a bad token is closed with 1008,
 * a user receives ticks of the markets they subscribed to and the orders, trades, log entries and bot changes of
 * their own bots — and nothing of another user's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "botfleet.data-dir=target/test-data", "botfleet.password.bcrypt-strength=4", "botfleet.sim.tick-interval=50ms",
        "botfleet.stream.max-sessions-per-user=3", "botfleet.registration.max-per-address=1000",
        "spring.datasource.url=jdbc:h2:mem:botfleet-stream;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"})
@Import(TestClockConfig.class)
class EventStreamTest {
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private final List<WebSocket> sockets = new ArrayList<>();

    @LocalServerPort
    int port;
    @org.springframework.beans.factory.annotation.Autowired
    MarketDataHub hub;
    @org.springframework.beans.factory.annotation.Autowired
    java.time.Clock clock;
    /** What {@link #next} does between reads, at most every 100 ms: e.g. trades that fill a bot's orders. */
    private Runnable whileWaiting = () -> { };

    @AfterEach
    void closeSockets() {
        for (WebSocket s : sockets) s.abort();
    }

    @Test
    void aForgedOrMissingTokenIsClosedWithPolicyViolation() throws Exception {
        for (String query : List.of("?token=not.a.jwt", "", "?token=")) {
            StreamReceiver received = new StreamReceiver();
            connect(query, received);
            assertThat(received.closed.get(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isEqualTo(1008);
        }
    }

    @Test
    void signingOutEverywhereEndsTheAccountsOpenStreams() throws Exception {
        String token = register();
        StreamReceiver received = new StreamReceiver();
        connect("?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8), received);
        registered(received);
        String other = register();
        StreamReceiver others = new StreamReceiver();
        connect("?token=" + URLEncoder.encode(other, StandardCharsets.UTF_8), others);
        registered(others);

        call("POST", "/api/v1/me/logout-all", token, null);

        assertThat(received.closed.get(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isEqualTo(1008);
        assertThat(received.reason).isEqualTo("token revoked: signed out everywhere");
        assertThat(others.closed).as("another account's stream stays open").isNotDone();
        StreamReceiver again = new StreamReceiver();
        connect("?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8), again);
        assertThat(again.closed.get(DEADLINE.toSeconds(), TimeUnit.SECONDS)).as("the revoked token opens no new stream")
                .isEqualTo(1008);
    }

    @Test
    void aUserHasAtMostTheConfiguredNumberOfStreamSessions() throws Exception {
        String token = register();
        String query = "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        List<StreamReceiver> open = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            StreamReceiver received = new StreamReceiver();
            connect(query, received);
            registered(received);  // after this the session counts
            open.add(received);
        }
        StreamReceiver fourth = new StreamReceiver();
        connect(query, fourth);
        assertThat(fourth.closed.get(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isEqualTo(1008);
        assertThat(fourth.reason).contains("too many stream connections");
        for (StreamReceiver r : open) assertThat(r.closed).as("the first three stay open").isNotDone();
        String other = register();
        StreamReceiver others = new StreamReceiver();
        connect("?token=" + URLEncoder.encode(other, StandardCharsets.UTF_8), others);
        assertThat(others.messages.poll(DEADLINE.toSeconds(), TimeUnit.SECONDS)).as("the limit is per user").isEqualTo(StreamHandler.READY);
    }

    @Test
    void aUserSeesTicksAndTheirOwnBotsOrdersTradesLogsAndStatus() throws Exception {
        String token = register();
        String otherToken = register();
        StreamReceiver mine = new StreamReceiver();
        WebSocket socket = connect("?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8), mine);
        StreamReceiver theirs = new StreamReceiver();
        connect("?token=" + otherToken, theirs);

        socket.sendText("{\"action\":\"subscribe\",\"exchange\":\"sim\",\"symbol\":\"BTC/USDT\"}", true).join();
        JsonNode tick = next(mine, m -> m.get("type").asString().equals("tick")).get("data");
        assertThat(tick.get("exchange").asString()).isEqualTo("sim");
        assertThat(tick.get("symbol").asString()).isEqualTo("BTC/USDT");
        assertThat(tick.get("price").asString()).matches("\\d+\\.\\d{2}");
        assertThat(tick.get("timestamp").asString()).endsWith("Z");
        socket.sendText("{\"action\":\"subscribe\",\"exchange\":\"sim\",\"symbol\":\"NOPE/USDT\"}", true).join();
        assertThat(next(mine, m -> m.get("type").asString().equals("error")).get("data").get("message").asString())
                .contains("NOPE/USDT");

        BigDecimal price = new BigDecimal(call("GET", "/api/v1/price/ltp?exchange=sim&symbol=BTC/USDT", token, null)
                .get("price").asString());
        String bot = call("POST", "/api/v1/bots", token, """
                {"name":"streamed","exchange":"sim","symbol":"BTC/USDT","strategy":"scalper","mode":"PAPER",
                 "config":{"quantity":"0.001","buyPrice":"%s","sellPrice":"%s"}}""".formatted(
                price.multiply(new BigDecimal("0.9995")).setScale(2, RoundingMode.HALF_EVEN),
                price.multiply(new BigDecimal("1.0005")).setScale(2, RoundingMode.HALF_EVEN))).get("id").asString();
        call("POST", "/api/v1/bots/" + bot + "/start", token, null);
        // the round trip's fills come from trades through the bot's orders (SimTrades), not from waiting on the walk
        whileWaiting = () -> {
            try {
                SimTrades.through(hub, clock, call("GET", "/api/v1/bots/" + bot + "/orders?status=open", token, null));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };

        JsonNode started = next(mine, m -> m.get("type").asString().equals("bot")).get("data");
        assertThat(started.get("id").asString()).isEqualTo(bot);
        assertThat(started.get("status").asString()).isEqualTo("ACTIVE");
        JsonNode order = next(mine, m -> m.get("type").asString().equals("order")).get("data");
        assertThat(order.get("botId").asString()).isEqualTo(bot);
        assertThat(order.get("clientOrderId").asString()).isEqualTo(bot + "-1");
        JsonNode trade = next(mine, m -> m.get("type").asString().equals("trade")).get("data");
        assertThat(trade.get("botId").asString()).isEqualTo(bot);
        assertThat(trade.get("side").asString()).isEqualTo("BUY");
        assertThat(trade.get("quantity").asString()).isEqualTo("0.001");
        JsonNode log = next(mine, m -> m.get("type").asString().equals("log")
                && m.get("data").get("message").asString().startsWith("Sold 0.00100 BTC at ")).get("data");
        assertThat(log.get("botId").asString()).isEqualTo(bot);
        JsonNode afterDeal = next(mine, m -> m.get("type").asString().equals("bot")
                && m.get("data").get("totalTrades").asLong() >= 1).get("data");
        assertThat(afterDeal.get("pnl").asString()).isNotEqualTo("0");

        call("POST", "/api/v1/bots/" + bot + "/stop", token, null);
        next(mine, m -> m.get("type").asString().equals("bot") && m.get("data").get("status").asString().equals("STOPPED"));

        // the other user subscribed to nothing and owns nothing: not one message of ours reached them
        for (String m : theirs.messages) assertThat(m).doesNotContain(bot);
        assertThat(theirs.messages).noneMatch(m -> m.contains("\"tick\""));
    }

    @Test
    void aRunningBotsNewConfigIsPushedWithItsDiff() throws Exception {
        String token = register();
        StreamReceiver mine = new StreamReceiver();
        connect("?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8), mine);
        registered(mine);
        String body = """
                {"name":"hot","exchange":"sim","symbol":"BTC/USDT","strategy":"scalper","mode":"PAPER",
                 "config":{"quantity":"0.01","buyPrice":"1000","sellPrice":"%s"}}""";
        String bot = call("POST", "/api/v1/bots", token, body.formatted("2000")).get("id").asString();
        call("POST", "/api/v1/bots/" + bot + "/start", token, null);
        next(mine, m -> m.get("type").asString().equals("bot") && m.get("data").get("status").asString().equals("ACTIVE"));

        call("PUT", "/api/v1/bots/" + bot, token, body.formatted("2500"));
        JsonNode pushed = next(mine, m -> m.get("type").asString().equals("bot.reconfigured")).get("data");
        assertThat(pushed.get("botId").asString()).isEqualTo(bot);
        assertThat(pushed.get("changes")).singleElement().satisfies(c -> {
            assertThat(c.get("field").asString()).isEqualTo("sellPrice");
            assertThat(c.get("from").asString()).isEqualTo("2000.00");
            assertThat(c.get("to").asString()).isEqualTo("2500.00");
        });
        call("POST", "/api/v1/bots/" + bot + "/stop", token, null);
    }

    private JsonNode next(StreamReceiver received, Predicate<JsonNode> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        List<String> seen = new ArrayList<>();
        long nextAction = 0;
        while (System.nanoTime() < deadline) {
            if (System.nanoTime() >= nextAction) {
                whileWaiting.run();
                nextAction = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
            }
            String text = received.messages.poll(100, TimeUnit.MILLISECONDS);
            if (text == null) continue;
            JsonNode message = json.readTree(text);
            if (wanted.test(message)) return message;
            if (seen.size() < 50) seen.add(text);
        }
        throw new AssertionError("No wanted message within " + DEADLINE + "; saw " + seen);
    }

    /**
     * Waits until the server has registered the session: its first message says so ({@code ready}). Before that,
     * events published (a bot started right after the handshake) are not this session's.
     */
    private void registered(StreamReceiver received) throws InterruptedException {
        assertThat(received.messages.poll(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isEqualTo(StreamHandler.READY);
    }

    private WebSocket connect(String query, StreamReceiver listener) {
        WebSocket socket = http.newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/api/v1/stream" + query), listener).join();
        sockets.add(socket);
        return socket;
    }

    private String register() throws Exception {
        String email = "s" + UUID.randomUUID().toString().substring(0, 12) + "@example.com";
        String body = "{\"email\":\"" + email + "\",\"password\":\"correct-horse-9\"}";
        call("POST", "/api/v1/auth/register", null, body);
        return call("POST", "/api/v1/auth/login", null, body).get("token").asString();
    }

    private JsonNode call(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) request.header("Authorization", "Bearer " + token);
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isBetween(200, 299);
        return response.body().isBlank() ? null : json.readTree(response.body());
    }
}
