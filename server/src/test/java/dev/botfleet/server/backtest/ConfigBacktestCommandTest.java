package dev.botfleet.server.backtest;

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

import static org.assertj.core.api.Assertions.assertThat;

/** backtest --config: Freqtrade's config.json with command-line overrides, over the shipped datasets' directory. */
class ConfigBacktestCommandTest {
    @TempDir
    Path work;
    static Path datasets;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final RecordingPortfolioBacktests portfolio = new RecordingPortfolioBacktests();

    @BeforeAll
    static void locate() {
        datasets = ShippedDatasets.directory();
    }

    private int run(String... args) {
        return new BacktestCommand(new CatalogStrategies(new StrategyCatalog()), portfolio,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(args);
    }

    private Path config(String json) throws IOException {
        Path file = work.resolve("config.json");
        Files.writeString(file, json);
        return file;
    }

    private static final String CONFIG = """
            {
              // Freqtrade allows comments and trailing commas in config.json
              "stake_currency": "BTC", "stake_amount": 0.05, "max_open_trades": 3, "dry_run_wallet": 1,
              "timeframe": "5m", "startup_candle_count": 30, "stoploss": -0.10,
              "minimal_roi": {"0": 0.04, "20": 0.02},
              "exchange": {"name": "binance", "key": "", "secret": "", "pair_whitelist": ["LTC/BTC", "ETC/BTC"],},
              "telegram": {"enabled": false},
              "strategy": "rsi", "strategy_params": {"rsiPeriod": 14},
            }
            """;

    @Test
    void aConfigRunsWithOverridesAppliedAsFreqtradesCommandLineDoes() throws IOException {
        Path outDir = work.resolve("out");
        int rc = run("--config", config(CONFIG).toString(), "--datadir", datasets.toString(),
                "--timerange", "20180120-20180121", "--max-open-trades", "1", "--stake-amount", "unlimited",
                "--param", "rsiPeriod=10", "--enable-protections", "--out", outDir.toString());
        assertThat(rc).as(err.toString()).isEqualTo(0);
        assertThat(portfolio.config.maxOpenTrades()).isEqualTo(1);
        assertThat(portfolio.config.unlimitedStake()).isTrue();
        assertThat(portfolio.config.enableProtections()).isTrue();
        assertThat(portfolio.strategy.name()).isEqualTo("rsi");
        assertThat(portfolio.params).containsEntry("rsiPeriod", "10");
        // 2018-01-20 00:00 .. 2018-01-21 00:00 inclusive: 24 h / 5 min + 1 = 289 candles, plus 30 warm-up = 319
        assertThat(portfolio.pairs.pairs()).extracting(p -> p.candles().size()).containsExactly(319, 319);
        assertThat(portfolio.pairs.pairs()).extracting(p -> p.pair()).containsExactly("LTC/BTC", "ETC/BTC");
        assertThat(portfolio.pairs.startMillis()).isEqualTo(1516406400000L);
        assertThat(out.toString()).contains("note: telegram: ignored, it does not change a backtest",
                "note: exchange.key: ignored, a backtest needs no credentials");
        JsonNode result = JsonMapper.builder().build().readTree(Files.readString(outDir.resolve("result.json")));
        assertThat(result.get("result").get("pairs").asInt()).isEqualTo(2);
        assertThat(result.get("config").asString()).isEqualTo("config.json");
    }

    @Test
    void everyProblemIsPrintedNamingTheFileTheKeyOrTheOption() throws IOException {
        int rc = run("--config", config("""
                {"stake_currency": "BTC", "stake_amount": 0.05, "timeframe": "5m",
                 "unfilledtimeout": {"entry": 10, "unit": "hours"},
                 "exchange": {"pair_whitelist": ["LTC/BTC", "DOGE/BTC"]},
                 "strategy": "rsi", "strategy_params": {"rsiPeriod": 1}}""").toString(),
                "--datadir", datasets.toString(), "--max-open-trades", "many", "--param", "oversold=-5");
        assertThat(rc).isEqualTo(2);
        assertThat(portfolio.calls).isZero();
        String e = err.toString();
        assertThat(e).contains("backtest: config.json: 2 problem(s):",
                "  unfilledtimeout.unit: must be \"minutes\" or \"seconds\", was \"hours\"",
                "  --max-open-trades (max_open_trades): must be -1 (unlimited) or a whole number of at least 0,"
                        + " was \"many\"");
        // the parameters and the pairs' data are checked once the configuration itself is valid
        int again = run("--config", config("""
                {"stake_currency": "BTC", "stake_amount": 0.05, "timeframe": "5m",
                 "exchange": {"pair_whitelist": ["LTC/BTC", "DOGE/BTC"]},
                 "strategy": "rsi", "strategy_params": {"rsiPeriod": 1}}""").toString(),
                "--datadir", datasets.toString(), "--param", "oversold=-5");
        assertThat(again).isEqualTo(2);
        assertThat(err.toString()).contains("  strategy_params.rsiPeriod: ", "  --param oversold: ",
                "  exchange.pair_whitelist: DOGE/BTC: no 5m candles; looked for ");
        assertThat(err.toString()).contains("DOGE_BTC-5m{.json|.json.gz|.csv}");
    }

    @Test
    void singleSymbolOptionsAndBadJsonAreRefusedByName() throws IOException {
        assertThat(run("--config", config(CONFIG).toString(), "--symbol", "LTC/BTC")).isEqualTo(2);
        assertThat(err.toString()).contains("backtest: --symbol: not used with --config");
        assertThat(run("--config", config("{\"stake_currency\": \"BTC\",\n \"stake_amount\": }").toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("backtest: config.json: not valid JSON: ", "(line 2, column");
        assertThat(run("--config", work.resolve("nope.json").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--config: ").contains("nope.json is not a file");
    }

    @Test
    void aFailedRunExitsWithOne() throws IOException {
        portfolio.failure = "the strategy threw";
        int rc = run("--config", config(CONFIG).toString(), "--datadir", datasets.toString(), "--timerange",
                "20180120-20180121", "--out", work.resolve("o").toString());
        assertThat(rc).isEqualTo(1);
        assertThat(err.toString()).contains("the run stopped: the strategy threw");
    }
}
