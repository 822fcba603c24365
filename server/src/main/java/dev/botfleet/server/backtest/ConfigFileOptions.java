package dev.botfleet.server.backtest;

import dev.botfleet.server.backtest.config.CandleFiles;
import dev.botfleet.server.backtest.config.ConfigProblem;
import dev.botfleet.server.backtest.config.ConfigRun;
import dev.botfleet.server.backtest.config.ConfigRunResolver;
import dev.botfleet.server.backtest.config.FreqtradeConfigException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the hyperopt and analysis commands share with {@code backtest --config}: read the config file (Freqtrade's
 * lenient JSON), let {@code --strategy}, {@code --timerange} and {@code --datadir} override its keys, resolve it, and
 * print every problem naming the option or key path. Also spreads Freqtrade's multi-value options
 * ({@code --spaces roi stoploss}) into repeated ones.
 */
final class ConfigFileOptions {
    static final Map<String, String> KEY_OF_OPTION = Map.of("--strategy", "strategy", "--timerange", "timerange",
            "--datadir", "datadir", "--timeframe", "timeframe");

    private ConfigFileOptions() {
    }

    /** {@code --spaces a b -j 3} becomes {@code --spaces a --spaces b -j 3}. */
    static String[] spreadMultiValues(String[] args, Set<String> multi) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            out.add(args[i]);
            if (!multi.contains(args[i])) continue;
            int first = i + 1;
            while (i + 1 < args.length && !args[i + 1].startsWith("-")) {  // -j too ends the list
                if (i + 1 > first) out.add(args[first - 1]);
                out.add(args[++i]);
            }
        }
        return out.toArray(String[]::new);
    }

    /** The resolved run, or null after printing the config's problems to {@code err} (exit 2). */
    static ConfigRun resolve(CommandLine cl, String command, StrategyResolver catalog, PrintStream err) throws IOException {
        Path file = Path.of(cl.required("--config"));
        if (!Files.isRegularFile(file)) throw new IllegalArgumentException("--config: " + file + " is not a file");
        String name = file.getFileName().toString();
        JsonNode root;
        try {
            root = ConfigBacktestCommand.LENIENT.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (JacksonException e) {
            throw new IllegalArgumentException("--config: " + name + ": not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
        }
        if (root instanceof ObjectNode object) {
            for (Map.Entry<String, String> e : KEY_OF_OPTION.entrySet()) {
                if (cl.has(e.getKey())) object.put(e.getValue(), cl.get(e.getKey()).strip());
            }
            // Freqtrade's flag: the config's protections only count with it (hyperopt accepts it, the analyses do not)
            if (cl.has("--enable-protections")) object.put("enable_protections", true);
        }
        try {
            return ConfigRunResolver.resolve(root, name, catalog,
                    c -> c.datadir() == null ? null : CandleFiles.directory(Path.of(c.datadir())));
        } catch (FreqtradeConfigException e) {
            err.println(command + ": " + e.source() + ": " + e.problems().size() + " problem(s):");
            for (ConfigProblem p : e.problems()) err.println("  " + named(p, cl) + ": " + p.message());
            return null;
        }
    }

    private static String named(ConfigProblem p, CommandLine cl) {
        for (Map.Entry<String, String> e : KEY_OF_OPTION.entrySet()) {
            if (cl.has(e.getKey()) && (p.path().equals(e.getValue()) || p.path().startsWith(e.getValue() + "."))) {
                return e.getKey() + " (" + p.path() + ")";
            }
        }
        return p.path();
    }

    static int positiveInt(CommandLine cl, String option, int fallback) {
        String v = cl.get(option);
        if (v == null) return fallback;
        try {
            int n = Integer.parseInt(v.strip());
            if (n < 1) throw new IllegalArgumentException(option + ": must be at least 1, got " + v);
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + ": '" + v + "' is not a whole number");
        }
    }
}
