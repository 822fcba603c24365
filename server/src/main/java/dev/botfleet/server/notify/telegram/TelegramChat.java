package dev.botfleet.server.notify.telegram;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.util.List;

/** How commands talk back: replies through the outbox, and the direct answer a button press needs. */
final class TelegramChat {
    /** An inline button: {@code data} comes back in the callback query (at most 64 bytes). */
    record Button(String text, String data) {
    }

    /** What a button press does to the message it sat under: its new text and buttons (none: the buttons go). */
    record Pressed(String answer, String text, List<Button> buttons) {
        Pressed(String answer, String text) {
            this(answer, text, List.of());
        }
    }

    /** Telegram refuses longer texts; the outbox column holds 4096. */
    static final int MAX_TEXT = 4000;

    private final TelegramOutbox outbox;
    private final TelegramApi api;
    private final Clock clock;

    TelegramChat(TelegramOutbox outbox, TelegramApi api, Clock clock) {
        this.outbox = outbox;
        this.api = api;
        this.clock = clock;
    }

    void reply(long chatId, String text) {
        outbox.queue(chatId, fit(text), null, clock.instant());
    }

    void ask(long chatId, String text, List<Button> buttons) {
        outbox.queue(chatId, fit(text), markup(buttons), clock.instant());
    }

    /**
     * Direct calls, not the outbox: a button press needs its answer now or the client keeps spinning. If Telegram
     * cannot be reached the new text is queued as a message instead.
     */
    void answer(JsonNode query, long chatId, long messageId, Pressed pressed) {
        try {
            api.call("answerCallbackQuery", api.params().put("callback_query_id", query.path("id").asString())
                    .put("text", pressed.answer()));
            ObjectNode edit = api.params().put("chat_id", chatId).put("message_id", messageId).put("text", fit(pressed.text()));
            if (!pressed.buttons().isEmpty()) edit.set("reply_markup", api.json().readTree(markup(pressed.buttons())));
            api.call("editMessageText", edit);
        } catch (TelegramApiException e) {
            if (pressed.buttons().isEmpty()) reply(chatId, pressed.text());
            else ask(chatId, pressed.text(), pressed.buttons());
        }
    }

    /** One row of buttons, as JSON built by the mapper (bot names in button texts are escaped properly). */
    private String markup(List<Button> buttons) {
        ObjectNode markup = api.params();
        ArrayNode row = markup.putArray("inline_keyboard").addArray();
        for (Button b : buttons) row.addObject().put("text", b.text()).put("callback_data", b.data());
        return api.json().writeValueAsString(markup);
    }

    static String fit(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 1) + "…";
    }
}
