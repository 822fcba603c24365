package dev.botfleet.server.notify.telegram;

import dev.botfleet.server.activity.ActivityLog;
import dev.botfleet.server.activity.ActivityLogService;
import dev.botfleet.server.bot.Bot;
import dev.botfleet.server.bot.BotMode;
import dev.botfleet.server.bot.BotService;
import dev.botfleet.server.bot.BotStatus;
import dev.botfleet.server.common.ApiException;
import dev.botfleet.server.common.Decimals;
import dev.botfleet.server.common.Paging;
import dev.botfleet.server.notify.telegram.TelegramChat.Button;
import dev.botfleet.server.notify.telegram.TelegramChat.Pressed;
import dev.botfleet.server.order.OrderQueries;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * /status, /bots, /bot, /start, /stop, /stopall and their buttons. Starting and stopping go through {@link BotService}
 * like the API, so every rule it applies (the daily loss limit, the key and adapter checks) applies here too, and a
 * refusal is told in its own words. A LIVE bot trades real money: starting one always asks first.
 */
final class BotCommands {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final BotService bots;
    private final BotNames names;
    private final TelegramReads reads;
    private final OrderQueries orders;
    private final ActivityLogService activity;
    private final TelegramChat chat;
    /** A savepoint around each start/stop: a refusal rolls back only that, and the reply saying so still commits. */
    private final TransactionTemplate nested;
    private final Clock clock;
    private final LiveStartGuard liveGuard;

    /**
     * A rule of the API's controller (not of {@link BotService}) that also holds for a LIVE start from the chat, such
     * as a second factor the user requires for LIVE: its refusal, or empty.
     */
    @FunctionalInterface
    interface LiveStartGuard {
        java.util.Optional<String> refusal(UUID owner);
    }

    BotCommands(BotService bots, BotNames names, TelegramReads reads, OrderQueries orders, ActivityLogService activity,
                TelegramChat chat, TransactionTemplate nested, Clock clock, LiveStartGuard liveGuard) {
        this.liveGuard = liveGuard;
        this.bots = bots;
        this.names = names;
        this.reads = reads;
        this.orders = orders;
        this.activity = activity;
        this.chat = chat;
        this.nested = nested;
        this.clock = clock;
    }

    String status(UUID owner) {
        var s = bots.summary(owner);
        return s.activeBots() + " running, " + s.stoppedBots() + " stopped, " + s.errorBots() + " in error; "
                + s.totalTrades() + " trades, total PnL " + perAsset(s.pnlByQuote()) + ".";
    }

    String list(UUID owner) {
        List<Bot> all = names.all(owner);
        if (all.isEmpty()) return "You have no bots yet.";
        StringBuilder out = new StringBuilder();
        for (Bot b : all) {
            out.append(b.name()).append(" – ").append(state(b)).append(", ").append(b.symbol()).append(" on ")
                    .append(b.exchange()).append(b.mode() == BotMode.LIVE ? " (LIVE)" : "").append('\n');
        }
        return out.toString().trim();
    }

    /** One bot's card, with Start or Stop under it. */
    void bot(long chatId, UUID owner, String name) {
        if (name.isEmpty()) {
            chat.reply(chatId, "Which bot? Send /bot followed by its name, as /bots lists them.");
            return;
        }
        BotNames.Match match = names.find(owner, name);
        if (!match.found()) {
            chat.reply(chatId, BotNames.notOne(match, name, "/bot"));
            return;
        }
        Bot b = match.bot();
        chat.ask(chatId, card(owner, b), List.of(b.status() == BotStatus.ACTIVE
                ? new Button("Stop " + b.name(), "stop:" + b.id()) : new Button("Start " + b.name(), "start:" + b.id())));
    }

    void start(long chatId, UUID owner, String name) {
        if (name.isEmpty()) {
            chat.reply(chatId, "Which bot? Send /start followed by its name, as /bots lists them.");
            return;
        }
        BotNames.Match match = names.find(owner, name);
        if (!match.found()) {
            chat.reply(chatId, BotNames.notOne(match, name, "/start"));
            return;
        }
        Pressed next = startOrAsk(owner, match.bot());
        if (next.buttons().isEmpty()) chat.reply(chatId, next.text());
        else chat.ask(chatId, next.text(), next.buttons());
    }

    String stop(UUID owner, String name) {
        if (name.isEmpty()) return "Which bot? Send /stop followed by its name, as /bots lists them.";
        BotNames.Match match = names.find(owner, name);
        if (!match.found()) return BotNames.notOne(match, name, "/stop");
        if (match.bot().status() == BotStatus.STOPPED) return match.bot().name() + " is not running.";
        return stopNow(owner, match.bot().id()).text();
    }

    void confirmStopAll(long chatId, UUID owner) {
        long active = bots.summary(owner).activeBots();
        if (active == 0) {
            chat.reply(chatId, "No bot is running.");
            return;
        }
        chat.ask(chatId, "Stop all " + active + " running " + (active == 1 ? "bot" : "bots") + "?",
                List.of(new Button("Yes, stop " + active, "stopall:yes"), new Button("No", "stopall:no")));
    }

