package dev.botfleet.server.backtest;

import dev.botfleet.server.support.ApiTestBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** POST /api/v1/backtests with {@code sweep} and {@code walkForward}: rankings, folds, their agreement with the CLI. */
public abstract class SweepApiCases extends ApiTestBase {

    @TempDir
    Path work;

    /** The rsi strategy on LTC/BTC 5m, as in BacktestApiCases, with a sweep of its period. */
    private static Map<String, Object> rsiSweep(Object rsiPeriod, Map<String, Object> walkForward) {
        Map<String, Object> body = new HashMap<>();
        body.put("strategy", "rsi");
        body.put("dataset", "LTC_BTC-5m");
        body.put("params", Map.of("orderAmount", "0.5", "rsiPeriod", 14));
        body.put("fee", "0.001");
        body.put("balance", 1);
        Map<String, Object> sweep = new HashMap<>();
        sweep.put("ranges", Map.of("rsiPeriod", rsiPeriod));
        sweep.put("metric", "totalReturn");
        body.put("sweep", sweep);
        if (walkForward != null) body.put("walkForward", walkForward);
        return body;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> sweepOf(Map<String, Object> body) {
        return (Map<String, Object>) body.get("sweep");
    }

    private JsonNode finishedResult(Session user, Map<String, Object> body) {
        Answer created = post("/api/v1/backtests", user, body);
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(202);
        Answer done = awaitBacktestFinished(user, created.body().get("id").asString());
        assertThat(done.body().get("status").asString()).as(String.valueOf(done.body())).isEqualTo("DONE");
        assertThat(done.body().get("request").get("sweep").get("metric").asString()).isEqualTo("totalReturn");
        return done.body().get("result");
    }

    @Test
    void aSweepRanksEveryCombinationBestFirstAndOnlyItsOwnerSeesIt() {
        Session user = newUser();
        Answer created = post("/api/v1/backtests", user, rsiSweep("10:14:2", null));
        String id = created.body().get("id").asString();
        JsonNode result = awaitBacktestFinished(user, id).body().get("result");

        assertThat(result.get("combinations").asInt()).isEqualTo(3);
        assertThat(result.get("metric").asString()).isEqualTo("totalReturn");
        JsonNode ranked = result.get("ranked");
        assertThat(ranked).hasSize(3);
        List<Long> periods = new ArrayList<>();
        double previous = Double.POSITIVE_INFINITY;
        for (int i = 0; i < ranked.size(); i++) {
            JsonNode row = ranked.get(i);
            assertThat(row.get("rank").asInt()).isEqualTo(i + 1);
            periods.add(row.get("params").get("rsiPeriod").asLong());
            double r = row.get("metrics").get("totalReturn").asDouble();
            assertThat(r).as("best first").isLessThanOrEqualTo(previous);
            previous = r;
            assertThat(row.get("metrics").get("netProfit").isString()).isTrue();  // money stays an exact string
        }
        assertThat(periods).containsExactlyInAnyOrder(10L, 12L, 14L);
        // a sweep differs from one run: not all periods trade alike
        assertThat(ranked.get(0).get("metrics").get("netProfit").asString())
                .isNotEqualTo(ranked.get(2).get("metrics").get("netProfit").asString());

        Answer other = get("/api/v1/backtests/" + id, newUser());
        assertThat(other.status()).isEqualTo(404);
    }

    @Test
    void aWalkForwardReportsEachFoldAndTheOutOfSampleWhole() {
        Session user = newUser();
        JsonNode result = finishedResult(user, rsiSweep(List.of(10, 14, 20), Map.of("folds", 3, "inSample", 0.75)));

        JsonNode folds = result.get("walkForward");
        assertThat(folds).hasSize(3);
        BigDecimal netProfit = BigDecimal.ZERO;
        int trades = 0;
        for (int i = 0; i < 3; i++) {
            JsonNode f = folds.get(i);
            assertThat(f.get("fold").asInt()).isEqualTo(i);
            assertThat(f.get("best").get("rsiPeriod").asLong()).isIn(10L, 14L, 20L);
            // 5760 candles, 1920 a fold: 1440 choose, 480 judge
            assertThat(f.get("inSample").get("from").asInt()).isEqualTo(i * 1920);
            assertThat(f.get("inSample").get("to").asInt()).isEqualTo(i * 1920 + 1440);
            assertThat(f.get("outOfSample").get("from").asInt()).isEqualTo(i * 1920 + 1440);
            assertThat(f.get("outOfSample").get("fromTime").asString())
                    .isEqualTo(f.get("inSample").get("toTime").asString());
            netProfit = netProfit.add(new BigDecimal(f.get("outOfSample").get("metrics").get("netProfit").asString()));
            trades += f.get("outOfSample").get("metrics").get("trades").asInt();
        }
        assertThat(folds.get(2).get("outOfSample").get("to").asInt()).isEqualTo(5760);
        JsonNode whole = result.get("outOfSample");
        assertThat(whole.get("folds").asInt()).isEqualTo(3);
        assertThat(new BigDecimal(whole.get("netProfit").asString())).isEqualByComparingTo(netProfit);
        assertThat(whole.get("trades").asInt()).isEqualTo(trades);
        assertThat(whole.get("equity")).hasSize(4);  // the start, then the end of each out-of-sample part
        assertThat(whole.get("equity").get(3).get("equity").asString())
                .isEqualTo(whole.get("chainedFinalEquity").asString());
    }

    @Test
    void restAndTheCommandLineAgreeOnAWalkForward() throws IOException, URISyntaxException {
        JsonNode rest = finishedResult(newUser(), rsiSweep("10:20:5", Map.of("folds", 2, "inSample", 0.7)));

        Path data = Path.of(SweepApiCases.class.getResource("/datasets/LTC_BTC-5m.json").toURI());
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = new BacktestCommand(new CatalogStrategies(new dev.botfleet.strategies.StrategyCatalog()),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(new String[] {"--strategy", "rsi",
                "--symbol", "LTC/BTC", "--data", data.toString(), "--param", "orderAmount=0.5", "--param", "rsiPeriod=14",
                "--fee", "0.001", "--balance", "1", "--sweep", "rsiPeriod=10:20:5", "--metric", "totalReturn",
                "--walk-forward", "2", "--in-sample", "0.7", "--threads", "1", "--out", work.toString()});
        assertThat(rc).as(err.toString()).isZero();
        JsonNode cli = JsonMapper.builder().build().readTree(Files.readString(work.resolve("sweep.json")));

        // the same JSON text (the two parsers may pick different number node types for the same digits)
        assertThat(rest.get("walkForward")).hasSize(2);
        assertThat(rest.get("walkForward").toString()).isEqualTo(cli.get("walkForward").toString());
        assertThat(rest.get("outOfSample").toString()).isEqualTo(cli.get("outOfSample").toString());
        assertThat(rest.get("combinations").asInt()).isEqualTo(cli.get("combinations").asInt()).isEqualTo(3);
    }

    @Test
    void everyBadValueIsNamedByItsPath() {
        Session user = newUser();
        Map<String, Object> body = rsiSweep("10:x:2", Map.of("folds", 0, "inSample", 1.5));
        sweepOf(body).put("metric", "luck");
        sweepOf(body).put("search", "anneal");
        sweepOf(body).put("samples", 0);
        sweepOf(body).put("depth", 3);
        Answer a = post("/api/v1/backtests", user, body);
        assertProblem(a, 400, "VALIDATION_ERROR");
        assertThat(a.errorFields()).containsExactlyInAnyOrder("sweep.ranges.rsiPeriod", "sweep.metric", "sweep.search",
                "sweep.samples", "sweep.depth", "walkForward.folds", "walkForward.inSample");
        assertThat(a.body().toString()).contains("must be one of totalReturn", "between 0 and 1 (exclusive)");

        Map<String, Object> unknown = rsiSweep("10:14:2", null);
        sweepOf(unknown).put("ranges", Map.of("nope", "1:2:1"));
        Answer u = post("/api/v1/backtests", user, unknown);
        assertThat(u.errorFields()).containsExactly("sweep.ranges.nope");
        assertThat(u.body().toString()).contains("unknown parameter", "rsiPeriod");

        // every combination is checked against the strategy's definition before anything runs
        Answer outOfRange = post("/api/v1/backtests", user, rsiSweep("1:3:1", null));
        assertThat(outOfRange.errorFields()).containsExactly("sweep.ranges.rsiPeriod");
        assertThat(post("/api/v1/backtests", user, rsiSweep(List.of(10, Map.of("x", 1)), null)).errorFields())
                .containsExactly("sweep.ranges.rsiPeriod");
        assertThat(post("/api/v1/backtests", user, rsiSweep(12, null)).errorFields())
                .containsExactly("sweep.ranges.rsiPeriod");

        Map<String, Object> noRanges = rsiSweep("10:14:2", null);
        sweepOf(noRanges).remove("ranges");
        assertThat(post("/api/v1/backtests", user, noRanges).errorFields()).containsExactly("sweep.ranges");

        Map<String, Object> notAnObject = rsiSweep("10:14:2", null);
        notAnObject.put("sweep", "rsiPeriod=10:14:2");
        assertThat(post("/api/v1/backtests", user, notAnObject).errorFields()).containsExactly("sweep");

        Map<String, Object> foldsAlone = rsiSweep("10:14:2", Map.of("folds", 2));
        foldsAlone.remove("sweep");
        assertThat(post("/api/v1/backtests", user, foldsAlone).errorFields()).containsExactly("sweep");

        Answer missingFolds = post("/api/v1/backtests", user, rsiSweep("10:14:2", Map.of("inSample", 0.5)));
        assertThat(missingFolds.errorFields()).containsExactly("walkForward.folds");
        Answer fractional = post("/api/v1/backtests", user, rsiSweep("10:14:2", Map.of("folds", 2.5)));
        assertThat(fractional.errorFields()).containsExactly("walkForward.folds");
        Answer zeroShare = post("/api/v1/backtests", user, rsiSweep("10:14:2", Map.of("folds", 2, "inSample", 0)));
        assertThat(zeroShare.errorFields()).containsExactly("walkForward.inSample");
        Answer textShare = post("/api/v1/backtests", user, rsiSweep("10:14:2", Map.of("folds", 2, "inSample", "most")));
        assertThat(textShare.errorFields()).containsExactly("walkForward.inSample");
        // 20 folds of 288 candles: an in-sample share of 0.001 leaves no candle to choose on
        Answer tooThin = post("/api/v1/backtests", user, rsiSweep("10:14:2", Map.of("folds", 20, "inSample", 0.001)));
        assertThat(tooThin.errorFields()).containsExactly("walkForward.folds");
        assertThat(tooThin.body().toString()).contains("too few");
        Answer tooManyFolds = post("/api/v1/backtests", user, rsiSweep("10:14:2", Map.of("folds", 21)));
        assertThat(tooManyFolds.errorFields()).containsExactly("walkForward.folds");

        // nothing was queued by any of them
        assertThat(get("/api/v1/backtests", user).body().get("total").asInt()).isZero();
    }

    @Test
    void combinationsAreCappedAndARandomSearchStaysUnderTheCap() {
        Session user = newUser();
        Answer wide = post("/api/v1/backtests", user, rsiSweep("2:200:0.5", null));
        assertProblem(wide, 400, "VALIDATION_ERROR");
        assertThat(wide.errorFields()).containsExactly("sweep.ranges.rsiPeriod");
        assertThat(wide.body().toString()).contains("more than the limit of 200");

        Map<String, Object> grid = rsiSweep("2:200:1", null);
        Map<String, Object> ranges = new HashMap<>();
        ranges.put("rsiPeriod", "2:31:1");
        ranges.put("oversold", "20:30:1");
        sweepOf(grid).put("ranges", ranges);
        Answer tooBig = post("/api/v1/backtests", user, grid);
        assertThat(tooBig.errorFields()).containsExactly("sweep.ranges");
        assertThat(tooBig.body().toString()).contains("330 combinations", "use search random");

        Answer tooManySamples = post("/api/v1/backtests", user, withSearch(grid, "random", 201));
        assertThat(tooManySamples.errorFields()).containsExactly("sweep.samples");

        JsonNode sampled = finishedResult(user, withSearch(grid, "random", 3));
        assertThat(sampled.get("search").asString()).isEqualTo("random");
        assertThat(sampled.get("combinations").asInt()).isEqualTo(3);
        assertThat(sampled.get("ranked")).hasSize(3);
    }

    @Test
    void aConfigRunTakesNoSweep() {
        Map<String, Object> body = new HashMap<>();
        body.put("config", Map.of("strategy", "rsi", "exchange", Map.of("pair_whitelist", List.of("LTC/BTC"))));
        body.put("sweep", Map.of("ranges", Map.of("rsiPeriod", "10:14:2")));
        body.put("walkForward", Map.of("folds", 2));
        Answer a = post("/api/v1/backtests", newUser(), body);
        assertProblem(a, 400, "VALIDATION_ERROR");
        assertThat(a.errorFields()).contains("sweep", "walkForward");
    }

    private static Map<String, Object> withSearch(Map<String, Object> body, String search, int samples) {
        Map<String, Object> copy = new HashMap<>(body);
        Map<String, Object> sweep = new HashMap<>(sweepOf(body));
        sweep.put("search", search);
        sweep.put("samples", samples);
        sweep.put("seed", 7);
        copy.put("sweep", sweep);
        return copy;
    }
}
