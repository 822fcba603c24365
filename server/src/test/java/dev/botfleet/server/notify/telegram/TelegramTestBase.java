package dev.botfleet.server.notify.telegram;

import dev.botfleet.fakes.telegram.ChatLog;
import dev.botfleet.fakes.telegram.FakeTelegram;
import dev.botfleet.server.runtime.RuntimeTestBase;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The chat side of the Telegram tests: a user with a linked chat, and waiting for what the bot says in it. */
abstract class TelegramTestBase extends RuntimeTestBase {
    private static final AtomicLong CHATS = new AtomicLong(90_000);

    /** The fake Bot API the class's server talks to. */
    abstract FakeTelegram tg();

    long newChat() {
        return CHATS.incrementAndGet();
    }

    List<String> texts(long chat) {
        return tg().chat(chat).messages().stream().map(ChatLog.Sent::text).toList();
    }

    String awaitMessage(long chat, String containing) {
        return await("a message containing '" + containing + "' in chat " + chat, () -> texts(chat),
                t -> t.stream().anyMatch(s -> s.contains(containing)))
                .stream().filter(s -> s.contains(containing)).findFirst().orElseThrow();
    }

    /** The bot's message in {@code chat} containing {@code containing} (buttons included), once it is there. */
    ChatLog.Sent awaitSent(long chat, String containing) {
        awaitMessage(chat, containing);
        return tg().chat(chat).messages().stream().filter(m -> m.text().contains(containing)).findFirst().orElseThrow();
    }

    /** Sends {@code text} and waits for the next message of the bot in the chat (the answer). */
    String ask(long chat, String text) {
        int before = texts(chat).size();
        tg().userSays(chat, text);
        return await("an answer to " + text, () -> texts(chat), t -> t.size() > before).get(before);
    }

    String code(Session user) {
        Answer a = post("/api/v1/telegram/link-code", user, null);
        assertThat(a.status()).as(String.valueOf(a.body())).isEqualTo(201);
        String code = a.body().get("code").asString();
        assertThat(a.body().get("deepLink").asString()).isEqualTo("https://t.me/botfleet_test_bot?start=" + code);
        assertThat(a.body().get("expiresAt").asString()).isNotBlank();
        return code;
    }

    /** A user with a linked chat. */
    long linked(Session user) {
        long chat = newChat();
        tg().userSays(chat, "/start " + code(user));
        awaitMessage(chat, "now linked");
        return chat;
    }
}
