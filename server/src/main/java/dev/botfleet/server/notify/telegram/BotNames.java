package dev.botfleet.server.notify.telegram;

import dev.botfleet.server.bot.Bot;
import dev.botfleet.server.bot.BotService;
import dev.botfleet.server.common.Paging;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Finds the bot a chat command names. Names may hold spaces and need not be unique, so the rule is: the bots whose
 * name equals the text (ignoring case); if none, the bots whose name starts with it. Exactly one is a match; several
 * are listed back so the user can say which; none is "no bot called ...".
 */
final class BotNames {
    /** The outcome: {@code bot} when exactly one matched, else the candidates (empty: nothing matched). */
    record Match(Bot bot, List<Bot> candidates) {
        boolean found() { return bot != null; }

        boolean ambiguous() { return bot == null && !candidates.isEmpty(); }
    }

    private final BotService bots;

    BotNames(BotService bots) {
        this.bots = bots;
    }

    /** Every bot of the owner, in the list's order (all pages). */
    List<Bot> all(UUID owner) {
        List<Bot> out = new ArrayList<>();
        for (int page = 0; ; page++) {
            List<Bot> items = bots.list(owner, null, new Paging(page, Paging.MAX_SIZE)).items();
            out.addAll(items);
            if (items.size() < Paging.MAX_SIZE) return out;
        }
    }

    Match find(UUID owner, String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        List<Bot> all = all(owner);
        List<Bot> exact = all.stream().filter(b -> b.name().toLowerCase(Locale.ROOT).equals(wanted)).toList();
        List<Bot> found = !exact.isEmpty() ? exact
                : all.stream().filter(b -> b.name().toLowerCase(Locale.ROOT).startsWith(wanted)).toList();
        return found.size() == 1 ? new Match(found.getFirst(), List.of()) : new Match(null, found);
    }

    /** The words for a name that matched no bot or several. */
    static String notOne(Match match, String text, String command) {
        if (!match.ambiguous()) return "You have no bot called " + text + ". Send /bots to see their names.";
        String first = match.candidates().getFirst().name();
        if (match.candidates().stream().allMatch(b -> b.name().equalsIgnoreCase(first))) {
            return match.candidates().size() + " bots are called " + first + ": rename one in the dashboard first.";
        }
        StringBuilder out = new StringBuilder("Several bots match " + text + ":");
        match.candidates().stream().sorted(java.util.Comparator.comparing(Bot::name)).limit(20).forEach(b -> out.append("\n• ").append(b.name()));
        if (match.candidates().size() > 20) out.append("\n… and ").append(match.candidates().size() - 20).append(" more");
        out.append("\nSend ").append(command).append(" with more of the name.");
        return out.toString();
    }
}
