package dev.botfleet.server.backtest;

import dev.botfleet.server.backtest.optimize.PriceMovePortfolio;
import dev.botfleet.strategies.StrategyCatalog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * hyperopt --config over 2 shipped pairs: mostly with a stand-in portfolio run whose result depends on every trial value
 * (so a test can count and fail runs), once on the engine's portfolio runs.
 */
class HyperoptCommandTest {
    @TempDir
    Path work;
    static Path datasets;

    private ByteArrayOutputStream out = new ByteArrayOutputStream();
    private ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void locate() {
        datasets = ShippedDatasets.directory();
    }

    private static final String CONFIG = """
            {
              "stake_currency": "BTC", "stake_amount": 0.1, "max_open_trades": 2, "dry_run_wallet": 1,
              "timeframe": "5m", "startup_candle_count": 30, "stoploss": -0.10, "minimal_roi": {"0": 0.04},
              "exchange": {"name": "binance", "pair_whitelist": ["LTC/BTC", "ETC/BTC"]},
              "strategy": "rsi", "timerange": "20180120-20180122"
            }
            """;

    private int run(dev.botfleet.server.backtest.config.PortfolioBacktests portfolio, String... extra) throws IOException {
        Path config = work.resolve("config.json");
        Files.writeString(config, CONFIG);
        out = new ByteArrayOutputStream();
        err = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(List.of("--config", config.toString(), "--datadir", datasets.toString()));
        args.addAll(List.of(extra));
        return new HyperoptCommand(new CatalogStrategies(new StrategyCatalog()), portfolio,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(args.toArray(String[]::new));
    }

    private static String[] search(Path outDir, String threads, String... more) {
        List<String> a = new ArrayList<>(List.of("--spaces", "roi", "stoploss", "params", "--param-range",
                "rsiPeriod=10:20", "--hyperopt-loss", "OnlyProfitHyperOptLoss", "--epochs", "14", "--sampler", "tpe",
                "--random-state", "7", "-j", threads, "--out", outDir.toString()));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    private static JsonNode best(Path dir) throws IOException {
        return JsonMapper.builder().build().readTree(Files.readString(dir.resolve("best.json")));
    }

    /** The checkpoint's trial lines: "trial <index> <loss> <trades> <wins> <profitAbs> <profitTotal> <params>". */
    private static List<String[]> trials(Path dir) throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve(HyperoptCommand.CHECKPOINT));
        return lines.subList(1, lines.size()).stream().map(l -> l.split(" ")).toList();  // line 1: the run's header
    }

    @Test
    void theSameSeedFindsTheSameBestWhateverTheThreadsAndEachTrialRunsTheConfigWithItsValues() throws IOException {
        PriceMovePortfolio first = new PriceMovePortfolio();
        assertThat(run(first, search(work.resolve("a"), "1"))).as(err.toString()).isEqualTo(0);
        assertThat(out.toString()).contains("hyperopt: rsi on 2 pair(s), 8 dimension(s)", "Best result: epoch");
        assertThat(run(new PriceMovePortfolio(), search(work.resolve("b"), "2"))).as(err.toString()).isEqualTo(0);

        JsonNode a = best(work.resolve("a"));
        assertThat(a).isEqualTo(best(work.resolve("b")));
        assertThat(first.calls.get()).isEqualTo(14);
        // the best is the lowest loss of all 14 trials the checkpoint recorded
        List<String[]> trials = trials(work.resolve("a"));
        assertThat(trials).hasSize(14);
        double lowest = trials.stream().mapToDouble(t -> Double.parseDouble(t[2])).min().orElseThrow();
        assertThat(a.get("loss").asDouble()).isEqualTo(lowest);
        // every trial's stoploss, ROI and rsiPeriod reached the portfolio run: 14 distinct combinations
        assertThat(first.seen).hasSize(14);
        double stoploss = a.get("stoploss").asDouble();
        assertThat(stoploss).isBetween(-0.35, -0.02);
        double roi0 = a.get("minimal_roi").get("0").asDouble();
        int rsiPeriod = a.get("params").get("rsiPeriod").asInt();
        assertThat(rsiPeriod).isBetween(10, 20);
        assertThat(first.seen).contains(stoploss + "/" + roi0 + "/" + rsiPeriod);
    }

    @Test
    void enableProtectionsReachesEveryTrialAsFreqtradesFlagDoes() throws IOException {
        PriceMovePortfolio without = new PriceMovePortfolio();
        assertThat(run(without, search(work.resolve("p0"), "1"))).as(err.toString()).isEqualTo(0);
        assertThat(without.protectionsEnabled).containsExactly(false);
        PriceMovePortfolio with = new PriceMovePortfolio();
        assertThat(run(with, search(work.resolve("p1"), "1", "--enable-protections"))).as(err.toString()).isEqualTo(0);
        assertThat(with.protectionsEnabled).containsExactly(true);
    }

