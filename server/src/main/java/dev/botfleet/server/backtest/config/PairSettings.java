package dev.botfleet.server.backtest.config;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The pairs of a configuration: {@code exchange.pair_whitelist} (or top-level {@code pairs}, which Freqtrade's
 * {@code --pairs} sets and which wins), minus {@code exchange.pair_blacklist} (regular expressions matched against the
 * whole pair, case-insensitive, as Freqtrade's {@code expand_pairlist} does), and {@code pairlists}, of which a
 * backtest can honour only StaticPairList: the other handlers filter by live exchange data.
 */
final class PairSettings {
    /** BASE/QUOTE or, for futures, BASE/QUOTE:SETTLE. */
    private static final Pattern PAIR = Pattern.compile("[A-Za-z0-9.\\-]+/[A-Za-z0-9]+(:[A-Za-z0-9]+)?");

    private PairSettings() {
    }

    static List<String> pairs(JsonFields root, String stakeCurrency, List<String> notes) {
        JsonFields exchange = root.object("exchange");
        List<String> whitelist = exchange == null ? null : list(exchange, "pair_whitelist");
        List<String> blacklist = exchange == null ? null : list(exchange, "pair_blacklist");
        if (exchange != null) {
            NoEffectKeys.notesFor(exchange, "exchange.", IgnoredKeys.EXCHANGE, notes);
            exchange.unknownKeys("pair_whitelist, pair_blacklist, "
                    + String.join(", ", new TreeMap<>(IgnoredKeys.EXCHANGE).keySet()));
        }
        List<String> given = list(root, "pairs");
        if (given != null && whitelist != null) {
            notes.add("exchange.pair_whitelist: replaced by pairs (as Freqtrade's --pairs replaces it)");
        }
        List<String> pairs = given != null ? given : whitelist;
        String from = given != null ? "pairs" : "exchange.pair_whitelist";
        pairlists(root, notes);
        if (pairs == null) {
            root.problem("exchange.pair_whitelist", "is required: the pairs to backtest, e.g. [\"BTC/USDT\", \"ETH/USDT\"]"
                    + " (or give pairs)");
            return List.of();
        }
        List<String> kept = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < pairs.size(); i++) {
            String pair = pairs.get(i);
            String path = from + "[" + i + "]";
            if (!PAIR.matcher(pair).matches()) {
                root.problem(path, "\"" + pair + "\" is not a pair BASE/QUOTE (futures: BASE/QUOTE:SETTLE); patterns"
                        + " need the exchange's market list, so list the pairs one by one");
            } else if (!seen.add(pair)) {
                root.problem(path, "\"" + pair + "\" is listed twice");
            } else if (stakeCurrency != null && !quote(pair).equalsIgnoreCase(stakeCurrency)) {
                root.problem(path, "\"" + pair + "\" is not traded in the stake currency " + stakeCurrency);
            } else if (!blacklisted(root, blacklist, pair, notes)) {
                kept.add(pair);
            }
        }
        if (kept.isEmpty() && !pairs.isEmpty() && seen.size() == pairs.size()) {
            root.problem(from, "no pair is left after exchange.pair_blacklist");
        } else if (pairs.isEmpty()) {
            root.problem(from, "is empty: give at least one pair");
        }
        return kept;
    }

    private static String quote(String pair) {
        String quote = pair.substring(pair.indexOf('/') + 1);
        int colon = quote.indexOf(':');
        return colon < 0 ? quote : quote.substring(0, colon);
    }

    private static boolean blacklisted(JsonFields root, List<String> blacklist, String pair, List<String> notes) {
        if (blacklist == null) return false;
        for (int i = 0; i < blacklist.size(); i++) {
            try {
                if (Pattern.compile(blacklist.get(i), Pattern.CASE_INSENSITIVE).matcher(pair).matches()) {
                    notes.add("exchange.pair_blacklist[" + i + "]: removes " + pair);
                    return true;
                }
            } catch (PatternSyntaxException e) {
                // reported once, by list() below
            }
        }
        return false;
    }

    /** A list of strings, or null when absent; each bad element is named by its index. */
    private static List<String> list(JsonFields f, String key) {
        JsonNode n = f.node(key);
        if (n == null) return null;
        if (!n.isArray()) {
            f.problem(key, "must be a list of pairs, e.g. [\"BTC/USDT\"], was " + JsonFields.shown(n));
            return null;
        }
        List<String> out = new ArrayList<>();
        int i = 0;
        for (JsonNode e : n.values()) {
            String path = key + "[" + i++ + "]";
            if (!e.isString()) {
                f.problem(path, "must be a string, was " + JsonFields.shown(e));
                continue;
            }
            if (key.equals("pair_blacklist")) {
                try {
                    Pattern.compile(e.asString());
                } catch (PatternSyntaxException x) {
                    f.problem(path, "\"" + e.asString() + "\" is not a valid pattern: " + x.getDescription());
                    continue;
                }
            }
            out.add(e.asString());
        }
        return out;
    }

    /** Only StaticPairList (the whitelist as given) can be backtested; the others need live market data. */
    private static void pairlists(JsonFields root, List<String> notes) {
        JsonNode n = root.node("pairlists");
        if (n == null) return;
        if (!n.isArray()) {
            root.problem("pairlists", "must be a list like [{\"method\": \"StaticPairList\"}], was " + JsonFields.shown(n));
            return;
        }
        int i = 0;
        for (JsonNode handler : n.values()) {
            String path = "pairlists[" + i++ + "]";
            JsonNode method = handler.isObject() ? handler.get("method") : null;
            if (method == null || !method.isString()) {
                root.problem(path + ".method", "is required, e.g. \"StaticPairList\"");
            } else if (!method.asString().equals("StaticPairList")) {
                root.problem(path + ".method", reason(method.asString())
                        + "; only StaticPairList is supported in a backtest");
            } else {
                notes.add(path + ": StaticPairList backtests the whitelist as given");
                for (String key : new JsonFields(handler, path, new ArrayList<>()).keys()) {
                    if (key.equals("method")) continue;
                    if (key.equals("allow_inactive")) {
                        notes.add(path + ".allow_inactive: ignored, a backtest uses the listed pairs' files");
                    } else {
                        root.problem(path + "." + key, "unknown key of StaticPairList; known: method, allow_inactive");
                    }
                }
            }
        }
    }

    private static String reason(String method) {
        String lower = method.toLowerCase(Locale.ROOT);
        if (lower.contains("volume")) return method + " needs live volumes";
        if (lower.contains("producer")) return method + " needs a running producer bot";
        if (lower.contains("remote") || lower.contains("marketcap")) return method + " needs a live remote list";
        return method + " filters pairs with live exchange data";
    }
}
