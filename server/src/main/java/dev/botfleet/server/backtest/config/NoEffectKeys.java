package dev.botfleet.server.backtest.config;

import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The keys that are accepted without changing the backtest (told as notes), or accepted only at their default. */
final class NoEffectKeys {
    private NoEffectKeys() {
    }

    /**
     * Notes the top-level keys without effect; refuses keys that would change a backtest in a way botfleet does not
     * simulate yet unless they hold Freqtrade's default, and sections that are only accepted switched off.
     */
    static void check(JsonFields f, List<String> notes) {
        notesFor(f, "", IgnoredKeys.TOP, notes);
        for (Map.Entry<String, Object> e : IgnoredKeys.ONLY_DEFAULT.entrySet()) {
            JsonNode n = f.node(e.getKey());
            if (n != null && !Objects.equals(JsonFields.plain(n), e.getValue())
                    && !(n.isNumber() && e.getValue() instanceof Double d && n.doubleValue() == d)) {
                f.problem(e.getKey(), "only Freqtrade's default " + e.getValue() + " is supported in a backtest, was "
                        + JsonFields.shown(n));
            }
        }
        for (Map.Entry<String, String> e : IgnoredKeys.ONLY_DISABLED.entrySet()) {
            JsonNode n = f.node(e.getKey());
            if (n == null) continue;
            JsonNode enabled = n.get("enabled");
            if (enabled != null && enabled.isBoolean() && !enabled.booleanValue()) {
                notes.add(e.getKey() + ": ignored, it is disabled");
            } else {
                f.problem(e.getKey(), e.getValue() + "; remove the section or set \"enabled\": false");
            }
        }
        if (f.node("available_capital") != null) {
            f.problem("available_capital", "is not supported; give the starting balance as dry_run_wallet");
        }
    }

    /**
     * {@code dataformat_ohlcv}: botfleet reads Freqtrade's json and jsongz files (and CSV); feather (Freqtrade's
     * default since 2023), parquet and hdf5 are binary formats it cannot read, so they are refused with the
     * conversion command rather than reported later as missing files.
     */
    static void dataFormat(JsonFields f, List<String> notes) {
        String format = f.text("dataformat_ohlcv", null);
        if (format == null) return;
        if (format.equals("json") || format.equals("jsongz")) {
            notes.add("dataformat_ohlcv: " + format + " is read, as are .json, .json.gz and .csv files beside it");
        } else {
            f.problem("dataformat_ohlcv", "\"" + format + "\" cannot be read; convert the data with `freqtrade"
                    + " convert-data --format-from " + format + " --format-to json` and set \"json\"");
        }
    }

    /** Notes every present key of {@code ignored}, in the file's order. */
    static void notesFor(JsonFields f, String prefix, Map<String, String> ignored, List<String> notes) {
        ignored.keySet().forEach(f::skip);  // also absent ones: a misspelt key is then suggested its right name
        for (String key : f.keys()) {
            if (ignored.containsKey(key)) {
                notes.add(prefix + key + ": " + ignored.get(key));
            }
        }
    }
}
