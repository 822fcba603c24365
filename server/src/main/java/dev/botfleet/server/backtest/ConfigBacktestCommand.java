package dev.botfleet.server.backtest;

import dev.botfleet.engine.backtest.BacktestProgress;
import dev.botfleet.server.backtest.config.CandleFiles;
import dev.botfleet.server.backtest.config.ConfigProblem;
import dev.botfleet.server.backtest.config.ConfigRun;
import dev.botfleet.server.backtest.config.ConfigRunResolver;
import dev.botfleet.server.backtest.config.FreqtradeConfigException;
import dev.botfleet.server.backtest.config.PortfolioBacktests;
import dev.botfleet.server.backtest.portfolio.PortfolioRunResult;
import tools.jackson.core.JacksonException;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code backtest --config config.json ...}: a multi-pair run stated as a Freqtrade configuration. Command-line options
 * override the file's keys as Freqtrade's do ({@code --timerange} sets {@code timerange}, and so on). A refused
 * configuration exits with 2 and prints every problem, naming the file and the key path (or the option that set it).
 */
final class ConfigBacktestCommand {
    static final String USAGE = """
            usage: backtest --config <config.json> [--strategy id] [--param name=value]... [--timerange 20180110-20180130]
                            [--enable-protections] [--timeframe 5m] [--timeframe-detail 1m] [--datadir dir]
                            [--max-open-trades N] [--stake-amount X|unlimited] [--fee 0.001] [--markets markets.json]
                            [--out target/report]
              The file is Freqtrade's config.json (comments and trailing commas allowed); "strategy" is a botfleet
              catalog id and "strategy_params": {...} holds its parameters. Options override the file's keys.
            """;
    static final Set<String> OPTIONS = Set.of("--config", "--strategy", "--param", "--timerange", "--timeframe",
            "--timeframe-detail", "--datadir", "--max-open-trades", "--stake-amount", "--fee", "--out", "--markets");
    static final Set<String> FLAGS = Set.of("--help", "--enable-protections");

    /** Which config key each overriding option sets, so a refused value is reported under the option's name. */
    private static final Map<String, String> KEY_OF_OPTION = Map.of("--strategy", "strategy", "--timerange", "timerange",
            "--timeframe", "timeframe", "--timeframe-detail", "timeframe_detail", "--datadir", "datadir",
            "--max-open-trades", "max_open_trades", "--stake-amount", "stake_amount", "--fee", "fee",
            "--enable-protections", "enable_protections");

