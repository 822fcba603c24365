package dev.botfleet.server.notify.webhook;

import dev.botfleet.server.runtime.RuntimeTestBase;
import dev.botfleet.server.support.TestClockConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Outgoing webhooks through the real server to a real HTTP receiver on a loopback port. */
@SpringBootTest(properties = {"botfleet.data-dir=target/test-data", "botfleet.password.bcrypt-strength=4",
        "botfleet.sim.tick-interval=50ms",
        "spring.datasource.url=jdbc:h2:mem:botfleet-webhooks;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "botfleet.webhooks.backoff=50ms", "botfleet.webhooks.poll-interval=50ms", "botfleet.webhooks.max-per-user=3",
        // alerts reuse a user's webhooks for an hour here: only a change's own forget can make the next alert see it
        "botfleet.notify.targets-max-age=1h"})
@AutoConfigureMockMvc
@Import(TestClockConfig.class)
class WebhookFlowH2Test extends RuntimeTestBase {
    static final WebhookReceiver RECEIVER;
    private static final AtomicInteger PATHS = new AtomicInteger();

    static {
        try {
            RECEIVER = new WebhookReceiver();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void closeReceiver() { RECEIVER.close(); }

    private static String path() {
        return "/hook-" + PATHS.incrementAndGet();
    }

    private Answer create(Session user, String url, List<String> events, Object enabled) {
        Map<String, Object> body = new HashMap<>();
        body.put("url", url);
        body.put("events", events);
        if (enabled != null) body.put("enabled", enabled);
        return post("/api/v1/webhooks", user, body);
    }

    private JsonNode created(Session user, String path, List<String> events, boolean enabled) {
        Answer a = create(user, RECEIVER.url(path), events, enabled);
        assertThat(a.status()).as(String.valueOf(a.body())).isEqualTo(201);
        return a.body();
    }

    private List<WebhookReceiver.Received> awaitEvent(String path, String type) {
        return await(type + " at " + path, () -> RECEIVER.at(path),
                list -> list.stream().anyMatch(r -> type.equals(r.header("X-Botfleet-Event")) && r.answered() == 200));
    }

    @Test
    void startAndFillReachTheReceiverSignedWithTheSecretFromTheCreateAnswer() {
        Session user = newUser();
        String path = path();
        JsonNode hook = created(user, path, List.of("BOT_STARTED", "BOT_STOPPED", "BOT_ERROR", "FILL"), true);
        String secret = hook.get("secret").asString();
        assertThat(secret).startsWith("whsec_");
        Answer list = get("/api/v1/webhooks", user);
        assertThat(list.body().size()).isEqualTo(1);
        assertThat(list.body().get(0).has("secret")).isFalse();
        assertThat(list.raw().getContentAsByteArray().length).isPositive();
        assertThat(new String(list.raw().getContentAsByteArray())).doesNotContain(secret);

        String bot = start(user, scalper(user, "0.0002", "0.0002"));
        awaitEvent(path, "BOT_STARTED");
        awaitFilling("a fill", user, bot, () -> get("/api/v1/bots/" + bot + "/stats", user).body(), s -> s.get("fills").asLong() >= 1);
        awaitEvent(path, "FILL");
        assertThat(post("/api/v1/bots/" + bot + "/stop", user, null).status()).isEqualTo(200);
        List<WebhookReceiver.Received> all = awaitEvent(path, "BOT_STOPPED");

        for (WebhookReceiver.Received r : all) {
            long ts = Long.parseLong(r.header("X-Botfleet-Timestamp"));
            // what a receiver does, written independently of the server's signer: HMAC over "timestamp.body"
            assertThat(r.header("X-Botfleet-Signature")).isEqualTo("sha256=" + hmac(secret, ts + "." + r.body()));
            assertThat(r.header("X-Botfleet-Signature")).isNotEqualTo("sha256=" + hmac(secret, (ts + 1) + "." + r.body()));
            assertThat(r.header("X-Botfleet-Delivery")).matches("\\d+");
            assertThat(r.header("Content-Type")).startsWith("application/json");
            JsonNode body = json.readTree(r.body());
            assertThat(body.get("type").asString()).isEqualTo(r.header("X-Botfleet-Event"));
            assertThat(body.get("botId").asString()).isEqualTo(bot);
            assertThat(body.get("botName").asString()).isEqualTo("scalper");
            assertThat(body.get("id").asString()).isNotBlank();
            assertThat(body.get("occurredAt").asString()).isNotBlank();
            assertThat(body.get("data").get("text").asString()).isNotBlank();
        }
        WebhookReceiver.Received fill = all.stream().filter(r -> "FILL".equals(r.header("X-Botfleet-Event"))).findFirst().orElseThrow();
        assertThat(json.readTree(fill.body()).get("data").get("text").asString()).contains("BTC").contains("on sim");

        JsonNode log = get("/api/v1/webhooks/" + hook.get("id").asString() + "/deliveries", user).body();
        assertThat(log.size()).isGreaterThanOrEqualTo(3);
        assertThat(log.toString()).doesNotContain(secret);
    }

    @Test
    void aFailingAnswerIsRetriedAndDeliveredOnceWithTwoAttemptsInTheLog() {
        Session user = newUser();
        String path = path();
        RECEIVER.answer(path, 500);
        JsonNode hook = created(user, path, List.of("BOT_STARTED"), true);
        start(user, scalper(user, "0.05", "0.05"));
        String logUrl = "/api/v1/webhooks/" + hook.get("id").asString() + "/deliveries";
        JsonNode log = await("the delivery to be delivered", () -> get(logUrl, user).body(),
                l -> l.size() == 1 && l.get(0).get("status").asString().equals("DELIVERED"));
        JsonNode d = log.get(0);
        assertThat(d.get("event").asString()).isEqualTo("BOT_STARTED");
        assertThat(d.get("attempts").asInt()).isEqualTo(2);
        assertThat(d.get("lastStatusCode").asInt()).isEqualTo(200);
        assertThat(d.get("deliveredAt").isNull()).isFalse();
        List<WebhookReceiver.Received> got = RECEIVER.at(path);
        assertThat(got).extracting(WebhookReceiver.Received::answered).containsExactly(500, 200);
        // the same delivery id and body both times: a receiver can deduplicate
        assertThat(got.get(1).header("X-Botfleet-Delivery")).isEqualTo(got.get(0).header("X-Botfleet-Delivery"))
                .isEqualTo(d.get("id").asString());
        assertThat(got.get(1).body()).isEqualTo(got.get(0).body());
    }

    @Test
    void anEndpointThatKeepsFailingIsGivenUpAfterMaxAttempts() {
        Session user = newUser();
        String path = path();
        RECEIVER.answer(path, 500, 502, 503, 500, 500, 500, 500, 500);
        JsonNode hook = created(user, path, List.of("BOT_STARTED"), true);
        start(user, scalper(user, "0.05", "0.05"));
        String logUrl = "/api/v1/webhooks/" + hook.get("id").asString() + "/deliveries";
        JsonNode d = await("the delivery to fail", () -> get(logUrl, user).body(),
                l -> l.size() == 1 && l.get(0).get("status").asString().equals("FAILED")).get(0);
        assertThat(d.get("attempts").asInt()).isEqualTo(6);  // max-attempts' default
        assertThat(d.get("lastStatusCode").asInt()).isEqualTo(500);
        assertThat(d.get("lastError").asString()).isEqualTo("HTTP 500");
        assertThat(d.get("nextAttemptAt").isNull()).isTrue();
        assertThat(RECEIVER.at(path)).hasSize(6);
    }

    @Test
    void aHangingEndpointBlocksNeitherTheBotNorTheUsersOtherEndpoints() {
        Session user = newUser();
        String stuck = path();
        String fine = path();
        RECEIVER.hold(stuck);
        try {
            created(user, stuck, List.of("BOT_STARTED"), true);
            created(user, fine, List.of("BOT_STARTED"), true);
            start(user, scalper(user, "0.05", "0.05"));  // answered while the stuck endpoint has not answered
            await("the stuck endpoint to be called", () -> RECEIVER.arrivedAt(stuck), n -> n >= 1);
            awaitEvent(fine, "BOT_STARTED");
            assertThat(RECEIVER.at(stuck)).isEmpty();
        } finally {
            RECEIVER.release(stuck);
        }
        awaitEvent(stuck, "BOT_STARTED");
    }

    @Test
    void withoutATokenIs401() {
        assertThat(request(org.springframework.http.HttpMethod.GET, "/api/v1/webhooks", null, null).status()).isEqualTo(401);
    }

    @Test
    void aDisabledWebhookGetsNothing() {
        Session user = newUser();
        String off = path();
        String on = path();
        JsonNode disabled = created(user, off, List.of("BOT_STARTED", "FILL"), false);
        created(user, on, List.of("BOT_STARTED"), true);
        start(user, scalper(user, "0.05", "0.05"));
        awaitEvent(on, "BOT_STARTED");
        // the rows are written with the event: a disabled webhook got none, so nothing can arrive later either
        assertThat(get("/api/v1/webhooks/" + disabled.get("id").asString() + "/deliveries", user).body().size()).isZero();
        assertThat(RECEIVER.at(off)).isEmpty();
    }

    @Test
    void theNextAlertGoesByTheWebhooksAsTheyWereJustChanged() {
        Session user = newUser();
        String first = path();
        String second = path();
        JsonNode hook = created(user, first, List.of("BOT_STARTED"), true);
        start(user, scalper(user, "0.05", "0.05"));
        awaitEvent(first, "BOT_STARTED");  // the user's webhooks are now the ones the alerts reuse

        Map<String, Object> off = new HashMap<>();
        off.put("url", RECEIVER.url(first));
        off.put("events", List.of("BOT_STARTED"));
        off.put("enabled", false);
        assertThat(put("/api/v1/webhooks/" + hook.get("id").asString(), user, off).status()).isEqualTo(200);
        created(user, second, List.of("BOT_STARTED"), true);
        start(user, scalper(user, "0.05", "0.05"));
        awaitEvent(second, "BOT_STARTED");
        // that start's rows were written with its alert: the disabled webhook has only the first start's
        assertThat(get("/api/v1/webhooks/" + hook.get("id").asString() + "/deliveries", user).body().size()).isEqualTo(1);
    }

    @Test
    void badInputIsA400NamingTheField() {
        Session user = newUser();
        assertField(create(user, "ftp://127.0.0.1/x", List.of("FILL"), true), "url");
        Answer creds = create(user, "https://alice:s3cret-pw@example.com/hook", List.of("FILL"), true);
        assertField(creds, "url");
        assertThat(creds.body().toString()).doesNotContain("s3cret-pw");
        assertField(create(user, "http://example.com/hook", List.of("FILL"), true), "url");
        assertField(create(user, "not a url", List.of("FILL"), true), "url");
        assertField(create(user, "https://example.com/hook", List.of("FILL", "MOON"), true), "events");
        assertField(create(user, "https://example.com/hook", List.of(), true), "events");
        assertField(create(user, "https://example.com/hook", List.of("FILL"), "yes"), "enabled");
        Answer ok = create(user, "https://example.com/hook", List.of("FILL"), null);
        assertThat(ok.status()).isEqualTo(201);
        assertThat(ok.body().get("enabled").asBoolean()).isTrue();
        String id = ok.body().get("id").asString();
        assertField(put("/api/v1/webhooks/" + id, user, Map.of("url", "https://example.com/h", "events", List.of("FILL"))), "enabled");
        Answer updated = put("/api/v1/webhooks/" + id, user,
                Map.of("url", "https://example.com/h2", "events", List.of("BOT_ERROR"), "enabled", false));
        assertThat(updated.status()).as(String.valueOf(updated.body())).isEqualTo(200);
        assertThat(updated.body().get("url").asString()).isEqualTo("https://example.com/h2");
        assertThat(updated.body().get("enabled").asBoolean()).isFalse();
        assertThat(updated.body().has("secret")).isFalse();
        // the maximum per user (3 in this test)
        assertThat(create(user, "https://example.com/2", List.of("FILL"), true).status()).isEqualTo(201);
        assertThat(create(user, "https://example.com/3", List.of("FILL"), true).status()).isEqualTo(201);
        assertProblem(create(user, "https://example.com/4", List.of("FILL"), true), 409, "CONFLICT");
    }

    @Test
    void anotherUsersWebhookIsA404() {
        Session owner = newUser();
        Session other = newUser();
        String id = created(owner, path(), List.of("FILL"), true).get("id").asString();
        String url = "/api/v1/webhooks/" + id;
        assertProblem(get(url, other), 404, "NOT_FOUND");
        assertProblem(get(url + "/deliveries", other), 404, "NOT_FOUND");
        assertProblem(put(url, other, Map.of("url", "https://example.com/x", "events", List.of("FILL"), "enabled", true)), 404, "NOT_FOUND");
        assertProblem(delete(url, other), 404, "NOT_FOUND");
        assertThat(get("/api/v1/webhooks", other).body().size()).isZero();
        assertThat(get(url, owner).status()).isEqualTo(200);
        assertThat(delete(url, owner).status()).isEqualTo(204);
        assertProblem(get(url, owner), 404, "NOT_FOUND");
    }

    private static String hmac(String key, String message) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(key.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
            return java.util.HexFormat.of().formatHex(mac.doFinal(message.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertField(Answer a, String field) {
        assertProblem(a, 400, "VALIDATION_ERROR");
        assertThat(a.body().get("errors").get(0).get("field").asString()).as(String.valueOf(a.body())).isEqualTo(field);
    }
}
