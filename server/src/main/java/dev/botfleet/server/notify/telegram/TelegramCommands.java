package dev.botfleet.server.notify.telegram;

import dev.botfleet.server.bot.Bot;
import dev.botfleet.server.bot.BotService;
import dev.botfleet.server.bot.BotStatus;
import dev.botfleet.server.common.Paging;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Answers what users send the platform's bot. Only {@code /start <code>} and {@code /help} work in a chat that is not
 * linked; everything else there is refused. Replies go through the outbox inside the update's transaction, so a
 * command's effect and its answer are stored together.
 */
public class TelegramCommands {
    static final String NOT_LINKED = "This chat is not linked to a botfleet account. In the dashboard, open Settings → "
            + "Telegram and send me the /start code shown there.";
    static final String HELP = """
            /status – how your bots are doing
            /bots – your bots and their state
            /stop <bot name> – stop one bot
            /stopall – stop every running bot (asks first)
            /unlink – stop sending alerts to this chat
            /help – this list""";

    private final TelegramLinking linking;
    private final TelegramLinks links;
    private final TelegramOutbox outbox;
    private final BotService bots;
    private final TelegramApi api;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Runnable queued;

    public TelegramCommands(TelegramLinking linking, TelegramLinks links, TelegramOutbox outbox, BotService bots,
                            TelegramApi api, TransactionTemplate transaction, Clock clock, Runnable queued) {
        this.linking = linking;
        this.links = links;
        this.outbox = outbox;
        this.bots = bots;
        this.api = api;
        this.transaction = transaction;
        this.clock = clock;
        this.queued = queued;
    }

    public void handle(JsonNode update) {
        if (update.has("message")) transaction.executeWithoutResult(s -> message(update.get("message")));
        else if (update.has("callback_query")) transaction.executeWithoutResult(s -> callback(update.get("callback_query")));
        queued.run();
    }

    private void message(JsonNode m) {
        JsonNode chat = m.path("chat");
        if (!"private".equals(chat.path("type").asString(""))) return;  // links are per person: groups are ignored
        long chatId = chat.path("id").asLong();
        String text = m.path("text").asString("").trim();
        if (!text.startsWith("/")) {
            reply(chatId, links.byChat(chatId).isPresent() ? "I understand commands only. Send /help to see them." : NOT_LINKED);
            return;
        }
        String[] parts = text.split("\\s+", 2);
        // "/status@botfleet_bot" in a chat with several bots names the addressee
        String command = parts[0].toLowerCase(Locale.ROOT).replaceFirst("@.*$", "");
        String arg = parts.length > 1 ? parts[1].trim() : "";
        var link = links.byChat(chatId);
        if (command.equals("/start") && !arg.isEmpty()) {
            reply(chatId, linking.redeem(arg, chatId, title(chat)));
            return;
        }
        if (link.isEmpty()) {
            reply(chatId, NOT_LINKED);
            return;
        }
        UUID owner = link.get().userId();
        switch (command) {
            case "/start" -> reply(chatId, "This chat is linked to your botfleet account. Send /help to see the commands.");
            case "/help" -> reply(chatId, HELP);
            case "/unlink" -> {
                links.unlinkChat(chatId);
                reply(chatId, "This chat is no longer linked: no more alerts or commands here.");
            }
            case "/status" -> reply(chatId, status(owner));
            case "/bots" -> reply(chatId, list(owner));
            case "/stop" -> reply(chatId, stop(owner, arg));
            case "/stopall" -> confirmStopAll(chatId, owner);
            default -> reply(chatId, "I don't know " + parts[0] + ". Send /help to see the commands.");
        }
    }

    private void callback(JsonNode q) {
        long chatId = q.path("message").path("chat").path("id").asLong();
        long messageId = q.path("message").path("message_id").asLong();
        String data = q.path("data").asString("");
        var link = links.byChat(chatId);
        String answer;
        String edited;
        if (link.isEmpty()) {
            answer = "Not linked";
            edited = NOT_LINKED;
        } else if (data.equals("stopall:yes")) {
            int stopped = bots.stopAll(link.get().userId());
            answer = "Stopped";
            edited = stopped == 0 ? "No bot was running." : "Stopped " + stopped + (stopped == 1 ? " bot." : " bots.");
        } else {
            answer = "Cancelled";
            edited = "Nothing stopped.";
        }
        // Direct calls, not the outbox: a button press needs its answer now or the client keeps spinning.
        try {
            api.call("answerCallbackQuery", api.params().put("callback_query_id", q.path("id").asString()).put("text", answer));
            api.call("editMessageText", api.params().put("chat_id", chatId).put("message_id", messageId).put("text", edited));
        } catch (TelegramApiException e) {
            reply(chatId, edited);  // the outbox delivers it later instead
        }
    }

    private void confirmStopAll(long chatId, UUID owner) {
        long active = bots.summary(owner).activeBots();
        if (active == 0) {
            reply(chatId, "No bot is running.");
            return;
        }
        String markup = "{\"inline_keyboard\":[[{\"text\":\"Yes, stop " + active + "\",\"callback_data\":\"stopall:yes\"},"
                + "{\"text\":\"No\",\"callback_data\":\"stopall:no\"}]]}";
        outbox.queue(chatId, "Stop all " + active + " running " + (active == 1 ? "bot" : "bots") + "?", markup, clock.instant());
    }

    private String status(UUID owner) {
        var s = bots.summary(owner);
        return s.activeBots() + " running, " + s.stoppedBots() + " stopped, " + s.errorBots() + " in error; "
                + s.totalTrades() + " trades, total PnL " + s.totalPnl().stripTrailingZeros().toPlainString() + ".";
    }

    private String list(UUID owner) {
        List<Bot> all = bots.list(owner, null, new Paging(0, Paging.MAX_SIZE)).items();
        if (all.isEmpty()) return "You have no bots yet.";
        StringBuilder out = new StringBuilder();
        for (Bot b : all) {
            out.append(b.name()).append(" – ").append(b.status().name().toLowerCase(Locale.ROOT)).append(", ")
                    .append(b.symbol()).append(" on ").append(b.exchange()).append('\n');
        }
        return out.toString().trim();
    }

    private String stop(UUID owner, String name) {
        if (name.isEmpty()) return "Which bot? Send /stop followed by its name, as /bots lists them.";
        List<Bot> matches = bots.list(owner, BotStatus.ACTIVE, new Paging(0, Paging.MAX_SIZE)).items().stream()
                .filter(b -> b.name().equalsIgnoreCase(name)).toList();
        if (matches.isEmpty()) return "No running bot is called " + name + ".";
        if (matches.size() > 1) return "Several running bots are called " + name + "; stop them from the dashboard.";
        bots.stop(owner, matches.getFirst().id());
        return "Stopped " + matches.getFirst().name() + ".";
    }

    private void reply(long chatId, String text) {
        outbox.queue(chatId, text, null, clock.instant());
    }

    private static String title(JsonNode chat) {
        String first = chat.path("first_name").asString("");
        String last = chat.path("last_name").asString("");
        String user = chat.path("username").asString("");
        String name = (first + " " + last).trim();
        String title = !name.isEmpty() ? name : !user.isEmpty() ? "@" + user : String.valueOf(chat.path("id").asLong());
        return title.length() > 200 ? title.substring(0, 200) : title;
    }
}
