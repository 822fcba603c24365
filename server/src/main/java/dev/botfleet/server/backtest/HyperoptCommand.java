package dev.botfleet.server.backtest;

import dev.botfleet.engine.backtest.optimize.Dimension;
import dev.botfleet.engine.backtest.optimize.HyperoptLoss;
import dev.botfleet.engine.backtest.optimize.HyperoptResult;
import dev.botfleet.engine.backtest.optimize.Trial;
import dev.botfleet.server.backtest.config.ConfigRun;
import dev.botfleet.server.backtest.config.PortfolioBacktests;
import dev.botfleet.server.backtest.optimize.HyperoptPlan;
import dev.botfleet.server.backtest.optimize.HyperoptSpaces;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code hyperopt --config c.json --spaces roi stoploss trailing params ...}: Freqtrade's hyperopt over a config's
 * portfolio run. Prints each new best epoch and the best parameters; writes the checkpoint ({@code hyperopt.checkpoint},
 * resumed with {@code --resume}) and {@code best.json} into {@code --out}. Exit 0 done, 2 bad input (naming the
 * option), 1 when a trial failed.
 */
public final class HyperoptCommand {
    public static final String NAME = "hyperopt";
    static final String USAGE = """
            usage: hyperopt --config <config.json> [--strategy id] --spaces roi stoploss trailing params (or all, default)
                            [--hyperopt-loss SharpeHyperOptLoss] [--epochs 100] [--sampler tpe|random|grid]
                            [--random-state 1] [-j N] [--min-trades 1] [--resume] [--timerange 20180110-20180130]
                            [--datadir dir] [--param-range name=lo:hi | name=a,b,c]... [--enable-protections]
                            [--out target/hyperopt]
              params searches the strategy's declared parameter ranges (or only those given with --param-range).
            """;
    static final Set<String> OPTIONS = Set.of("--config", "--strategy", "--spaces", "--hyperopt-loss", "--epochs",
            "--sampler", "--random-state", "-j", "--job-workers", "--min-trades", "--timerange", "--datadir", "--out",
            "--param-range", "--timeframe");
    static final Set<String> FLAGS = Set.of("--help", "--resume", "--enable-protections");
    static final String CHECKPOINT = "hyperopt.checkpoint";

    private final StrategyResolver catalog;
    private final PortfolioBacktests portfolio;
    private final PrintStream out;
    private final PrintStream err;
    private final JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final JsonMapper COMPACT = JsonMapper.builder().build();

    public HyperoptCommand(StrategyResolver catalog, PortfolioBacktests portfolio, PrintStream out, PrintStream err) {
        this.catalog = catalog;
        this.portfolio = portfolio;
        this.out = out;
        this.err = err;
    }

