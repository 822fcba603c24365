package dev.botfleet.fakes.telegram;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The fake's webhook side: setWebhook/deleteWebhook/getWebhookInfo, the getUpdates conflict, delivery and retries. */
class FakeTelegramWebhookTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final FakeTelegram tg = new FakeTelegram("123:SECRET", "botfleet_test_bot");
    private final HttpClient http = HttpClient.newHttpClient();
    /** What the receiver got: the secret header, then the body. */
    private final BlockingQueue<String[]> received = new LinkedBlockingQueue<>();
    /** The receiver answers 500 this many times before a 200. */
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final HttpServer receiver;

    FakeTelegramWebhookTest() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new String[]{exchange.getRequestHeaders().getFirst("X-Telegram-Bot-Api-Secret-Token"), body});
            exchange.sendResponseHeaders(failuresLeft.getAndDecrement() > 0 ? 500 : 200, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        tg.close();
        receiver.stop(0);
    }

    private String hookUrl() { return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook"; }

    private HttpResponse<String> call(String method, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(tg.baseUrl() + "/bot123:SECRET/" + method))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode body(HttpResponse<String> r) { return JSON.readTree(r.body()); }

    private String[] next() throws InterruptedException {
        String[] got = received.poll(10, TimeUnit.SECONDS);
        assertThat(got).as("a webhook request").isNotNull();
        return got;
    }

    @Test
    void aSetWebhookBlocksGetUpdatesAndReceivesUpdatesWithTheSecret() throws Exception {
        HttpResponse<String> set = call("setWebhook", "{\"url\":\"" + hookUrl() + "\",\"secret_token\":\"s3cret_-X\"}");
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        assertThat(body(set).get("result").asBoolean()).isTrue();

        HttpResponse<String> conflict = call("getUpdates", "{\"timeout\":0}");
        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(body(conflict).get("error_code").asInt()).isEqualTo(409);
        assertThat(body(conflict).get("description").asString())
                .startsWith("Conflict: can't use getUpdates method while webhook is active");

        long id = tg.userSays(42, "/status");
        String[] got = next();
        assertThat(got[0]).isEqualTo("s3cret_-X");
        JsonNode update = JSON.readTree(got[1]);
        assertThat(update.get("update_id").asLong()).isEqualTo(id);
        assertThat(update.at("/message/text").asString()).isEqualTo("/status");

        JsonNode info = body(call("getWebhookInfo", "{}")).get("result");
        assertThat(info.get("url").asString()).isEqualTo(hookUrl());
        assertThat(info.get("has_custom_certificate").asBoolean()).isFalse();
        assertThat(info.has("pending_update_count")).isTrue();
    }

    @Test
    void aFailedDeliveryIsRetriedUntilA2xxAndTheErrorIsReported() throws Exception {
        failuresLeft.set(2);
        assertThat(call("setWebhook", "{\"url\":\"" + hookUrl() + "\"}").statusCode()).isEqualTo(200);
        long id = tg.userSays(7, "hello");
        String[] first = next();
        String[] second = next();
        String[] third = next();
        assertThat(first[0]).as("no secret_token set: no header").isNull();
        for (String[] r : new String[][]{first, second, third}) {
            assertThat(JSON.readTree(r[1]).get("update_id").asLong()).isEqualTo(id);
        }
        assertThat(received.poll(300, TimeUnit.MILLISECONDS)).as("nothing after the 200").isNull();
        assertThat(tg.webhookAttempts()).isEqualTo(3);
        JsonNode info = body(call("getWebhookInfo", "{}")).get("result");
        assertThat(info.get("last_error_message").asString()).isEqualTo("Wrong response from the webhook: 500");
        assertThat(info.get("pending_update_count").asInt()).isZero();
        assertThat(tg.redeliver(id)).isEqualTo(200);
        assertThat(JSON.readTree(next()[1]).get("update_id").asLong()).isEqualTo(id);
    }

    @Test
    void deleteWebhookLetsGetUpdatesWorkAgain() throws Exception {
        assertThat(call("setWebhook", "{\"url\":\"" + hookUrl() + "\"}").statusCode()).isEqualTo(200);
        HttpResponse<String> deleted = call("deleteWebhook", "{}");
        assertThat(body(deleted).get("result").asBoolean()).isTrue();
        assertThat(body(deleted).get("description").asString()).isEqualTo("Webhook was deleted");
        assertThat(body(call("deleteWebhook", "{}")).get("description").asString()).isEqualTo("Webhook is already deleted");
        assertThat(body(call("getWebhookInfo", "{}")).get("result").get("url").asString()).isEmpty();
        long id = tg.userSays(5, "/help");
        JsonNode updates = body(call("getUpdates", "{\"timeout\":0}")).get("result");
        assertThat(updates).hasSize(1);
        assertThat(updates.get(0).get("update_id").asLong()).isEqualTo(id);
        assertThat(tg.webhookAttempts()).isZero();
    }

    @Test
    void badWebhookParametersAreRefused() throws Exception {
        HttpResponse<String> plainHttp = call("setWebhook", "{\"url\":\"http://example.com/hook\"}");
        assertThat(plainHttp.statusCode()).isEqualTo(400);
        assertThat(body(plainHttp).get("description").asString()).contains("HTTPS URL must be provided");
        HttpResponse<String> badSecret = call("setWebhook", "{\"url\":\"https://example.com/hook\",\"secret_token\":\"no spaces\"}");
        assertThat(badSecret.statusCode()).isEqualTo(400);
        assertThat(body(badSecret).get("description").asString()).contains("secret token contains unallowed characters");
        assertThat(call("setWebhook", "{}").statusCode()).isEqualTo(400);
        assertThat(tg.webhookUrl()).isNull();
    }
}
