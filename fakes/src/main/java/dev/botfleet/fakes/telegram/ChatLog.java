package dev.botfleet.fakes.telegram;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** What one chat holds: the messages the bot sent (edited in place, as a Telegram client shows them). */
public final class ChatLog {
    /** A message the bot sent; {@code replyMarkup} is null without buttons; {@code edits} counts editMessageText. */
    public record Sent(long messageId, String text, JsonNode replyMarkup, int edits) {
        /** The callback_data of every inline button, row by row. */
        public List<String> buttonData() {
            List<String> out = new ArrayList<>();
            if (replyMarkup == null || !replyMarkup.has("inline_keyboard")) return out;
            for (JsonNode row : replyMarkup.get("inline_keyboard")) {
                for (JsonNode b : row) if (b.has("callback_data")) out.add(b.get("callback_data").asString());
            }
            return out;
        }
    }

    private final List<Sent> sent = new ArrayList<>();

    synchronized void add(Sent s) { sent.add(s); }

    public synchronized Sent find(long messageId) {
        for (Sent s : sent) if (s.messageId() == messageId) return s;
        return null;
    }

    synchronized void replace(Sent edited) {
        for (int i = 0; i < sent.size(); i++) if (sent.get(i).messageId() == edited.messageId()) sent.set(i, edited);
    }

    public synchronized List<Sent> messages() { return List.copyOf(sent); }
}