    private static String[] engineSearch(Path outDir, String threads) {
        return new String[] {"--spaces", "roi", "stoploss", "params", "--param-range", "rsiPeriod=8:20",
                "--param-range", "oversold=20:35", "--hyperopt-loss", "SharpeHyperOptLoss", "--epochs", "12",
                "--random-state", "1", "-j", threads, "--out", outDir.toString()};
    }

    @Test
    void onTheEnginesPortfolioRunsTheSameSeedFindsTheSameBest() throws IOException {
        var engine = new dev.botfleet.server.backtest.portfolio.EnginePortfolioBacktests(ConfigBacktestCommand.FILES);
        assertThat(run(engine, engineSearch(work.resolve("e1"), "2"))).as(err.toString()).isEqualTo(0);
        String printed = out.toString();
        assertThat(run(engine, engineSearch(work.resolve("e2"), "1"))).as(err.toString()).isEqualTo(0);
        JsonNode best = best(work.resolve("e1"));
        assertThat(best).as(printed).isEqualTo(best(work.resolve("e2")));
        // the engine's runs traded: the best epoch has trades and its loss is the lowest the checkpoint recorded
        assertThat(best.get("trades").asInt()).as(printed).isPositive();
        double lowest = trials(work.resolve("e1")).stream().mapToDouble(t -> Double.parseDouble(t[2])).min().orElseThrow();
        assertThat(best.get("loss").asDouble()).isEqualTo(lowest);
    }

    @Test
    void anInterruptedRunResumedFromItsCheckpointEndsWithTheSameBestWithoutRedoingFinishedEpochs() throws IOException {
        assertThat(run(new PriceMovePortfolio(), search(work.resolve("whole"), "1"))).isEqualTo(0);

        Path dir = work.resolve("resumed");
        // the 6th portfolio run fails, as a killed process would stop: epochs 1-5 are in the checkpoint
        assertThat(run(new PriceMovePortfolio(6), search(dir, "1"))).isEqualTo(1);
        assertThat(err.toString()).contains("interrupted (test)");
        assertThat(trials(dir)).hasSize(5);

        PriceMovePortfolio rest = new PriceMovePortfolio();
        assertThat(run(rest, search(dir, "1", "--resume"))).as(err.toString()).isEqualTo(0);
        assertThat(out.toString()).contains("resumed 5 epoch(s)");
        assertThat(rest.calls.get()).isEqualTo(14 - 5);
        assertThat(best(dir)).isEqualTo(best(work.resolve("whole")));
    }

    @Test
    void withoutResumeAnOldCheckpointIsReplaced() throws IOException {
        Path dir = work.resolve("again");
        assertThat(run(new PriceMovePortfolio(), search(dir, "1"))).isEqualTo(0);
        PriceMovePortfolio second = new PriceMovePortfolio();
        assertThat(run(second, search(dir, "1"))).isEqualTo(0);
        assertThat(second.calls.get()).isEqualTo(14);
        assertThat(trials(dir)).hasSize(14);
    }

    @Test
    void badOptionsExitWith2NamingTheOption() throws IOException {
        Path dir = work.resolve("bad");
        assertThat(run(new PriceMovePortfolio(), search(dir, "1", "--epochs", "0"))).isEqualTo(2);
        assertThat(err.toString()).contains("--epochs: given 2 times");
        String[][] cases = {
                {"--spaces", "roi", "--epochs", "0"}, {"--epochs: must be at least 1"},
                {"--spaces", "buy"}, {"--spaces: unknown space 'buy'"},
                {"--spaces", "roi", "--sampler", "bayes"}, {"--sampler: unknown sampler 'bayes'"},
                {"--spaces", "roi", "--hyperopt-loss", "Sharp"}, {"--hyperopt-loss: unknown 'Sharp'"},
                {"--spaces", "params", "--param-range", "rsiPeriod=1:20"}, {"--param-range rsiPeriod: lo 1 is outside"},
                {"--spaces", "params", "--param-range", "period=1:20"}, {"--param-range period: the strategy rsi has no such parameter"},
                {"--spaces", "roi", "-j", "0"}, {"-j: 0 workers"},
                {"--epochs", "3"}, {"--spaces: is required"},
                {"--spaces", "roi", "--strategy", "nope"}, {"--strategy (strategy): "},
        };
        for (int i = 0; i < cases.length; i += 2) {
            List<String> args = new ArrayList<>(List.of(cases[i]));
            args.addAll(List.of("--out", dir.toString()));
            assertThat(run(new PriceMovePortfolio(), args.toArray(String[]::new))).as(String.join(" ", cases[i])).isEqualTo(2);
            assertThat(err.toString()).as(String.join(" ", cases[i])).contains(cases[i + 1][0]);
        }
    }
}
