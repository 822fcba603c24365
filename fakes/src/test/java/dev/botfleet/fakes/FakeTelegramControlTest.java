package dev.botfleet.fakes;

import dev.botfleet.fakes.telegram.FakeTelegram;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The fake Telegram Bot API's test-only /_fake/telegram/ routes, over real HTTP, as the browser test uses them. */
class FakeTelegramControlTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final FakeTelegram telegram = new FakeTelegram(FakeVenueMain.TELEGRAM_TOKEN, FakeVenueMain.TELEGRAM_BOT);
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() { telegram.close(); }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(telegram.baseUrl() + path)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void sayIsAnUpdateTheBotReceivesAndMessagesListWhatTheBotSent() throws Exception {
        assertThat(send("POST", "/_fake/telegram/say", "{}").statusCode()).isEqualTo(404); // not installed yet
        FakeControl.installTelegram(telegram);

        HttpResponse<String> said = send("POST", "/_fake/telegram/say", "{\"chatId\": 42, \"text\": \"/start K7Q2\"}");
        assertThat(said.statusCode()).as(said.body()).isEqualTo(200);
        JsonNode updates = JSON.readTree(send("GET", "/bot" + FakeVenueMain.TELEGRAM_TOKEN + "/getUpdates", null).body());
        JsonNode message = updates.get("result").get(0).get("message");
        assertThat(updates.get("result").get(0).get("update_id").asLong()).isEqualTo(JSON.readTree(said.body()).get("updateId").asLong());
        assertThat(message.get("text").asString()).isEqualTo("/start K7Q2");
        assertThat(message.get("chat").get("id").asLong()).isEqualTo(42);

        send("POST", "/bot" + FakeVenueMain.TELEGRAM_TOKEN + "/sendMessage", "{\"chat_id\": 42, \"text\": \"Linked.\"}");
        JsonNode messages = JSON.readTree(send("GET", "/_fake/telegram/messages?chatId=42", null).body()).get("messages");
        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).get("text").asString()).isEqualTo("Linked.");
    }

    @Test
    void badRequestsAreRefused() throws Exception {
        FakeControl.installTelegram(telegram);
        assertThat(send("POST", "/_fake/telegram/say", "{\"chatId\": \"x\", \"text\": \"hi\"}").statusCode()).isEqualTo(400);
        assertThat(send("POST", "/_fake/telegram/say", "{\"chatId\": 1, \"text\": \" \"}").statusCode()).isEqualTo(400);
        assertThat(send("POST", "/_fake/telegram/say", "not json").statusCode()).isEqualTo(400);
        assertThat(send("GET", "/_fake/telegram/messages?chatId=abc", null).statusCode()).isEqualTo(400);
        assertThat(telegram.pendingUpdates()).isZero();
    }

    @Test
    void mainDescribesTheTelegramFake() throws Exception {
        JsonNode line = JSON.readTree(FakeVenueMain.describe(telegram));
        assertThat(line.get("venue").asString()).isEqualTo("telegram");
        assertThat(line.get("rest").asString()).isEqualTo(telegram.baseUrl());
        assertThat(line.get("token").asString()).isEqualTo(FakeVenueMain.TELEGRAM_TOKEN);
        assertThat(line.get("botName").asString()).isEqualTo("botfleet_e2e_bot");
    }
}
