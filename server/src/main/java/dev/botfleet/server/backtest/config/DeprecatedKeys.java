package dev.botfleet.server.backtest.config;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;

/**
 * Freqtrade's renamed keys (buy/sell became entry/exit in 2022): Freqtrade still reads the old names, moving them
 * to the new ones with a deprecation warning, so older config.json files keep working. The same happens here, each
 * move told as a note; giving both names is an error, as in Freqtrade.
 */
final class DeprecatedKeys {
    private DeprecatedKeys() {
    }

    private static final Map<String, String> TOP = Map.of(
            "use_sell_signal", "use_exit_signal",
            "sell_profit_only", "exit_profit_only",
            "sell_profit_offset", "exit_profit_offset",
            "ignore_roi_if_buy_signal", "ignore_roi_if_entry_signal",
            "forcebuy_enable", "force_entry_enable",
            "bid_strategy", "entry_pricing",
            "ask_strategy", "exit_pricing");
    private static final Map<String, String> UNFILLED_TIMEOUT = Map.of("buy", "entry", "sell", "exit");
    private static final Map<String, String> ORDER_TYPES = Map.of("buy", "entry", "sell", "exit",
            "emergencysell", "emergency_exit", "forcesell", "force_exit", "forcebuy", "force_entry");

    /** A copy of {@code root} with the old names moved to the new ones; the caller's tree is not changed. */
    static JsonNode migrate(JsonNode root, List<String> notes, List<ConfigProblem> problems) {
        if (!(root instanceof ObjectNode given)) return root;
        ObjectNode copy = given.deepCopy();
        move(copy, "", TOP, notes, problems);
        if (copy.get("unfilledtimeout") instanceof ObjectNode u) move(u, "unfilledtimeout.", UNFILLED_TIMEOUT, notes, problems);
        if (copy.get("order_types") instanceof ObjectNode o) move(o, "order_types.", ORDER_TYPES, notes, problems);
        if (copy.has("experimental")) {
            copy.remove("experimental");
            problems.add(new ConfigProblem("experimental", "Freqtrade removed this section: its settings are top-level"
                    + " keys now (use_exit_signal, exit_profit_only, ignore_roi_if_entry_signal)"));
        }
        return copy;
    }

    private static void move(ObjectNode object, String prefix, Map<String, String> renames, List<String> notes,
                             List<ConfigProblem> problems) {
        for (Map.Entry<String, String> r : renames.entrySet()) {
            if (!object.has(r.getKey())) continue;
            JsonNode value = object.remove(r.getKey());
            if (object.has(r.getValue())) {
                problems.add(new ConfigProblem(prefix + r.getKey(), "given together with its new name " + prefix
                        + r.getValue() + "; keep only " + r.getValue()));
            } else {
                object.set(r.getValue(), value);
                notes.add(prefix + r.getKey() + ": read as " + prefix + r.getValue() + " (Freqtrade's old name)");
            }
        }
    }
}