    /** A button under one of this family's messages; null when the data is not one of ours. */
    Pressed press(UUID owner, String data) {
        if (data.equals("stopall:yes")) {
            int stopped = bots.stopAll(owner);
            return new Pressed("Stopped", stopped == 0 ? "No bot was running." : "Stopped " + stopped + (stopped == 1 ? " bot." : " bots."));
        }
        if (data.equals("stopall:no") || data.equals("cancel")) return new Pressed("Cancelled", "Nothing changed.");
        int colon = data.indexOf(':');
        if (colon < 0) return null;
        UUID id;
        try {
            id = UUID.fromString(data.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            return null;
        }
        return switch (data.substring(0, colon)) {
            case "start" -> attempt(() -> startOrAsk(owner, bots.get(owner, id)));
            case "golive" -> liveGuard.refusal(owner).map(r -> new Pressed("Refused", r)).orElseGet(() -> startNow(owner, id));
            case "stop" -> stopNow(owner, id);
            default -> null;
        };
    }

    private Pressed startOrAsk(UUID owner, Bot b) {
        if (b.status() == BotStatus.ACTIVE) return new Pressed("Running", b.name() + " is already running.");
        if (b.mode() == BotMode.LIVE) {
            var refused = liveGuard.refusal(owner);
            if (refused.isPresent()) return new Pressed("Refused", refused.get());
            return new Pressed("Confirm", "Start " + b.name() + " LIVE? It trades real money on " + b.exchange() + " ("
                    + b.symbol() + ") with your API key.",
                    List.of(new Button("Yes, start LIVE", "golive:" + b.id()), new Button("No", "cancel")));
        }
        return startNow(owner, b.id());
    }

    private Pressed startNow(UUID owner, UUID id) {
        return attempt(() -> {
            Bot started = bots.start(owner, id);
            return new Pressed("Started", "Started " + started.name() + " (" + started.strategy() + " on "
                    + started.exchange() + " " + started.symbol() + ", " + started.mode() + ").");
        });
    }

    private Pressed stopNow(UUID owner, UUID id) {
        return attempt(() -> new Pressed("Stopped", "Stopped " + bots.stop(owner, id).name() + "."));
    }

    /** Runs a start or stop in a savepoint; the API's refusal becomes the answer. Another user's bot is "no such bot". */
    private Pressed attempt(Supplier<Pressed> action) {
        try {
            return nested.execute(s -> action.get());
        } catch (ApiException.NotFound e) {
            return new Pressed("Not found", "That bot no longer exists.");
        } catch (ApiException e) {
            return new Pressed("Refused", e.getMessage());
        }
    }

    private String card(UUID owner, Bot b) {
        StringBuilder out = new StringBuilder(b.name()).append(" – ").append(state(b)).append(" (").append(b.mode()).append(")\n");
        if (b.status() == BotStatus.ERROR && b.statusReason() != null) out.append("Reason: ").append(b.statusReason()).append('\n');
        out.append("Strategy ").append(b.strategy()).append(" on ").append(b.exchange()).append(' ').append(b.symbol()).append('\n');
        String base = b.symbol().substring(0, b.symbol().indexOf('/'));
        var position = orders.positions(owner, b.id()).stream().filter(p -> p.quantity().signum() != 0).findFirst();
        out.append("Position: ").append(position.map(p -> Decimals.format(p.quantity()) + " " + base + " at "
                + Decimals.format(p.averageEntryPrice()) + " average").orElse("none")).append('\n');
        out.append("Open orders: ").append(orders.countOrders(owner, b.id(), "open")).append('\n');
        Instant today = clock.instant().atZone(ZoneOffset.UTC).toLocalDate().atStartOfDay(ZoneOffset.UTC).toInstant();
        String quote = b.quoteAsset();
        out.append("Realized PnL: today ").append(signed(reads.realizedSince(owner, b.id(), today))).append(' ').append(quote)
                .append(", total ").append(signed(reads.realizedSince(owner, b.id(), Instant.EPOCH))).append(' ').append(quote)
                .append(" (").append(b.totalTrades()).append(" deals)\n");
        List<ActivityLog> last = activity.find(owner, null, b.id(), new Paging(0, 1)).items();
        out.append("Last activity: ").append(last.isEmpty() ? "none"
                : TIME.format(last.getFirst().createdAt()) + " UTC – " + last.getFirst().message());
        return out.toString();
    }

    private static String state(Bot b) {
        return switch (b.status()) {
            case ACTIVE -> "running";
            case STOPPED -> "stopped";
            case ERROR -> "in error";
        };
    }

    /** "1.5 USDT, -0.001 BTC": never one sum across assets. */
    static String perAsset(Map<String, BigDecimal> byAsset) {
        if (byAsset.isEmpty()) return "0";
        StringBuilder out = new StringBuilder();
        byAsset.forEach((asset, v) -> out.append(out.isEmpty() ? "" : ", ").append(signed(v)).append(' ').append(asset));
        return out.toString();
    }

    static String signed(BigDecimal v) {
        return (v.signum() > 0 ? "+" : "") + Decimals.format(v);
    }
}
