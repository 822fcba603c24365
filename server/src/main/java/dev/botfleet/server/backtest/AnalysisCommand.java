package dev.botfleet.server.backtest;

import dev.botfleet.engine.backtest.analysis.IndicatorDrift;
import dev.botfleet.engine.backtest.analysis.LookaheadAnalysis;
import dev.botfleet.engine.backtest.analysis.LookaheadResult;
import dev.botfleet.engine.backtest.analysis.RecursiveAnalysis;
import dev.botfleet.engine.backtest.analysis.RecursiveResult;
import dev.botfleet.server.backtest.config.ConfigRun;
import dev.botfleet.server.backtest.optimize.ConfigAnalyses;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code lookahead-analysis --config c.json [--targeted-trade-amount 20]} and
 * {@code recursive-analysis --config c.json [--startup-candle 199 399 ...] [--threshold 0.5]}: Freqtrade's strategy
 * checks over every pair of a config, printed as tables. Exit 0 whatever they find (the table says it), 2 for bad input.
 */
public final class AnalysisCommand {
    public static final String LOOKAHEAD = "lookahead-analysis";
    public static final String RECURSIVE = "recursive-analysis";
    static final String USAGE_LOOKAHEAD = """
            usage: lookahead-analysis --config <config.json> [--strategy id] [--timerange ...] [--datadir dir]
                                      [--targeted-trade-amount 20]
            """;
    static final String USAGE_RECURSIVE = """
            usage: recursive-analysis --config <config.json> [--strategy id] [--timerange ...] [--datadir dir]
                                      [--startup-candle 199 399 499 999 1999] [--threshold 0.5]
            """;
    private static final Set<String> COMMON = Set.of("--config", "--strategy", "--timerange", "--datadir", "--timeframe");

    private final String name;
    private final StrategyResolver catalog;
    private final PrintStream out;
    private final PrintStream err;

    public AnalysisCommand(String name, StrategyResolver catalog, PrintStream out, PrintStream err) {
        if (!name.equals(LOOKAHEAD) && !name.equals(RECURSIVE)) throw new IllegalArgumentException("unknown analysis " + name);
        this.name = name;
        this.catalog = catalog;
        this.out = out;
        this.err = err;
    }

    public int run(String[] args) {
        try {
            Set<String> options = new java.util.HashSet<>(COMMON);
            options.addAll(name.equals(LOOKAHEAD) ? Set.of("--targeted-trade-amount") : Set.of("--startup-candle", "--threshold"));
            CommandLine cl = new CommandLine(ConfigFileOptions.spreadMultiValues(args, Set.of("--startup-candle")),
                    options, Set.of("--help"));
            if (cl.has("--help")) {
                out.print(name.equals(LOOKAHEAD) ? USAGE_LOOKAHEAD : USAGE_RECURSIVE);
                return 0;
            }
            if (name.equals(LOOKAHEAD)) {
                int target = ConfigFileOptions.positiveInt(cl, "--targeted-trade-amount", LookaheadAnalysis.DEFAULT_TARGET_TRADES);
                ConfigRun run = ConfigFileOptions.resolve(cl, name, catalog, err);
                if (run == null) return 2;
                printLookahead(ConfigAnalyses.lookahead(run, target));
            } else {
                List<Integer> startup = startupCandles(cl.all("--startup-candle"));
                double threshold = threshold(cl.get("--threshold"));
                ConfigRun run = ConfigFileOptions.resolve(cl, name, catalog, err);
                if (run == null) return 2;
                Map<String, RecursiveResult> results;
                try {
                    results = ConfigAnalyses.recursive(run, startup, threshold);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("--startup-candle: " + e.getMessage());
                }
                printRecursive(results);
            }
            return 0;
        } catch (IllegalArgumentException e) {
            err.println(name + ": " + e.getMessage());
            return 2;
        } catch (IOException | UncheckedIOException e) {
            err.println(name + ": " + e);
            return 2;
        }
    }

    private void printLookahead(Map<String, LookaheadResult> results) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("pair", "strategy", "has_bias", "total_signals", "biased_entry_signals", "biased_exit_signals",
                "biased_indicators"));
        for (Map.Entry<String, LookaheadResult> e : results.entrySet()) {
            LookaheadResult r = e.getValue();
            rows.add(List.of(e.getKey(), r.strategy(), String.valueOf(r.hasBias()), String.valueOf(r.signalsChecked()),
                    String.valueOf(r.biasedEntrySignals().size()), String.valueOf(r.biasedExitSignals().size()),
                    String.join(", ", r.biasedIndicators())));
        }
        out.print(table(rows));
        results.forEach((pair, r) -> r.warnings().forEach(w -> out.println("note: " + pair + ": " + w)));
    }

    private void printRecursive(Map<String, RecursiveResult> results) {
        for (Map.Entry<String, RecursiveResult> e : results.entrySet()) {
            RecursiveResult r = e.getValue();
            out.println(e.getKey() + " (" + r.strategy() + "), difference from " + r.startupCandles().getLast()
                    + " startup candles, flagged above " + r.thresholdPercent() + " %:");
            List<List<String>> rows = new ArrayList<>();
            List<String> header = new ArrayList<>(List.of("indicator"));
            for (int c : r.startupCandles()) header.add(String.valueOf(c));
            rows.add(header);
            for (IndicatorDrift d : r.indicators()) {
                List<String> row = new ArrayList<>(List.of(d.indicator() + (d.flagged() ? " *" : "")));
                for (int c : r.startupCandles()) row.add(percent(d.differencePercent().get(c)));
                rows.add(row);
            }
            out.print(table(rows));
            r.warnings().forEach(w -> out.println("note: " + e.getKey() + ": " + w));
        }
    }

    private static String percent(Double v) {
        if (v == null || v.isNaN()) return "not ready";
        if (v == 0) return "-";
        return String.format(Locale.ROOT, "%.3f%%", v);
    }

    /** A plain table, columns padded to their widest cell, like Freqtrade's tabulate output. */
    static String table(List<List<String>> rows) {
        int[] width = new int[rows.getFirst().size()];
        for (List<String> r : rows) for (int i = 0; i < r.size(); i++) width[i] = Math.max(width[i], r.get(i).length());
        StringBuilder s = new StringBuilder();
        for (int n = 0; n < rows.size(); n++) {
            List<String> r = rows.get(n);
            for (int i = 0; i < r.size(); i++) s.append("| ").append(String.format("%-" + width[i] + "s", r.get(i))).append(' ');
            s.append("|\n");
            if (n == 0) {
                for (int w : width) s.append("|").append("-".repeat(w + 2));
                s.append("|\n");
            }
        }
        return s.toString();
    }

    private static List<Integer> startupCandles(List<String> given) {
        if (given.isEmpty()) return RecursiveAnalysis.DEFAULT_STARTUP_CANDLES;
        List<Integer> out = new ArrayList<>();
        for (String g : given) {
            try {
                int n = Integer.parseInt(g.strip());
                if (n < 1) throw new IllegalArgumentException("--startup-candle: must be 1 or more, got " + g);
                out.add(n);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--startup-candle: '" + g + "' is not a whole number");
            }
        }
        return out;
    }

    private static double threshold(String v) {
        if (v == null) return 0.5;  // percent: differences up to half a percent are not flagged
        try {
            double t = Double.parseDouble(v.strip());
            if (!(t >= 0) || Double.isInfinite(t)) throw new IllegalArgumentException("--threshold: must be 0 or more, got " + v);
            return t;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--threshold: '" + v + "' is not a number");
        }
    }
}