    /** Freqtrade reads its config with comments and trailing commas allowed, and Infinity for max_open_trades. */
    static final JsonMapper LENIENT = JsonMapper.builder().enable(JsonReadFeature.ALLOW_JAVA_COMMENTS,
            JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
    private static final JsonMapper OUT = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** The command line's candle files: the config's {@code datadir} (or --datadir). */
    static final java.util.function.Function<dev.botfleet.server.backtest.config.FreqtradeConfig, CandleFiles> FILES =
            c -> c.datadir() == null ? null : CandleFiles.directory(Path.of(c.datadir()));

    private final StrategyResolver catalog;
    private final PortfolioBacktests portfolio;
    private final PrintStream out;
    private final PrintStream err;

    ConfigBacktestCommand(StrategyResolver catalog, PortfolioBacktests portfolio, PrintStream out, PrintStream err) {
        this.catalog = catalog;
        this.portfolio = portfolio;
        this.out = out;
        this.err = err;
    }

    int run(CommandLine cl) throws IOException {
        Path file = Path.of(cl.required("--config"));
        if (!Files.isRegularFile(file)) throw new IllegalArgumentException("--config: " + file + " is not a file");
        String name = file.getFileName().toString();
        JsonNode root;
        try {
            root = LENIENT.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (JacksonException e) {
            throw new IllegalArgumentException(name + ": not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")"));
        }
        if (root instanceof ObjectNode object) {
            override(object, cl);
            if (cl.has("--markets")) object.set("markets", markets(Path.of(cl.get("--markets"))));
        }
        ConfigRun run;
        try {
            run = ConfigRunResolver.resolve(root, name, catalog,
                    FILES);
        } catch (FreqtradeConfigException e) {
            err.println("backtest: " + e.source() + ": " + e.problems().size() + " problem(s):");
            for (ConfigProblem p : e.problems()) err.println("  " + named(p, cl) + ": " + p.message());
            return 2;
        }
        for (String note : run.config().notes()) out.println("note: " + note);
        for (String warning : run.pairs().warnings()) out.println("warning: " + warning);
        Path dir = Path.of(cl.get("--out") == null ? "target/report" : cl.get("--out"));
        Files.createDirectories(dir);
        PortfolioBacktests.PortfolioOutcome outcome = portfolio.run(run.config(), run.pairs(), run.strategy(),
                run.params(), BacktestProgress.NONE);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("config", name);
        result.put("strategy", run.strategy().name());
        result.put("params", run.params());
        result.put("pairs", run.pairs().pairs().stream().map(p -> Map.of("pair", p.pair(), "file", p.file(),
                "candles", p.candles().size())).toList());
        result.put("notes", run.config().notes());
        result.put("warnings", run.pairs().warnings());
        result.put("result", outcome.report());
        Files.writeString(dir.resolve("result.json"), OUT.writeValueAsString(result), StandardCharsets.UTF_8);
        if (outcome.report() instanceof PortfolioRunResult portfolioRun) {
            for (String note : portfolioRun.notes()) out.println("note: " + note);
            for (String warning : portfolioRun.warnings()) out.println("warning: " + warning);
            out.print(portfolioRun.text());
            Files.writeString(dir.resolve("report.html"), PortfolioHtmlReport.render(portfolioRun),
                    StandardCharsets.UTF_8);
        }
        out.printf("%s on %d pair(s); wrote %s%n", run.strategy().name(), run.pairs().pairs().size(),
                dir.resolve("result.json"));
        if (outcome.failure() != null) {
            err.println("backtest: the run stopped: " + outcome.failure());
            return 1;
        }
        return 0;
    }

    /** {@code --markets FILE}: ccxt's load_markets as JSON, checked with the config (problems name file and key). */
    private static JsonNode markets(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new IllegalArgumentException("--markets: " + file + " is not a file");
        try {
            return LENIENT.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (JacksonException e) {
            throw new IllegalArgumentException("--markets: " + file + ": not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")"));
        }
    }

    /** Command-line options replace the file's keys, as Freqtrade's command line overrides its config. */
    private void override(ObjectNode root, CommandLine cl) {
        for (Map.Entry<String, String> e : KEY_OF_OPTION.entrySet()) {
            if (!cl.has(e.getKey())) continue;
            String key = e.getValue();
            if (FLAGS.contains(e.getKey())) {
                root.put(key, true);
                continue;
            }
            String value = cl.get(e.getKey()).strip();
            switch (key) {
                case "max_open_trades", "stake_amount", "fee" -> putNumberOrText(root, key, value);
                default -> root.put(key, value);
            }
        }
        List<String> given = cl.all("--param");
        if (!given.isEmpty()) {
            JsonNode existing = root.get("strategy_params");
            ObjectNode params = existing instanceof ObjectNode o ? o : root.putObject("strategy_params");
            Map<String, Object> parsed = BacktestCommand.params(given, definitionOf(root.get("strategy")));
            for (Map.Entry<String, Object> p : parsed.entrySet()) params.set(p.getKey(), LENIENT.valueToTree(p.getValue()));
        }
    }

    private static void putNumberOrText(ObjectNode root, String key, String value) {
        try {
            double number = Double.parseDouble(value);
            if (number == Math.rint(number) && Math.abs(number) < 1e15) root.put(key, (long) number);
            else root.put(key, number);
        } catch (NumberFormatException e) {
            root.put(key, value);  // "unlimited", or a wrong value the parser then names
        }
    }

    /** The strategy's definition (to read JSON-typed --param values as JSON), or null when it cannot be resolved yet. */
    private dev.botfleet.engine.strategy.definition.StrategyDefinition definitionOf(JsonNode strategy) {
        if (strategy == null || !strategy.isString()) return null;
        try {
            return catalog.resolve(strategy.asString()).definition();
        } catch (IllegalArgumentException e) {
            return null;  // reported by the resolver under "strategy"
        }
    }

    /** "max_open_trades" set by --max-open-trades is reported as "--max-open-trades (max_open_trades)". */
    private static String named(ConfigProblem p, CommandLine cl) {
        for (Map.Entry<String, String> e : KEY_OF_OPTION.entrySet()) {
            if (cl.has(e.getKey()) && (p.path().equals(e.getValue()) || p.path().startsWith(e.getValue() + "."))) {
                return e.getKey() + " (" + p.path() + ")";
            }
        }
        if (cl.has("--markets") && (p.path().equals("markets") || p.path().startsWith("markets."))) {
            return "--markets " + cl.get("--markets") + " (" + p.path() + ")";
        }
        if (p.path().startsWith("strategy_params.")) {
            String param = p.path().substring("strategy_params.".length());
            if (cl.all("--param").stream().anyMatch(s -> s.strip().startsWith(param + "="))) return "--param " + param;
        }
        return p.path();
    }

    static boolean wanted(String[] args) {
        for (String a : args) {
            if (a.equals("--config") || a.startsWith("--config=")) return true;
        }
        return false;
    }
}
