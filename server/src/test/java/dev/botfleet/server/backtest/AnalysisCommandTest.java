package dev.botfleet.server.backtest;

import dev.botfleet.strategies.StrategyCatalog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** lookahead-analysis and recursive-analysis over the pairs of a config, on shipped data. */
class AnalysisCommandTest {
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
              "timeframe": "5m", "stoploss": -0.10,
              "exchange": {"name": "binance", "pair_whitelist": ["LTC/BTC", "ETC/BTC"]},
              "strategy": "rsi", "strategy_params": {"oversold": 35, "overbought": 65}
            }
            """;

    private int run(String command, String... extra) throws IOException {
        Path config = work.resolve("config.json");
        Files.writeString(config, CONFIG);
        out = new ByteArrayOutputStream();
        err = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(List.of("--config", config.toString(), "--datadir", datasets.toString()));
        args.addAll(List.of(extra));
        return new AnalysisCommand(command, new CatalogStrategies(new StrategyCatalog()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(args.toArray(String[]::new));
    }

    @Test
    void rsiUsesOnlyThePastSoLookaheadFindsNoBiasOnEitherPair() throws IOException {
        int rc = run(AnalysisCommand.LOOKAHEAD, "--timerange", "20180120-20180123", "--targeted-trade-amount", "5");
        assertThat(rc).as(err.toString()).isEqualTo(0);
        List<String> lines = out.toString().lines().toList();
        assertThat(lines.getFirst()).contains("pair", "has_bias", "total_signals", "biased_indicators");
        // one row per pair, in whitelist order; rsi's signals and its reported rsi value do not change on cut data
        assertThat(lines.get(2)).as(out.toString()).matches("\\| LTC/BTC +\\| rsi +\\| false +\\| [1-9]\\d* +\\| 0 +\\| 0 +\\| +\\|");
        assertThat(lines.get(3)).matches("\\| ETC/BTC +\\| rsi +\\| false +\\| [1-9]\\d* +\\| 0 +\\| 0 +\\| +\\|");
    }

    @Test
    void recursiveAnalysisPrintsEachIndicatorsDriftPerStartupCount() throws IOException {
        int rc = run(AnalysisCommand.RECURSIVE, "--timerange", "20180120-20180124", "--startup-candle", "20", "400",
                "--threshold", "0.5");
        assertThat(rc).as(err.toString()).isEqualTo(0);
        String text = out.toString();
        assertThat(text).contains("LTC/BTC (rsi), difference from 400 startup candles", "ETC/BTC (rsi)");
        // the 400-candle run is the reference, so its own column shows no difference ("-") on every row
        assertThat(text.lines().filter(l -> l.startsWith("| rsi")).toList()).hasSize(2)
                .allSatisfy(l -> assertThat(l).endsWith("| -   |"));
    }

    @Test
    void badInputExitsWith2NamingTheOption() throws IOException {
        assertThat(run(AnalysisCommand.LOOKAHEAD, "--targeted-trade-amount", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--targeted-trade-amount: must be at least 1");
        assertThat(run(AnalysisCommand.RECURSIVE, "--startup-candle", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--startup-candle: must be 1 or more");
        assertThat(run(AnalysisCommand.RECURSIVE, "--threshold", "x")).isEqualTo(2);
        assertThat(err.toString()).contains("--threshold: 'x' is not a number");
        assertThat(run(AnalysisCommand.RECURSIVE, "--timerange", "20180120-20180121", "--startup-candle", "5000")).isEqualTo(2);
        assertThat(err.toString()).contains("--startup-candle: LTC/BTC", "5000 startup candles need 5001 candles");
        assertThat(run(AnalysisCommand.LOOKAHEAD, "--spaces", "roi")).isEqualTo(2);
        assertThat(err.toString()).contains("--spaces: unknown option");
    }
}