    public int run(String[] args) {
        try {
            CommandLine cl = new CommandLine(ConfigFileOptions.spreadMultiValues(args, Set.of("--spaces")), OPTIONS, FLAGS);
            if (cl.has("--help")) {
                out.print(USAGE);
                return 0;
            }
            HyperoptLoss loss = loss(cl);
            int epochs = ConfigFileOptions.positiveInt(cl, "--epochs", 100);
            String sampler = cl.get("--sampler") == null ? "tpe" : cl.get("--sampler").strip();
            HyperoptPlan.sampler(sampler, "--sampler");
            long seed = seed(cl);
            int threads = threads(cl);
            int minTrades = ConfigFileOptions.positiveInt(cl, "--min-trades", 1);
            Map<String, String> ranges = ranges(cl.all("--param-range"));
            if (cl.all("--spaces").isEmpty()) throw new IllegalArgumentException("--spaces: is required, e.g. --spaces roi stoploss");
            ConfigRun run = ConfigFileOptions.resolve(cl, NAME, catalog, err);
            if (run == null) return 2;
            int minutes = (int) (run.pairs().timeframe().millis() / 60_000L);
            List<Dimension> space = HyperoptSpaces.build(cl.all("--spaces"), "--spaces", minutes,
                    run.strategy().definition(), run.config().strategyParams(), ranges, "--param-range");
            HyperoptPlan plan = new HyperoptPlan(run, space, loss, sampler, epochs, seed, threads, minTrades);
            Path dir = Path.of(cl.get("--out") == null ? "target/hyperopt" : cl.get("--out"));
            Files.createDirectories(dir);
            Path checkpoint = dir.resolve(CHECKPOINT);
            if (!cl.has("--resume")) Files.deleteIfExists(checkpoint);  // Freqtrade too starts afresh unless told
            out.printf("hyperopt: %s on %d pair(s), %d dimension(s) %s, %s, %s sampler, %d epochs, seed %d%n",
                    run.strategy().name(), run.pairs().pairs().size(), space.size(),
                    space.stream().map(Dimension::name).toList(), loss.name(), sampler, epochs, seed);
            HyperoptResult result = runLogged(plan, checkpoint);
            if (result.resumed() > 0) out.printf("resumed %d epoch(s) from %s%n", result.resumed(), checkpoint);
            if (result.best() == null) {
                err.println("hyperopt: no epoch finished");
                return 1;
            }
            Map<String, Object> best = plan.best(result.best());
            Files.writeString(dir.resolve("best.json"), json.writeValueAsString(best), StandardCharsets.UTF_8);
            printBest(best);
            out.printf("%d epochs (%d at once at most); wrote %s%n", result.trials().size(), result.maxInFlight(),
                    dir.resolve("best.json"));
            return 0;
        } catch (IllegalArgumentException e) {
            err.println(NAME + ": " + e.getMessage());
            return 2;
        } catch (IllegalStateException e) {  // a trial failed, or the checkpoint belongs to another run
            err.println(NAME + ": " + e.getMessage());
            return 1;
        } catch (IOException | UncheckedIOException e) {
            err.println(NAME + ": " + e);
            return 2;
        }
    }

    private HyperoptResult runLogged(HyperoptPlan plan, Path checkpoint) {
        int[] bestIndex = {-1};
        return plan.hyperopt(portfolio, checkpoint, (done, total, best) -> {
            if (best != null && best.index() != bestIndex[0]) {  // Freqtrade prints the epochs that improve
                bestIndex[0] = best.index();
                out.printf(java.util.Locale.ROOT, "* %d/%d: best epoch %d  loss %.5f  %d trades  profit %.2f %%%n", done, total,
                        best.index() + 1, best.loss(), best.summary().trades(), best.summary().profitTotal() * 100);
            } else if (done == total) {
                out.printf("  %d/%d done%n", done, total);
            }
        }).run();
    }

    private void printBest(Map<String, Object> best) {
        out.println("Best result: epoch " + best.get("epoch") + ", loss " + best.get("loss"));
        for (String block : List.of("params", "minimal_roi", "stoploss", "trailing")) {
            if (best.containsKey(block)) out.println("  " + block + ": " + COMPACT.writeValueAsString(best.get(block)));
        }
    }

    private static HyperoptLoss loss(CommandLine cl) {
        String name = cl.get("--hyperopt-loss");
        try {
            return HyperoptLoss.named(name == null ? "SharpeHyperOptLoss" : name.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--hyperopt-loss: " + e.getMessage().replaceFirst("^hyperopt loss: ", ""));
        }
    }

    private static long seed(CommandLine cl) {
        String v = cl.get("--random-state");
        if (v == null) return 0;
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--random-state: '" + v + "' is not a whole number");
        }
    }

    /** Freqtrade's -j: -1 is all cores, -2 all but one, a positive number that many. */
    private static int threads(CommandLine cl) {
        String option = cl.has("-j") ? "-j" : "--job-workers";
        String v = cl.get(option);
        int cores = Runtime.getRuntime().availableProcessors();
        if (v == null) return cores;
        int n;
        try {
            n = Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + ": '" + v + "' is not a whole number");
        }
        if (n == 0) throw new IllegalArgumentException(option + ": 0 workers cannot run anything; -1 is all cores");
        return n > 0 ? n : Math.max(1, cores + 1 + n);
    }

    static Map<String, String> ranges(List<String> given) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String g : given) {
            int eq = g.indexOf('=');
            if (eq <= 0) throw new IllegalArgumentException("--param-range: expected name=lo:hi or name=a,b, got '" + g + "'");
            String name = g.substring(0, eq).strip();
            if (out.put(name, g.substring(eq + 1)) != null) {
                throw new IllegalArgumentException("--param-range " + name + ": given twice");
            }
        }
        return out;
    }
}
