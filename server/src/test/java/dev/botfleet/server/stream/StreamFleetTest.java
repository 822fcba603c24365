package dev.botfleet.server.stream;

import dev.botfleet.server.bot.BotRequest;
import dev.botfleet.server.bot.BotService;
import dev.botfleet.server.support.TestClockConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event stream at fleet scale: 1,000 paper scalpers on fast sim ticks (H2) and one client reading the stream.
 * The client reconnects when its session is closed, as the dashboard does. Every fill committed while a session was
 * registered must have arrived on it as a {@code trade} message, except, on a session the server closed with 1013
 * and a reason, the fills after the close (per bot, what arrived is exactly the start of what the bot booked: no gap,
 * so nothing was lost silently); the session open at the end must have received every fill. Bounded: the bots trade for {@code botfleet.fleet.seconds} (15 by default); a
 * soak runs longer with {@code -Dbotfleet.fleet.seconds=600} (docs/fleet-scale.md, "Event stream at fleet scale").
 * Prints fills and frames per second for docs/fleet-scale.md.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "botfleet.data-dir=target/test-data", "botfleet.password.bcrypt-strength=4", "botfleet.sim.tick-interval=50ms",
        "botfleet.sim.history=0", "botfleet.registration.max-per-address=1000",
        "spring.datasource.url=jdbc:h2:mem:botfleet-stream-fleet;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"})
@Import(TestClockConfig.class)
class StreamFleetTest {
    private static final int BOTS = Integer.getInteger("botfleet.fleet.bots", 300);
    private static final int SECONDS = Integer.getInteger("botfleet.fleet.seconds", 15);
    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private final List<WebSocket> sockets = new ArrayList<>();
    private UUID owner;

    @LocalServerPort
    int port;
    @Autowired
    BotService bots;
    @Autowired
    JdbcClient jdbc;

