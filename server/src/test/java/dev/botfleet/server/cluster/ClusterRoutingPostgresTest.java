package dev.botfleet.server.cluster;

import dev.botfleet.server.support.StreamReceiver;
import dev.botfleet.server.common.ApiException;
import dev.botfleet.server.support.PostgresAvailable;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
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

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two real cluster nodes in this JVM on PostgreSQL ({@link ClusterNodes}): requests made on the node that does NOT run a
 * bot reach it on its owner node — manual cancel, a webhook signal, stop then delete (which awaits the stop there) —
 * and a WebSocket client connected to the other node receives the bot's order, trade, log and bot events. An owner
 * node that does not answer is a 503, not a 500.
 */
@ExtendWith(PostgresAvailable.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterRoutingPostgresTest {
    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static ClusterNodes cluster;
    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeAll
    static void startTwoNodes() throws Exception {
        cluster = new ClusterNodes(2, Map.of("botfleet.cluster.lease-ttl", "3s"));
    }

    @AfterAll
    static void stopNodes() {
        if (cluster != null) cluster.close();
    }

    /**
     * A 429 or 418 told to one node holds the other back too (VenueGateRelay): its calls during the wait would count at
     * the venue as not backing off. Told again until heard: the other node's topic subscription reaches this one by gossip.
     */
    @Test
    @Order(0)
    void aVenuesWaitToldToOneNodeHoldsTheOtherBack() throws Exception {
        dev.botfleet.exchanges.http.VenueGate told = binanceGate(cluster.node(0));
        dev.botfleet.exchanges.http.VenueGate other = binanceGate(cluster.node(1));
        assertThat(other).isNotSameAs(told);
        assertThat(other.pausedFor()).isZero();
        await("the other node to hear of the 429", () -> {
            told.pause(2_000);  // what RestClient does on a 429 with Retry-After: 2
            return other.pausedFor() > 0 ? true : null;
        });
        assertThat(other.pausedFor()).isBetween(1L, 2_000L);
        assertThat(other.bannedFor()).as("a pause is not a ban").isZero();

        told.ban(1_500);  // a 418
        await("the other node to hear of the ban", () -> other.bannedFor() > 0 ? true : null);
    }

    private static dev.botfleet.exchanges.http.VenueGate binanceGate(ClusterNodes.Node node) {
        return node.context().getBean(dev.botfleet.server.venue.VenueRegistry.class).find("binance").orElseThrow()
                .venue().gates().get(dev.botfleet.exchanges.Venue.MAIN_NETWORK);
    }

    @Test
    @Order(1)
    void commandsAndEventsReachABotRunningOnTheOtherNode() throws Exception {
        ClusterNodes.Node first = cluster.node(0);
        String token = cluster.register(first, "routing@example.com");

        // a trading bot: its events reach a client connected to the node that does not run it
        String tight = scalper(first, token, "0.0003");
        ok(cluster.call(first, "POST", "/api/v1/bots/" + tight + "/start", token, null));
        ClusterNodes.Node home = home(tight);
        ClusterNodes.Node away = other(home);
        StreamReceiver received = new StreamReceiver();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:"
                + away.port() + "/api/v1/stream?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)), received).join();
        try {
            for (String type : Set.of("trade", "order", "log")) {
                JsonNode m = received.next(n -> type.equals(n.get("type").asString())
                        && tight.equals(n.get("data").get("botId").asString()), DEADLINE);
                assertThat(m).as(type).isNotNull();
            }
            assertThat(received.next(n -> "bot".equals(n.get("type").asString())
                    && tight.equals(n.get("data").get("id").asString()), DEADLINE)).isNotNull();
            assertThat(away.runtime().isRunning(UUID.fromString(tight))).as("the events came from the other node").isFalse();
        } finally {
            socket.abort();
        }
        // a bot read on the other node asks the owner for the warm-up (none for a scalper): answered, not failed
        ClusterNodes.Answer read = cluster.call(away, "GET", "/api/v1/bots/" + tight, token, null);
        ok(read);
        assertThat(read.body().get("status").asString()).isEqualTo("ACTIVE");

        // a resting order canceled through the node that does not run its bot
        String far = scalper(first, token, "0.03");
        ok(cluster.call(first, "POST", "/api/v1/bots/" + far + "/start", token, null));
        ClusterNodes.Node farAway = other(home(far));
        JsonNode open = await("a resting order", () -> openOrder(farAway, token, far));
        ClusterNodes.Answer canceled = cluster.call(farAway, "POST", "/api/v1/bots/" + far + "/orders/"
                + open.get("id").asString() + "/cancel", token, null);
        ok(canceled);
        await("the order canceled", () -> {
            JsonNode o = order(farAway, token, far, open.get("id").asString());
            return "CANCELED".equals(o.get("status").asString()) ? o : null;
        });

        // stop and delete through the other node: the delete awaits the stop on the owner node
        ok(cluster.call(farAway, "POST", "/api/v1/bots/" + far + "/stop", token, null));
        ClusterNodes.Answer deleted = cluster.call(farAway, "DELETE", "/api/v1/bots/" + far, token, null);
        assertThat(deleted.status()).as(String.valueOf(deleted.body())).isEqualTo(204);
        assertThat(cluster.call(farAway, "GET", "/api/v1/bots/" + far, token, null).status()).isEqualTo(404);
        ok(cluster.call(first, "POST", "/api/v1/bots/" + tight + "/stop", token, null));

        // a webhook signal posted to the node that does not run the signal bot trades on its owner node
        String signalBot = signalBot(first, token);
        String signalToken = cluster.call(first, "POST", "/api/v1/bots/" + signalBot + "/signal-token", token, null)
                .body().get("token").asString();
        ok(cluster.call(first, "POST", "/api/v1/bots/" + signalBot + "/start", token, null));
        ClusterNodes.Node signalAway = other(home(signalBot));
        ClusterNodes.Answer accepted = cluster.call(signalAway, "POST", "/api/v1/signals/" + signalToken, null,
                "{\"action\":\"buy\",\"size\":\"0.001\",\"id\":\"c1\"}");
        assertThat(accepted.status()).as(String.valueOf(accepted.body())).isEqualTo(202);
        assertThat(accepted.body().get("accepted").asBoolean()).isTrue();
        await("the signal's fill", () -> {
            JsonNode trades = cluster.call(signalAway, "GET", "/api/v1/bots/" + signalBot + "/trades", token, null).body();
            return trades.size() >= 1 ? trades : null;
        });
        ok(cluster.call(first, "POST", "/api/v1/bots/" + signalBot + "/stop", token, null));
        // a stopped bot takes no signal, whichever node is asked
        ClusterNodes.Answer refused = cluster.call(signalAway, "POST", "/api/v1/signals/" + signalToken, null,
                "{\"action\":\"sell\",\"id\":\"c2\"}");
        assertThat(refused.status()).as(String.valueOf(refused.body())).isEqualTo(409);
    }

    /** An owner node that does not answer: commands end in BotNodeUnavailable (503), the warm-up read in nothing. */
    @Test
    @Order(2)
    void anOwnerNodeThatDoesNotAnswerIsA503() throws Exception {
        ClusterNodes.Node node = cluster.node(0);
        String token = cluster.register(node, "silent@example.com");
        String bot = scalper(node, token, "0.03");
        ok(cluster.call(node, "POST", "/api/v1/bots/" + bot + "/start", token, null));
        var system = node.cluster().system();
        var blackHole = system.<org.apache.pekko.cluster.sharding.typed.ShardingEnvelope<BotEntity.Command>>systemActorOf(
                Behaviors.ignore(), "black-hole", Props.empty());
        Duration quick = Duration.ofMillis(300);
        RemoteBots remote = new RemoteBots(system, blackHole, node.context().getBean(JdbcClient.class), node.runtime(),
                new RemoteBots.Timeouts(quick, quick, quick));
        UUID id = UUID.fromString(bot);
        assertThatThrownBy(() -> remote.cancel(id, "x-1")).isInstanceOf(ApiException.BotNodeUnavailable.class)
                .hasMessageContaining("did not answer");
        assertThatThrownBy(() -> remote.signal(id, new dev.botfleet.engine.strategy.ExternalSignal(
                dev.botfleet.engine.strategy.ExternalSignal.Action.BUY, null, null, null, java.time.Instant.now())))
                .isInstanceOf(ApiException.BotNodeUnavailable.class);
        assertThatThrownBy(() -> remote.awaitStopped(id)).isInstanceOf(ApiException.BotNodeUnavailable.class);
        assertThat(remote.warmup(id)).isEmpty();
        assertThat(dev.botfleet.server.common.ErrorCode.BOT_NODE_UNAVAILABLE.status().value()).isEqualTo(503);
        ok(cluster.call(node, "POST", "/api/v1/bots/" + bot + "/stop", token, null));
    }

    /**
     * Last (it stops a node): a node leaving the cluster cleanly hands its shards over; the bot resumes on the other
     * node from its journal and trades under a newer lease epoch. (A crashed node's failover needs three nodes for the
     * split brain resolver: ClusterFailoverIT.)
     */
    @Test
    @Order(3)
    void aLeavingNodesBotResumesOnTheOtherNode() throws Exception {
        ClusterNodes.Node first = cluster.node(0);
        String token = cluster.register(first, "handoff@example.com");
        String bot = scalper(first, token, "0.0003");
        ok(cluster.call(first, "POST", "/api/v1/bots/" + bot + "/start", token, null));
        ClusterNodes.Node home = home(bot);
        ClusterNodes.Node other = other(home);
        JdbcClient jdbc = other.context().getBean(JdbcClient.class);
        long epoch = await("an order of the bot", () -> jdbc.sql("SELECT MAX(lease_epoch) FROM orders WHERE bot_id = :bot")
                .param("bot", UUID.fromString(bot)).query(Long.class).optional().orElse(null));
        long leftAt = System.nanoTime();
        cluster.nodes.remove(home);
        home.context().close();
        await("the bot running on the other node", () -> other.runtime().isRunning(UUID.fromString(bot)) ? true : null);
        System.out.println("ClusterRoutingPostgresTest: bot resumed on the other node "
                + Duration.ofNanos(System.nanoTime() - leftAt).toMillis() + " ms after its node began to leave");
        // The bot's resting order survives the move; a trade through it (as the sim feed would make one) fills it, and
        // the scalper's next order is the new owner's: waiting for the random walk instead took 30 s and more.
        dev.botfleet.engine.runtime.MarketDataHub hub = other.context().getBean(dev.botfleet.engine.runtime.MarketDataHub.class);
        java.time.Clock clock = other.context().getBean(java.time.Clock.class);
        await("an order under a newer epoch", () -> {
            dev.botfleet.server.support.SimTrades.through(hub, clock,
                    cluster.call(other, "GET", "/api/v1/bots/" + bot + "/orders?status=open", token, null).body());
            return jdbc.sql("SELECT COUNT(*) FROM orders WHERE bot_id = :bot AND lease_epoch > :e")
                    .param("bot", UUID.fromString(bot)).param("e", epoch).query(Long.class).single() > 0 ? true : null;
        });
        ClusterNodes.Answer read = cluster.call(other, "GET", "/api/v1/bots/" + bot, token, null);
        ok(read);
        assertThat(read.body().get("status").asString()).isEqualTo("ACTIVE");
    }

    // ---------------------------------------------------------------- helpers

    private String scalper(ClusterNodes.Node node, String token, String spread) throws Exception {
        BigDecimal price = new BigDecimal(cluster.call(node, "GET", "/api/v1/price/ltp?exchange=sim&symbol=BTC/USDT", token, null)
                .body().get("price").asString());
        BigDecimal s = new BigDecimal(spread);
        String body = """
                {"name":"s","exchange":"sim","symbol":"BTC/USDT","strategy":"scalper","mode":"PAPER",
                 "config":{"quantity":"0.001","buyPrice":"%s","sellPrice":"%s"}}""".formatted(
                price.multiply(BigDecimal.ONE.subtract(s)).setScale(2, RoundingMode.HALF_EVEN),
                price.multiply(BigDecimal.ONE.add(s)).setScale(2, RoundingMode.HALF_EVEN));
        ClusterNodes.Answer created = cluster.call(node, "POST", "/api/v1/bots", token, body);
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        return created.body().get("id").asString();
    }

    private String signalBot(ClusterNodes.Node node, String token) throws Exception {
        ClusterNodes.Answer created = cluster.call(node, "POST", "/api/v1/bots", token, """
                {"name":"tv","exchange":"sim","symbol":"BTC/USDT","strategy":"signal","mode":"PAPER",
                 "config":{"orderAmount":"100"}}""");
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        return created.body().get("id").asString();
    }

    private JsonNode openOrder(ClusterNodes.Node node, String token, String bot) throws Exception {
        ClusterNodes.Answer orders = cluster.call(node, "GET", "/api/v1/bots/" + bot + "/orders", token, null);
        ok(orders);
        for (JsonNode o : orders.body()) {
            if (Set.of("SUBMITTED", "ACCEPTED").contains(o.get("status").asString())) return o;
        }
        return null;
    }

    private JsonNode order(ClusterNodes.Node node, String token, String bot, String id) throws Exception {
        for (JsonNode o : cluster.call(node, "GET", "/api/v1/bots/" + bot + "/orders", token, null).body()) {
            if (id.equals(o.get("id").asString())) return o;
        }
        throw new AssertionError("no order " + id);
    }

    /** The node whose runtime runs the bot, awaited. */
    private static ClusterNodes.Node home(String bot) throws Exception {
        UUID id = UUID.fromString(bot);
        return await("bot " + bot + " running on a node", () -> cluster.nodes.stream()
                .filter(n -> n.runtime().isRunning(id)).findFirst().orElse(null));
    }

    private static ClusterNodes.Node other(ClusterNodes.Node node) {
        return cluster.nodes.stream().filter(n -> n != node).findFirst().orElseThrow();
    }

    private static void ok(ClusterNodes.Answer answer) {
        assertThat(answer.status()).as(String.valueOf(answer.body())).isBetween(200, 299);
    }

    private interface Read<T> {
        T get() throws Exception;
    }

    private static <T> T await(String what, Read<T> read) throws Exception {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (System.nanoTime() < deadline) {
            T value = read.get();
            if (value != null) return value;
            Thread.sleep(100);
        }
        throw new AssertionError("Timed out waiting for " + what);
    }

}
