package dev.botfleet.server.notify.telegram;

import dev.botfleet.fakes.telegram.FakeTelegram;
import dev.botfleet.server.support.TestClockConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Webhook mode: the server registers its URL and a secret with setWebhook; the fake Bot API POSTs each update to it
 * over real HTTP with the secret header (the server listens on a real port here), retrying until a 2xx.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
        "botfleet.data-dir=target/test-data", "botfleet.password.bcrypt-strength=4", "botfleet.sim.tick-interval=50ms",
        "spring.datasource.url=jdbc:h2:mem:botfleet-telegram-webhook;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "botfleet.telegram.enabled=true", "botfleet.telegram.token=4244:TEST-TOKEN", "botfleet.telegram.bot-name=botfleet_test_bot",
        "botfleet.telegram.mode=webhook", "botfleet.telegram.per-chat-interval=20ms"})
@AutoConfigureMockMvc
@Import(TestClockConfig.class)
class TelegramWebhookH2Test extends TelegramTestBase {
    static final FakeTelegram TG = new FakeTelegram("4244:TEST-TOKEN", "botfleet_test_bot");
    static final int PORT = freePort();
    static final String URL = "http://127.0.0.1:" + PORT + "/api/v1/telegram/webhook";

    static {
        TG.perChatLimit(1000, 1000);
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void telegram(DynamicPropertyRegistry registry) {
        registry.add("botfleet.telegram.api-base", TG::baseUrl);
        registry.add("server.port", () -> PORT);
        registry.add("botfleet.telegram.webhook-url", () -> URL);
    }

    @AfterAll
    static void closeFake() { TG.close(); }

    @Override
    FakeTelegram tg() { return TG; }

    @Autowired
    TelegramInbox inbox;

    private final HttpClient http = HttpClient.newHttpClient();

    private int postUpdate(String secret, String body) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(URL)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (secret != null) r.header("X-Telegram-Bot-Api-Secret-Token", secret);
        return http.send(r.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void updatesArriveByWebhookAndAreAnswered() {
        await("the webhook set", TG::webhookUrl, URL::equals);
        Session user = newUser();
        long chat = linked(user);  // /start <code> travels fake → POST to the server → inbox → answer
        assertThat(ask(chat, "/status")).contains("running");
        assertThat(TG.calls()).contains("setWebhook").doesNotContain("getUpdates", "deleteWebhook");
        assertThat(TG.commands()).isNotEmpty();
    }

    @Test
    void aMissingOrWrongSecretIsRefusedAndNothingIsHandled() throws Exception {
        await("the webhook set", TG::webhookUrl, URL::equals);
        long chat = linked(newUser());
        long forged = 990_000_001L;
        String update = "{\"update_id\":" + forged + ",\"message\":{\"message_id\":1,\"date\":1,\"text\":\"/stopall\","
                + "\"chat\":{\"id\":" + chat + ",\"type\":\"private\"},\"from\":{\"id\":" + chat + ",\"is_bot\":false,\"first_name\":\"x\"}}}";
        assertThat(postUpdate(null, update)).isEqualTo(401);
        assertThat(postUpdate("wrong-secret", update)).isEqualTo(401);
        assertThat(postUpdate("", update)).isEqualTo(401);
        assertThat(inbox.count(forged)).isZero();
        // the chat saw nothing: its next answer is to its own next command
        assertThat(ask(chat, "/help")).contains("/stopall");
        assertThat(texts(chat)).noneMatch(t -> t.startsWith("Stop all") || t.equals("No bot is running."));
        // the same through MockMvc: 401 problem+json, no token needed to get there
        assertProblem(request(org.springframework.http.HttpMethod.POST, "/api/v1/telegram/webhook", null, update), 401, "UNAUTHORIZED");
    }

    @Test
    void aRetriedUpdateIsHandledOnce() {
        await("the webhook set", TG::webhookUrl, URL::equals);
        long chat = linked(newUser());
        long help = TG.userSays(chat, "/help");
        awaitMessage(chat, "/stopall");
        // Telegram did not see our 200 and sends the update again: accepted (200), not handled again
        assertThat(TG.redeliver(help)).isEqualTo(200);
        assertThat(inbox.count(help)).isEqualTo(1);
        // updates are handled in id order: once /status is answered, a second /help would have been answered first
        assertThat(ask(chat, "/status")).contains("running");
        assertThat(texts(chat).stream().filter(t -> t.contains("/stopall")).count()).isEqualTo(1);
    }
}
