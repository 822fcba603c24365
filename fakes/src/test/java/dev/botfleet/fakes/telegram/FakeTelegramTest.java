package dev.botfleet.fakes.telegram;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The fake Bot API over real HTTP, as a client sees it. */
class FakeTelegramTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final FakeTelegram tg = new FakeTelegram("123:SECRET", "botfleet_test_bot");
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() { tg.close(); }

    private HttpResponse<String> call(String token, String method, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(tg.baseUrl() + "/bot" + token + "/" + method))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode ok(String method, String json) throws Exception {
        HttpResponse<String> r = call("123:SECRET", method, json);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("ok").asBoolean()).isTrue();
        return body.get("result");
    }

    @Test
    void unknownTokenIsUnauthorized() throws Exception {
        HttpResponse<String> r = call("123:WRONG", "getMe", "{}");
        assertThat(r.statusCode()).isEqualTo(401);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("ok").asBoolean()).isFalse();
        assertThat(body.get("error_code").asInt()).isEqualTo(401);
        assertThat(body.get("description").asString()).isEqualTo("Unauthorized");
        assertThat(tg.calls()).isEmpty();
    }

    @Test
    void getMeByGetAndUnknownMethodIsNotFound() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(tg.baseUrl() + "/bot123:SECRET/getMe")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(JSON.readTree(r.body()).get("result").get("username").asString()).isEqualTo("botfleet_test_bot");
        assertThat(call("123:SECRET", "noSuchMethod", "{}").statusCode()).isEqualTo(404);
    }

    @Test
    void updatesStayUntilAnOffsetConfirmsThem() throws Exception {
        long first = tg.userSays(42, "/start abc");
        JsonNode updates = ok("getUpdates", "{\"timeout\":0}");
        assertThat(updates).hasSize(1);
        assertThat(updates.get(0).get("update_id").asLong()).isEqualTo(first);
        assertThat(updates.get(0).at("/message/text").asString()).isEqualTo("/start abc");
        assertThat(updates.get(0).at("/message/chat/id").asLong()).isEqualTo(42);
        assertThat(updates.get(0).at("/message/entities/0/type").asString()).isEqualTo("bot_command");
        assertThat(ok("getUpdates", "{\"timeout\":0}")).hasSize(1);
        assertThat(ok("getUpdates", "{\"offset\":" + (first + 1) + ",\"timeout\":0}")).isEmpty();
        assertThat(tg.pendingUpdates()).isZero();
    }

    @Test
    void longPollWakesOnAnUpdate() throws Exception {
        Thread.ofVirtual().start(() -> {
            // The poll below blocks until this update arrives (its timeout is far longer than the test).
            while (!tg.calls().contains("getUpdates")) Thread.onSpinWait();
            tg.userSays(7, "hello");
        });
        JsonNode updates = ok("getUpdates", "{\"timeout\":30}");
        assertThat(updates).hasSize(1);
        assertThat(updates.get(0).at("/message/text").asString()).isEqualTo("hello");
    }

    @Test
    void longPollWithoutUpdatesAnswersAnEmptyList() throws Exception {
        assertThat(ok("getUpdates", "{\"timeout\":1}")).isEmpty();
    }

    @Test
    void sendEditAndPressAButton() throws Exception {
        tg.userSays(42, "/stopall");
        assertThat(call("123:SECRET", "sendMessage", "{\"chat_id\":99,\"text\":\"hi\"}").statusCode()).isEqualTo(400);
        JsonNode sent = ok("sendMessage", "{\"chat_id\":42,\"text\":\"Stop all?\",\"reply_markup\":{\"inline_keyboard\":"
                + "[[{\"text\":\"Yes\",\"callback_data\":\"stopall:yes\"}]]}}");
        long messageId = sent.get("message_id").asLong();
        assertThat(tg.chat(42).messages()).singleElement().satisfies(m -> assertThat(m.buttonData()).containsExactly("stopall:yes"));

        long updateId = tg.userPresses(42, messageId, "stopall:yes");
        JsonNode query = ok("getUpdates", "{\"offset\":" + updateId + "}").get(0).get("callback_query");
        assertThat(query.get("data").asString()).isEqualTo("stopall:yes");
        assertThat(query.at("/message/message_id").asLong()).isEqualTo(messageId);
        ok("answerCallbackQuery", "{\"callback_query_id\":\"" + query.get("id").asString() + "\",\"text\":\"Stopping\"}");
        assertThat(tg.callbackAnswers()).containsEntry(query.get("id").asString(), "Stopping");

        ok("editMessageText", "{\"chat_id\":42,\"message_id\":" + messageId + ",\"text\":\"Stopped 2 bots.\"}");
        assertThat(tg.chat(42).messages().getFirst().text()).isEqualTo("Stopped 2 bots.");
        assertThat(tg.chat(42).messages().getFirst().buttonData()).isEmpty();
        assertThat(call("123:SECRET", "editMessageText", "{\"chat_id\":42,\"message_id\":" + messageId
                + ",\"text\":\"Stopped 2 bots.\"}").statusCode()).isEqualTo(400);
    }

    @Test
    void formBodiesAndCommands() throws Exception {
        tg.userSays(5, "hi");
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(tg.baseUrl() + "/bot123:SECRET/sendMessage"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("chat_id=5&text=plain%20words")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(tg.chat(5).messages().getFirst().text()).isEqualTo("plain words");
        ok("setMyCommands", "{\"commands\":[{\"command\":\"status\",\"description\":\"Your bots\"}]}");
        assertThat(ok("getMyCommands", "{}").get(0).get("command").asString()).isEqualTo("status");
        assertThat(call("123:SECRET", "setMyCommands", "{\"commands\":[{\"command\":\"Bad Name\",\"description\":\"x\"}]}")
                .statusCode()).isEqualTo(400);
    }

    @Test
    void perChatLimitAnswers429WithRetryAfterAndCountsEarlyRetries() throws Exception {
        tg.userSays(1, "hi");
        ok("sendMessage", "{\"chat_id\":1,\"text\":\"one\"}");
        HttpResponse<String> r = call("123:SECRET", "sendMessage", "{\"chat_id\":1,\"text\":\"two\"}");
        assertThat(r.statusCode()).isEqualTo(429);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("error_code").asInt()).isEqualTo(429);
        assertThat(body.at("/parameters/retry_after").asInt()).isEqualTo(1);
        assertThat(tg.earlyRetries()).isZero();
        assertThat(call("123:SECRET", "sendMessage", "{\"chat_id\":1,\"text\":\"two\"}").statusCode()).isEqualTo(429);
        assertThat(tg.earlyRetries()).isEqualTo(1);
        assertThat(tg.throttled()).isEqualTo(2);
        assertThat(tg.chat(1).messages()).hasSize(1);
    }

    @Test
    void forcedThrottleAndGlobalLimit() throws Exception {
        tg.perChatLimit(100, 1000);
        tg.globalLimit(2);
        for (long c = 1; c <= 3; c++) tg.userSays(c, "hi");
        ok("sendMessage", "{\"chat_id\":1,\"text\":\"a\"}");
        ok("sendMessage", "{\"chat_id\":2,\"text\":\"b\"}");
        assertThat(call("123:SECRET", "sendMessage", "{\"chat_id\":3,\"text\":\"c\"}").statusCode()).isEqualTo(429);
        tg.throttleNext(1, 7);
        JsonNode body = JSON.readTree(call("123:SECRET", "sendMessage", "{\"chat_id\":1,\"text\":\"d\"}").body());
        assertThat(body.at("/parameters/retry_after").asInt()).isEqualTo(7);
    }
}
