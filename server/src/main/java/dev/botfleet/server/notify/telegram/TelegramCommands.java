package dev.botfleet.server.notify.telegram;

import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import java.util.Locale;
import java.util.UUID;

/**
 * Answers what users send the platform's bot. Only {@code /start <code>} and {@code /help} work in a chat that is not
 * linked; everything else there is refused. Replies go through the outbox inside the update's transaction, so a
 * command's effect and its answer are stored together. The commands themselves live in {@link BotCommands} and
 * {@link ReportCommands}; this class routes to them.
 */
public class TelegramCommands {
    static final String NOT_LINKED = "This chat is not linked to a botfleet account. In the dashboard, open Settings → "
            + "Telegram and send me the /start code shown there.";
    static final String HELP = """
            /status – how your bots are doing
            /bots – your bots and their state
            /bot <name> – one bot: position, orders, PnL, with Start/Stop
            /profit [days] – realized PnL per day (default 7, at most 365)
            /balance – paper accounts and exchange balances
            /trades [n] – the last n fills (default 10, at most 50)
            /start <name> – start a bot (LIVE bots ask first)
            /stop <name> – stop one bot
            /stopall – stop every running bot (asks first)
            /unlink – stop sending alerts to this chat
            /help – this list
            A name may be its first letters when only one bot starts with them.""";
    /** For setMyCommands: command and description, in menu order. */
    static final String[][] MENU = {{"status", "How your bots are doing"}, {"bots", "Your bots"},
            {"bot", "One bot in detail"}, {"profit", "Realized PnL per day"}, {"balance", "Balances"},
            {"trades", "The last fills"}, {"start", "Start a bot"}, {"stop", "Stop one bot"},
            {"stopall", "Stop every running bot"}, {"unlink", "Stop alerts here"}, {"help", "The commands"}};
    /** A link code as {@link TelegramLinking} issues them (24 base64url characters). */
    private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{24}");

    private final TelegramLinking linking;
    private final TelegramLinks links;
    private final TelegramChat chat;
    private final BotNames names;
    private final BotCommands botCommands;
    private final ReportCommands reports;
    private final TransactionTemplate transaction;
    private final Runnable queued;

    TelegramCommands(TelegramLinking linking, TelegramLinks links, TelegramChat chat, BotNames names,
                     BotCommands botCommands, ReportCommands reports, TransactionTemplate transaction, Runnable queued) {
        this.linking = linking;
        this.links = links;
        this.chat = chat;
        this.names = names;
        this.botCommands = botCommands;
        this.reports = reports;
        this.transaction = transaction;
        this.queued = queued;
    }

    public void handle(JsonNode update) {
        if (update.has("message")) transaction.executeWithoutResult(s -> message(update.get("message")));
        else if (update.has("callback_query")) {
            JsonNode q = update.get("callback_query");
            TelegramChat.Pressed pressed = transaction.execute(s -> press(q));
            // Answered once committed: "Started X" must not reach the user before the start is stored, nor if it fails.
            chat.answer(q, q.path("message").path("chat").path("id").asLong(), q.path("message").path("message_id").asLong(),
                    pressed);
        }
        queued.run();
    }

    private void message(JsonNode m) {
        JsonNode chatNode = m.path("chat");
        if (!"private".equals(chatNode.path("type").asString(""))) return;  // links are per person: groups are ignored
        long chatId = chatNode.path("id").asLong();
        String text = m.path("text").asString("").trim();
        var link = links.byChat(chatId);
        if (!text.startsWith("/")) {
            chat.reply(chatId, link.isPresent() ? "I understand commands only. Send /help to see them." : NOT_LINKED);
            return;
        }
        String[] parts = text.split("\\s+", 2);
        // "/status@botfleet_bot" in a chat with several bots names the addressee
        String command = parts[0].toLowerCase(Locale.ROOT).replaceFirst("@.*$", "");
        String arg = parts.length > 1 ? parts[1].trim() : "";
        if (command.equals("/start") && !arg.isEmpty() && (link.isEmpty() || isCodeNotBot(link.get().userId(), arg))) {
            chat.reply(chatId, linking.redeem(arg, chatId, title(chatNode)));
            return;
        }
        if (link.isEmpty()) {
            chat.reply(chatId, NOT_LINKED);
            return;
        }
        UUID owner = link.get().userId();
        switch (command) {
            case "/start" -> {
                if (arg.isEmpty()) chat.reply(chatId, "This chat is linked to your botfleet account. Send /help to see the commands.");
                else botCommands.start(chatId, owner, arg);
            }
            case "/help" -> chat.reply(chatId, HELP);
            case "/unlink" -> {
                links.unlinkChat(chatId);
                chat.reply(chatId, "This chat is no longer linked: no more alerts or commands here.");
            }
            case "/status" -> chat.reply(chatId, botCommands.status(owner));
            case "/bots" -> chat.reply(chatId, botCommands.list(owner));
            case "/bot" -> botCommands.bot(chatId, owner, arg);
            case "/stop" -> chat.reply(chatId, botCommands.stop(owner, arg));
            case "/stopall" -> botCommands.confirmStopAll(chatId, owner);
            case "/profit" -> chat.reply(chatId, reports.profit(owner, arg));
            case "/trades" -> chat.reply(chatId, reports.trades(owner, arg));
            case "/balance" -> chat.reply(chatId, reports.balance(owner));
            default -> chat.reply(chatId, "I don't know " + parts[0] + ". Send /help to see the commands.");
        }
    }

    /** In a linked chat "/start X" starts bot X; it is a link code (to link the chat anew) only if no bot matches. */
    private boolean isCodeNotBot(UUID owner, String arg) {
        if (!CODE.matcher(arg).matches()) return false;
        var match = names.find(owner, arg);
        return !match.found() && !match.ambiguous();
    }

    /** What a button press does (in the update's transaction), and the answer to show once it is committed. */
    private TelegramChat.Pressed press(JsonNode q) {
        var link = links.byChat(q.path("message").path("chat").path("id").asLong());
        if (link.isEmpty()) return new TelegramChat.Pressed("Not linked", NOT_LINKED);
        TelegramChat.Pressed pressed = botCommands.press(link.get().userId(), q.path("data").asString(""));
        return pressed != null ? pressed : new TelegramChat.Pressed("Unknown button", "That button no longer works. Send /help.");
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