    /** A client that reads as fast as it can: frames are queued raw and parsed by the test thread. */
    static final class Reader implements WebSocket.Listener {
        final LinkedBlockingQueue<String> frames = new LinkedBlockingQueue<>();
        final AtomicInteger frameCount = new AtomicInteger();
        final CompletableFuture<String> closed = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                frames.add(partial.toString());
                frameCount.incrementAndGet();
                partial.setLength(0);
            }
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
            closed.complete(statusCode + " " + reason);
            return null;
        }

        @Override
        public void onError(WebSocket socket, Throwable error) {
            closed.complete("error " + error);
        }
    }

    /** The fleet stops (the context lives on for other tests) and the client goes. */
    @AfterEach
    void stopFleet() {
        for (WebSocket s : sockets) s.abort();
        if (owner != null) bots.stopAllAndWait(owner, "fleet test over");
    }

    @Test
    void everyFillOfAThousandBotsReachesAReadingClientOrItsSessionIsClosedWithAReason() throws Exception {
        String token = register();
        owner = UUID.fromString(call("GET", "/api/v1/me", token).get("id").asString());
        BigDecimal price = new BigDecimal(call("GET", "/api/v1/price/ltp?exchange=sim&symbol=BTC/USDT", token)
                .get("price").asString());
        List<Session> sessions = new ArrayList<>();
        sessions.add(connect(token));

        long startingFrom = System.nanoTime();
        startFleet(price, () -> follow(sessions, token));
        double startSeconds = (System.nanoTime() - startingFrom) / 1e9;
        long tradingFrom = System.nanoTime();
        int framesBefore = sessions.stream().mapToInt(x -> x.reader.frameCount.get()).sum();
        long fillsBefore = storedTrades().size();
        while (System.nanoTime() < tradingFrom + TimeUnit.SECONDS.toNanos(SECONDS)) follow(sessions, token);
        List<StoredTrade> stored = storedTrades();
        double tradingSeconds = (System.nanoTime() - tradingFrom) / 1e9;

        // the open session must get every fill committed after it was registered
        Session last = sessions.getLast();
        Set<String> owed = new HashSet<>();
        for (StoredTrade t : stored) if (t.seq() > last.registeredAfterSeq) owed.add(t.id());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!last.tradeIds().containsAll(owed) && sessions.getLast() == last && System.nanoTime() < deadline) {
            follow(sessions, token);
        }
        int frames = sessions.stream().mapToInt(x -> x.reader.frameCount.get()).sum() - framesBefore;
        long messages = sessions.stream().mapToLong(x -> x.messages).sum();
        long received = sessions.stream().mapToLong(x -> x.trades.size()).sum();
        System.out.printf("STREAM-FLEET bots=%d start=%.1fs trading=%.1fs fills=%d (%.0f/s) received=%d messages=%d"
                        + " frames=%d (%.0f/s, %.1f messages/frame) sessions=%d closes=%s%n",
                BOTS, startSeconds, tradingSeconds, stored.size() - fillsBefore, (stored.size() - fillsBefore) / tradingSeconds,
                received, messages, frames, frames / tradingSeconds, messages / (double) Math.max(1, frames),
                sessions.size(), sessions.stream().map(x -> x.closedWith).filter(java.util.Objects::nonNull).toList());

        assertThat(stored).as("the fleet traded").hasSizeGreaterThan(BOTS / 2);
        Set<String> storedIds = new HashSet<>();
        for (StoredTrade t : storedTrades()) storedIds.add(t.id());  // now: trades received after the snapshot too
        for (Session session : sessions) {
            assertThat(storedIds).as("every trade received is in the database")
                    .containsAll(session.trades.stream().map(ReceivedTrade::id).toList());
            if (session.closedWith == null) continue;
            // a closed session told its client why, and lost no fill silently: per bot, what arrived is exactly the
            // start of what the bot booked after the session was registered (only the tail after the close is missing)
            assertThat(session.closedWith).matches("1013 client too slow: .*; reconnect and re-read state");
            Map<String, List<String>> booked = new HashMap<>();
            for (StoredTrade t : stored) {
                if (t.seq() > session.registeredAfterSeq) booked.computeIfAbsent(t.botId(), b -> new ArrayList<>()).add(t.id());
            }
            Map<String, List<String>> arrived = new HashMap<>();
            for (ReceivedTrade t : session.trades) arrived.computeIfAbsent(t.botId(), b -> new ArrayList<>()).add(t.id());
            arrived.forEach((bot, ids) -> {
                List<String> all = booked.getOrDefault(bot, List.of());
                assertThat(ids).as("fills of bot " + bot + " in a closed session").isEqualTo(all.subList(0, Math.min(ids.size(), all.size())));
            });
        }
        Set<String> missing = new HashSet<>(owed);
        missing.removeAll(last.tradeIds());
        assertThat(missing).as("fills in the database that never reached the open session (of " + owed.size() + "): "
                + describe(missing, last)).isEmpty();
    }

    /** When the missing fills were booked, and whether their bots' other fills arrived (late, or lost?). */
    private String describe(Set<String> missing, Session session) {
        if (missing.isEmpty()) return "";
        Set<String> botsHeard = new HashSet<>();
        for (ReceivedTrade t : session.trades) botsHeard.add(t.botId());
        List<String> lines = new ArrayList<>();
        for (String id : missing.stream().limit(15).toList()) {
            Map<String, Object> row = jdbc.sql("SELECT bot_id, seq, executed_at FROM trades WHERE id = ?").param(id).query().singleRow();
            long later = session.trades.stream().filter(t -> t.botId().equals(String.valueOf(row.get("bot_id")))).count();
            lines.add(id + " seq " + row.get("seq") + " at " + row.get("executed_at") + " bot heard " + later + "x");
        }
        return "now " + java.time.Instant.now() + "; " + lines;
    }

    private record StoredTrade(String id, String botId, long seq) {
    }

    private record ReceivedTrade(String id, String botId) {
    }

    /** One connection: what arrived on it, and the last trade seq committed before it was surely registered. */
    private final class Session {
        final Reader reader = new Reader();
        final List<ReceivedTrade> trades = new ArrayList<>();
        WebSocket socket;
        long registeredAfterSeq;
        long messages;
        String closedWith;

        Set<String> tradeIds() {
            Set<String> ids = new HashSet<>();
            for (ReceivedTrade t : trades) ids.add(t.id());
            return ids;
        }
    }

    /** Connects and waits for the answer to a bad action: from then on the server publishes to this session. */
    private Session connect(String token) throws Exception {
        Session session = new Session();
        session.socket = http.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + port
                + "/api/v1/stream?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)), session.reader).join();
        sockets.add(session.socket);
        session.socket.sendText("{\"action\":\"hello\"}", true).join();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        boolean registered = false;
        while (!registered && System.nanoTime() < deadline) {
            String frame = session.reader.frames.poll(100, TimeUnit.MILLISECONDS);
            if (frame != null) registered = frame.contains("unknown action 'hello'");
        }
        assertThat(registered).as("the stream answered").isTrue();
        session.registeredAfterSeq = jdbc.sql("SELECT COALESCE(MAX(seq), 0) FROM trades WHERE owner_id = ?").param(owner)
                .query(Long.class).single();
        return session;
    }

    /** Reads what arrived; a session closed with a reason is followed by a new one, as the dashboard reconnects. */
    private void follow(List<Session> sessions, String token) throws Exception {
        Session current = sessions.getLast();
        drain(current, 100);
        if (current.reader.closed.isDone()) {
            drain(current, 0);
            current.closedWith = current.reader.closed.get();
            sessions.add(connect(token));
        }
    }

    private List<StoredTrade> storedTrades() {
        return jdbc.sql("SELECT id, bot_id, seq FROM trades WHERE owner_id = ? ORDER BY seq").param(owner)
                .query((rs, n) -> new StoredTrade(rs.getString(1), rs.getString(2), rs.getLong(3))).list();
    }

    @FunctionalInterface
    private interface Follow {
        void run() throws Exception;
    }

    /** Creates and starts the fleet four at a time, reading the stream meanwhile so it never backs up on our side. */
    private void startFleet(BigDecimal price, Follow follow) throws Exception {
        try (ExecutorService starters = Executors.newFixedThreadPool(4)) {
            List<Future<?>> started = new ArrayList<>();
            for (int i = 0; i < BOTS; i++) {
                // spreads of 0.02% .. 0.10%: the sim walk crosses them within seconds, so every bot trades
                BigDecimal spread = new BigDecimal("0.0002").multiply(BigDecimal.valueOf(1 + i % 5));
                Map<String, Object> config = Map.of("quantity", "0.001",
                        "buyPrice", price.multiply(BigDecimal.ONE.subtract(spread)).setScale(2, RoundingMode.HALF_EVEN).toPlainString(),
                        "sellPrice", price.multiply(BigDecimal.ONE.add(spread)).setScale(2, RoundingMode.HALF_EVEN).toPlainString());
                String name = "fleet-" + i;
                started.add(starters.submit(() -> {
                    UUID id = bots.create(owner, new BotRequest(name, "sim", "BTC/USDT", "scalper", "PAPER", config)).id();
                    bots.start(owner, id);
                }));
            }
            for (Future<?> f : started) {
                while (!f.isDone()) follow.run();
                f.get();
            }
        }
    }

    private void drain(Session session, long waitMillis) throws InterruptedException {
        Reader reader = session.reader;
        String frame = waitMillis > 0 ? reader.frames.poll(waitMillis, TimeUnit.MILLISECONDS) : reader.frames.poll();
        while (frame != null) {
            JsonNode node = json.readTree(frame);
            if (node.get("type").asString().equals("batch")) {
                for (JsonNode message : node.get("data")) count(message, session);
            } else {
                count(node, session);
            }
            frame = reader.frames.poll();
        }
    }

    private static void count(JsonNode message, Session session) {
        session.messages++;
        if (message.get("type").asString().equals("trade")) {
            JsonNode t = message.get("data");
            session.trades.add(new ReceivedTrade(t.get("id").asString(), t.get("botId").asString()));
        }
    }

    private String register() throws Exception {
        String body = "{\"email\":\"fleet@example.com\",\"password\":\"correct-horse-9\"}";
        send("POST", "/api/v1/auth/register", null, body);
        return json.readTree(send("POST", "/api/v1/auth/login", null, body)).get("token").asString();
    }

    private JsonNode call(String method, String path, String token) throws Exception {
        return json.readTree(send(method, path, token, null));
    }

    private String send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) request.header("Authorization", "Bearer " + token);
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isBetween(200, 299);
        return response.body();
    }
}
