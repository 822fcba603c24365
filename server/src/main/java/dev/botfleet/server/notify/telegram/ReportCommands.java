package dev.botfleet.server.notify.telegram;

import dev.botfleet.engine.exchange.Balance;
import dev.botfleet.server.bot.Bot;
import dev.botfleet.server.bot.BotMode;
import dev.botfleet.server.common.ApiException;
import dev.botfleet.server.common.Decimals;
import dev.botfleet.server.credential.Credential;
import dev.botfleet.server.credential.CredentialService;
import dev.botfleet.server.runtime.BalanceResponse;
import dev.botfleet.server.runtime.PaperBalances;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** /profit, /balance and /trades: read-only reports over the journal, the paper accounts and the venues. */
final class ReportCommands {
    static final int MAX_DAYS = 365;
    static final int MAX_TRADES = 50;
    /** Day lines shown at most (the totals still cover every day): keeps the answer within one message. */
    private static final int MAX_DAY_LINES = 60;
    private static final int MAX_PAPER_BOTS = 30;

    private final BotNames names;
    private final TelegramReads reads;
    private final PaperBalances paper;
    private final CredentialService credentials;
    private final Clock clock;

    ReportCommands(BotNames names, TelegramReads reads, PaperBalances paper, CredentialService credentials, Clock clock) {
        this.names = names;
        this.reads = reads;
        this.paper = paper;
        this.credentials = credentials;
        this.clock = clock;
    }

    /** A whole number in 1..max, or null (empty text: the default). */
    static Integer number(String text, int fallback, int max) {
        if (text.isEmpty()) return fallback;
        if (!text.matches("\\d{1,4}")) return null;
        int n = Integer.parseInt(text);
        return n >= 1 && n <= max ? n : null;
    }

    String profit(UUID owner, String arg) {
        Integer days = number(arg, 7, MAX_DAYS);
        if (days == null) return "Send /profit with a number of days from 1 to " + MAX_DAYS + ", e.g. /profit 30 (without a number: 7).";
        LocalDate today = clock.instant().atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate first = today.minusDays(days - 1L);
        Map<LocalDate, Map<String, BigDecimal>> byDay = reads.realizedByDay(owner, first.atStartOfDay(ZoneOffset.UTC).toInstant());
        String span = days == 1 ? "today" : "the last " + days + " days";
        if (byDay.isEmpty()) return "No realized PnL " + (days == 1 ? "today" : "in " + span) + ".";
        StringBuilder out = new StringBuilder("Realized PnL, " + span + " (UTC days; each asset on its own, paper apart):\n");
        Map<String, BigDecimal> total = new TreeMap<>();
        List<LocalDate> shown = new ArrayList<>(byDay.keySet());
        int hidden = Math.max(0, shown.size() - MAX_DAY_LINES);
        for (var day : byDay.entrySet()) {
            day.getValue().forEach((asset, v) -> total.merge(asset, v, BigDecimal::add));
            if (hidden > 0 && shown.indexOf(day.getKey()) < hidden) continue;
            out.append(day.getKey()).append(": ").append(BotCommands.perAsset(day.getValue())).append('\n');
        }
        if (hidden > 0) out.append("(").append(hidden).append(" earlier days not listed; the total counts them)\n");
        out.append("Total: ").append(BotCommands.perAsset(total));
        return out.toString();
    }

    String trades(UUID owner, String arg) {
        Integer n = number(arg, 10, MAX_TRADES);
        if (n == null) return "Send /trades with how many fills to show, from 1 to " + MAX_TRADES + " (without a number: 10).";
        List<TelegramReads.Fill> fills = reads.lastFills(owner, n);
        if (fills.isEmpty()) return "Your bots have no fills yet.";
        StringBuilder out = new StringBuilder("Last " + fills.size() + (fills.size() == 1 ? " fill" : " fills") + " (UTC):\n");
        for (TelegramReads.Fill f : fills) {
            String base = f.symbol().substring(0, f.symbol().indexOf('/'));
            out.append(BotCommands.TIME.format(f.at())).append(' ').append(f.botName()).append(": ")
                    .append(f.side().equals("BUY") ? "bought " : "sold ").append(Decimals.format(f.quantity())).append(' ')
                    .append(base).append(" at ").append(Decimals.format(f.price())).append(' ')
                    .append(Bot.quoteAssetOf(f.symbol())).append('\n');
        }
        return out.toString().trim();
    }

    /** Paper bots' simulated accounts, then each exchange key's balances as its venue reports them now. */
    String balance(UUID owner) {
        StringBuilder out = new StringBuilder();
        List<Bot> paperBots = names.all(owner).stream().filter(b -> b.mode() == BotMode.PAPER).toList();
        if (!paperBots.isEmpty()) out.append("Paper accounts (one per bot):\n");
        for (Bot b : paperBots.stream().limit(MAX_PAPER_BOTS).toList()) {
            out.append("• ").append(b.name()).append(" on ").append(b.exchange()).append(": ");
            try {
                List<String> parts = new ArrayList<>();
                for (BalanceResponse r : paper.of(b)) {
                    parts.add(r.total() + " " + r.asset() + (r.total().equals(r.available()) ? "" : " (" + r.available() + " free)"));
                }
                out.append(String.join(", ", parts)).append('\n');
            } catch (ApiException e) {
                out.append(e.getMessage()).append('\n');
            }
        }
        if (paperBots.size() > MAX_PAPER_BOTS) out.append("… and ").append(paperBots.size() - MAX_PAPER_BOTS).append(" more paper bots\n");
        List<Credential> keys = credentials.list(owner).stream().filter(k -> !k.exchange().equals("sim")).toList();
        if (!keys.isEmpty()) out.append(out.isEmpty() ? "" : "\n").append("Exchange accounts (asked now):\n");
        for (Credential k : keys) {
            out.append("• ").append(k.exchange()).append(" – ").append(k.label()).append(k.testnet() ? " (testnet)" : "").append(": ");
            try {
                List<String> parts = new ArrayList<>();
                for (Balance bal : credentials.account(owner, k.id()).balances()) {
                    if (bal.total().signum() == 0) continue;
                    parts.add(Decimals.format(bal.total()) + " " + bal.asset()
                            + (bal.total().compareTo(bal.available()) == 0 ? "" : " (" + Decimals.format(bal.available()) + " free)"));
                }
                out.append(parts.isEmpty() ? "empty" : String.join(", ", parts)).append('\n');
            } catch (ApiException e) {
                out.append("could not be asked: ").append(e.getMessage()).append('\n');
            } catch (RuntimeException e) {
                // e.g. a key that no longer decrypts: one key's trouble must not hide the others
                out.append("could not be asked (").append(e.getClass().getSimpleName()).append(")\n");
            }
        }
        return out.isEmpty() ? "You have no paper bots and no exchange keys." : out.toString().trim();
    }
}
