package dev.botfleet.server.backtest;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The backtest command with a user's own class compiled in the test (no Spring context: the command needs none). */
class BacktestCommandTest {
    @TempDir
    static Path work;
    static Path classes;
    static Path ltc;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void compile() throws IOException, URISyntaxException {
        classes = UserStrategyCompiler.compile(work);
        ltc = Path.of(BacktestCommandTest.class.getResource("/datasets/LTC_BTC-5m.json").toURI());
    }

    private int run(String... args) {
        StrategyResolver none = id -> {
            throw new IllegalArgumentException("--strategy: unknown strategy '" + id + "'");
        };
        return new BacktestCommand(none, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    /** With the strategy catalog, as the packaged command has it. */
    private int runWithCatalog(String... args) {
        return new BacktestCommand(new CatalogStrategies(new dev.botfleet.strategies.StrategyCatalog()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(args);
    }

    private String[] userArgs(Path outDir, String... extra) {
        List<String> args = new ArrayList<>(List.of("--strategy-class", "example.EveryNth", "--classpath",
                classes.toString(), "--symbol", "LTC/BTC", "--data", ltc.toString(), "--timeframe", "5m",
                "--param", "every=200", "--param", "hold=12", "--param", "quantity=1", "--fee", "0.001",
                "--balance", "10", "--out", outDir.toString()));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    @Test
    void runsAUserClassAndWritesJsonAndASelfContainedHtmlReport() throws IOException {
        Path dir = work.resolve("report");

        int rc = run(userArgs(dir));

        assertThat(rc).as(err.toString()).isZero();
        JsonNode report = JsonMapper.builder().build().readTree(Files.readString(dir.resolve("result.json")));
        assertThat(report.get("strategy").asString()).isEqualTo("example.EveryNth");
        assertThat(report.get("candles").asInt()).isEqualTo(5760);
        // Buys every 200th candle (when flat), sells 12 candles later: 28 round trips in 5760 candles.
        assertThat(report.get("trades")).hasSize(28);
        JsonNode first = report.get("trades").get(0);
        assertThat(first.get("quantity").asString()).isEqualTo("1");
        assertThat(first.get("closeReason").asString()).isEqualTo("SIGNAL");
        assertThat(report.get("metrics").get("trades").asInt()).isEqualTo(28);
        assertThat(report.get("equity").size()).isLessThanOrEqualTo(1000).isGreaterThan(500);
        String html = Files.readString(dir.resolve("report.html"));
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg", "<polyline", "<polygon", "id=\"trades\"",
                "id=\"metrics\"").doesNotContain("<script src", "<link", "src=\"http", "href=\"http");
        assertThat(out.toString()).contains("trades 28").doesNotContain("open position");
        assertThat(report.get("openPosition").isNull()).as("flat at the end").isTrue();
        assertThat(html).contains("<p id=\"open-position\">None: flat after the last candle.</p>");
    }

    @Test
    void aPositionOpenAtTheEndIsShownInTheJsonTheReportAndTheSummary() throws IOException {
        Path dir = work.resolve("open");

        // buys on candle 5750 of 5760 and would sell 100 candles later: still holding 1 LTC at the end
        int rc = run(userArgs(dir, "--param", "every=5750", "--param", "hold=100"));

        assertThat(rc).as(err.toString()).isZero();
        JsonNode report = JsonMapper.builder().build().readTree(Files.readString(dir.resolve("result.json")));
        assertThat(report.get("trades")).isEmpty();
        JsonNode open = report.get("openPosition");
        assertThat(open.get("quantity").asString()).isEqualTo("1");
        assertThat(open.get("lastPrice").asString()).isEqualTo(report.get("prices").get(959).get("close").asString());
        // no closed trade: the whole net profit is the open position's
        assertThat(open.get("unrealizedPnl").asString()).isEqualTo(report.get("metrics").get("netProfit").asString());
        String html = Files.readString(dir.resolve("report.html"));
        assertThat(html).contains("<table id=\"open-position\">", "<td>" + open.get("unrealizedPnl").asString() + "</td>",
                "<td>" + open.get("entryPrice").asString() + "</td>", "open since " + open.get("entryTime").asString());
        assertThat(out.toString()).contains("open position at the end: 1 at " + open.get("entryPrice").asString());
    }

    @Test
    void sameInputsGiveTheSameReportByteForByte() throws IOException {
        assertThat(run(userArgs(work.resolve("a")))).isZero();
        assertThat(run(userArgs(work.resolve("b")))).isZero();

        assertThat(Files.readString(work.resolve("a/result.json"))).isEqualTo(Files.readString(work.resolve("b/result.json")));
        assertThat(Files.readString(work.resolve("a/report.html"))).isEqualTo(Files.readString(work.resolve("b/report.html")));
    }

    @Test
    void sweepRanksCombinationsAndWritesSweepJson() throws IOException {
        Path dir = work.resolve("sweep");

        int rc = run(userArgs(dir, "--sweep", "every=100:300:100", "--sweep", "hold=6,12", "--metric", "totalReturn",
                "--threads", "2"));

        assertThat(rc).as(err.toString()).isZero();
        JsonNode sweep = JsonMapper.builder().build().readTree(Files.readString(dir.resolve("sweep.json")));
        assertThat(sweep.get("combinations").asInt()).isEqualTo(6);
        JsonNode ranked = sweep.get("ranked");
        assertThat(ranked).hasSize(6);
        for (int i = 1; i < ranked.size(); i++) {
            assertThat(ranked.get(i - 1).get("metrics").get("totalReturn").asDouble())
                    .isGreaterThanOrEqualTo(ranked.get(i).get("metrics").get("totalReturn").asDouble());
        }
    }

    @Test
    void walkForwardReportsEachFold() throws IOException {
        Path dir = work.resolve("wf");

        int rc = run(userArgs(dir, "--sweep", "every=100,200", "--walk-forward", "2", "--in-sample", "0.75"));

        assertThat(rc).as(err.toString()).isZero();
        JsonNode sweep = JsonMapper.builder().build().readTree(Files.readString(dir.resolve("sweep.json")));
        assertThat(sweep.get("walkForward")).hasSize(2);
        assertThat(sweep.get("walkForward").get(1).get("outOfSample").get("to").asInt()).isEqualTo(5760);
    }

    @Test
    void badInputIsRefusedNamingTheOptionFileOrLine() throws IOException {
        assertThat(run("--strategy-class", "example.EveryNth", "--classpath", classes.toString(), "--data",
                ltc.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--symbol: is required");

        err.reset();
        assertThat(run(userArgs(work.resolve("x"), "--fill-model", "magic"))).isEqualTo(2);
        assertThat(err.toString()).contains("--fill-model:").contains("realistic, freqtrade");

        err.reset();
        assertThat(run(userArgs(work.resolve("x"), "--slippage-ticks", "-1"))).isEqualTo(2);
        assertThat(err.toString()).contains("--slippage-ticks: must be 0 or more ticks");

        err.reset();
        assertThat(run("--strategy", "nope", "--symbol", "LTC/BTC", "--data", ltc.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("unknown strategy 'nope'");

        err.reset();
        Path bad = work.resolve("bad.csv");
        Files.writeString(bad, "time,open,high,low,close,volume\n1515560100000,1,2,0.5,1.5,10\n1515560400000,1,x,0.5,1,10\n");
        assertThat(run("--strategy-class", "example.EveryNth", "--classpath", classes.toString(), "--symbol", "LTC/BTC",
                "--data", bad.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("bad.csv").contains("3");

        err.reset();
        assertThat(run(userArgs(work.resolve("x"), "--frobnicate"))).isEqualTo(2);
        assertThat(err.toString()).contains("--frobnicate: unknown option");

        err.reset();
        assertThat(run("--strategy-class", "example.Missing", "--classpath", classes.toString(), "--symbol", "LTC/BTC",
                "--data", ltc.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--strategy-class: example.Missing was not found");
    }

    @Test
    void aPerpetualRunShortsAndBooksFundingFromAFile() throws IOException {
        Path rates = work.resolve("LTC_BTC-funding.csv");
        StringBuilder csv = new StringBuilder("time,rate\n");
        for (long t = 1515542400000L; t < 1517356800000L; t += 8 * 3_600_000L) csv.append(t).append(",0.0001\n");
        Files.writeString(rates, csv.toString());
        Path dir = work.resolve("perp");
        int rc = runWithCatalog("--strategy", "scalper", "--symbol", "LTC/BTC", "--data", ltc.toString(), "--balance", "1",
                "--param", "firstOrder=SELL", "--param", "quantity=10", "--param", "sellPrice=0.0170",
                "--param", "buyPrice=0.0160", "--leverage", "3", "--funding-rates", rates.toString(),
                "--out", dir.toString());
        assertThat(rc).as(err.toString()).isZero();
        String json = Files.readString(dir.resolve("result.json"));
        assertThat(json).contains("\"direction\" : \"SHORT\"").doesNotContain("no funding-rate data");

        err.reset();
        assertThat(runWithCatalog("--strategy", "scalper", "--symbol", "LTC/BTC", "--data", ltc.toString(),
                "--funding-rates", rates.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--funding-rates: only a perpetual run (--leverage) books funding");

        err.reset();
        Files.writeString(rates, "time,rate\n1515542400000,0.0001\n1515542400000,0.0002\n");
        assertThat(runWithCatalog("--strategy", "scalper", "--symbol", "LTC/BTC", "--data", ltc.toString(), "--leverage", "3",
                "--funding-rates", rates.toString(), "--param", "quantity=10", "--param", "sellPrice=0.0170",
                "--param", "buyPrice=0.0160")).isEqualTo(2);
        assertThat(err.toString()).contains("LTC_BTC-funding.csv: line 3: time 1515542400000 is not after the previous fixing");
    }
}
