package dev.botfleet.server.backtest;

import dev.botfleet.server.backtest.portfolio.EnginePortfolioBacktests;
import dev.botfleet.strategies.StrategyCatalog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * backtest --config end to end on the engine: four shipped BTC pairs, ROI + stoploss + protections, two trade slots
 * for four pairs so max_open_trades binds. Asserts facts that break when the wiring breaks (see each assertion).
 */
class PortfolioConfigRunTest {
    @TempDir
    Path work;  // set by hand when BacktestApiCases runs the command line
    static Path datasets;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** Shared with the REST test (BacktestApiCases), which must reach the same result. */
    static final String CONFIG = """
            {
              "stake_currency": "BTC", "stake_amount": 0.05, "max_open_trades": 2, "dry_run_wallet": 1,
              "timeframe": "5m", "startup_candle_count": 20, "stoploss": -0.02, "fee": 0.001,
              "minimal_roi": {"0": 0.03, "60": 0.01},
              "timerange": "20180115-20180125",
              "exchange": {"name": "binance", "pair_whitelist": ["LTC/BTC", "ETC/BTC", "XLM/BTC", "ADA/BTC"]},
              "protections": [
                {"method": "StoplossGuard", "lookback_period_candles": 48, "trade_limit": 1,
                 "stop_duration_candles": 24, "only_per_pair": true},
                {"method": "CooldownPeriod", "stop_duration_candles": 3}
              ],
              "use_exit_signal": false,
              STRATEGY
            }
            """.replace("STRATEGY", "\"strategy\": \"rsi\", \"strategy_params\": {\"rsiPeriod\": 7, \"oversold\": 45,"
            + " \"overbought\": 50, \"minProfitPercent\": -100}");

    @BeforeAll
    static void locate() {
        datasets = ShippedDatasets.directory();
    }

    private int run(String... args) {
        return new BacktestCommand(new CatalogStrategies(new StrategyCatalog()), new EnginePortfolioBacktests(ConfigBacktestCommand.FILES),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(args);
    }

    String outText() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private Path config(String json) throws IOException {
        Path file = work.resolve("config.json");
        Files.writeString(file, json);
        return file;
    }

    /** The CLI's result.json "result" for CONFIG, with or without --enable-protections. */
    static JsonNode runCli(PortfolioConfigRunTest t, boolean protections) throws IOException {
        Path dir = t.work.resolve(protections ? "on" : "off");
        List<String> args = new ArrayList<>(List.of("--config", t.config(CONFIG).toString(), "--datadir",
                datasets.toString(), "--out", dir.toString()));
        if (protections) args.add("--enable-protections");
        int rc = t.run(args.toArray(String[]::new));
        assertThat(rc).as(t.err.toString()).isZero();
        assertThat(dir.resolve("report.html")).exists();
        return JsonMapper.builder().build().readTree(Files.readString(dir.resolve("result.json"))).get("result");
    }

    @Test
    void fourPairsShareTwoSlotsWithRoiStoplossAndProtections() throws IOException {
        JsonNode r = runCli(this, true);
        JsonNode trades = r.get("trades");
        assertThat(trades.size()).isGreaterThan(10);

        // the pairs traded are the whitelist's, and more than one of them got a slot
        Set<String> pairs = new HashSet<>();
        trades.forEach(t -> pairs.add(t.get("pair").asString()));
        assertThat(List.of("LTC/BTC", "ETC/BTC", "XLM/BTC", "ADA/BTC")).containsAll(pairs);
        assertThat(pairs.size()).isGreaterThanOrEqualTo(3);

        // max_open_trades = 2 binds: signals were refused for lack of a slot, and never more than 2 trades were open
        assertThat(r.get("counters").get("rejectedSignals").asInt()).as("%s trades %d locks %s", r.get("counters"), trades.size(), r.get("locks")).isPositive();
        assertThat(maxOpenAtOnce(trades)).isEqualTo(2);

        // ROI and the stoploss both closed trades
        Set<String> reasons = new HashSet<>();
        trades.forEach(t -> reasons.add(t.get("exit_reason").asString()));
        assertThat(reasons).contains("roi", "stop_loss");

        // wallet = dry_run_wallet + Σ profit_abs (exactly, as Freqtrade's final_balance adds the rounded profits)
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode t : trades) sum = sum.add(t.get("profit_abs").decimalValue());
        JsonNode summary = r.get("report").get("summary");
        assertThat(summary.get("finalBalance").asDouble()).isCloseTo(BigDecimal.ONE.add(sum).doubleValue(), within(1e-12));
        assertThat(r.get("finalWallet").asDouble()).isCloseTo(BigDecimal.ONE.add(sum).doubleValue(), within(1e-12));

        // the per-pair table adds up to its TOTAL row (trades and absolute profit)
        JsonNode perPair = r.get("report").get("tables").get("perPair");
        JsonNode total = perPair.get(perPair.size() - 1);
        assertThat(total.get("key").asString()).isEqualTo("TOTAL");
        int n = 0;
        double abs = 0;
        for (int i = 0; i < perPair.size() - 1; i++) {
            n += perPair.get(i).get("trades").asInt();
            abs += perPair.get(i).get("profitTotalAbs").asDouble();
        }
        assertThat(perPair.size() - 1).isEqualTo(4);  // every whitelisted pair has a row, traded or not
        assertThat(n).isEqualTo(total.get("trades").asInt()).isEqualTo(trades.size());
        assertThat(abs).isCloseTo(total.get("profitTotalAbs").asDouble(), within(1e-12));
        assertThat(total.get("profitTotalAbs").asDouble()).isCloseTo(sum.doubleValue(), within(1e-12));

        // a StoplossGuard lock and a cooldown lock were set, and no trade entered a locked pair inside its window
        JsonNode locks = r.get("locks");
        List<String> lockReasons = new ArrayList<>();
        locks.forEach(l -> lockReasons.add(l.get("reason").asString()));
        assertThat(lockReasons).anyMatch(s -> s.contains("stoplosses"));
        assertThat(lockReasons).anyMatch(s -> s.contains("Cooldown"));
        for (JsonNode l : locks) {
            long from = l.get("lock_timestamp").asLong();
            long until = l.get("lock_end_timestamp").asLong();
            for (JsonNode t : trades) {
                boolean samePair = l.get("pair").asString().equals("*")
                        || l.get("pair").asString().equals(t.get("pair").asString());
                long open = t.get("open_timestamp").asLong();
                // a trade entered on the candle the lock was set on is the one whose exit set it (entered first)
                assertThat(samePair && open > from && open <= until)
                        .as("%s entered at %d inside lock %s", t.get("pair"), open, l).isFalse();
            }
        }

        // the equity curve ends at the final wallet (every trade closed), the drawdown never exceeds zero
        JsonNode equity = r.get("equity");
        assertThat(equity.get(equity.size() - 1).get("value").asDouble())
                .isCloseTo(BigDecimal.ONE.add(sum).doubleValue(), within(1e-12));
        r.get("drawdown").forEach(p -> assertThat(p.get("value").asDouble()).isLessThanOrEqualTo(0));
        assertThat(out.toString()).contains("BACKTESTING REPORT", "TOTAL");
        // the HTML report has the portfolio sections
        String html = Files.readString(work.resolve("on/report.html"));
        assertThat(html).contains("id=\"summary\"", "id=\"per-pair\"", "id=\"per-exit-reason\"",
                "id=\"per-enter-tag\"", "id=\"per-day\"", "id=\"per-week\"", "id=\"per-month\"",
                "aria-label=\"equity\"", "aria-label=\"drawdown\"", "id=\"pair-bars\"", "id=\"locks\"",
                "id=\"trades\"", "<td class=\"l\">ADA/BTC</td>");
    }

    @Test
    void withoutEnableProtectionsNoPairIsLocked() throws IOException {
        JsonNode off = runCli(this, false);
        assertThat(off.get("locks").size()).isZero();
        assertThat(off.get("notes").toString()).contains("protections: listed but not applied");
        JsonNode on = runCli(this, true);
        // the locks kept trades out: the protected run trades less
        assertThat(on.get("trades").size()).isLessThan(off.get("trades").size());
    }

    @Test
    void aStrategyThatCannotMapOntoSignalsIsRefusedByName() throws IOException {
        int rc = run("--config", config(CONFIG.substring(0, CONFIG.indexOf("\"strategy\": \"rsi\""))
                + "\"strategy\": \"scalper\", \"strategy_params\": {\"quantity\": 1, \"buyPrice\": 0.015,"
                + " \"sellPrice\": 0.02}}").toString(),
                "--datadir", datasets.toString(), "--out", work.resolve("s").toString());
        assertThat(rc).isEqualTo(2);
        assertThat(err.toString()).contains("strategy: 'scalper' cannot run from a Freqtrade config");
    }

    @Test
    void timeframeDetailCandlesAreLoadedFromTheDatadirAndChangeTheFills() throws IOException {
        // a datadir with LTC/BTC's 5m file and a 1m file that splits every 5m candle into five flat candles at its
        // open: with them the engine sees no high or low inside a candle, so ROI and stoploss fill differently (the
        // same trades would mean the detail candles were not used)
        Path dir = Files.createDirectories(work.resolve("data"));
        Files.copy(datasets.resolve("LTC_BTC-5m.json"), dir.resolve("LTC_BTC-5m.json"));
        JsonNode rows = JsonMapper.builder().build().readTree(Files.readString(dir.resolve("LTC_BTC-5m.json")));
        StringBuilder oneMinute = new StringBuilder("[");
        for (JsonNode row : rows) {
            for (int k = 0; k < 5; k++) {
                double open = row.get(1).asDouble();
                if (oneMinute.length() > 1) oneMinute.append(',');
                oneMinute.append('[').append(row.get(0).asLong() + k * 60_000L).append(',').append(open).append(',')
                        .append(open).append(',').append(open).append(',').append(open).append(",1]");
            }
        }
        Files.writeString(dir.resolve("LTC_BTC-1m.json"), oneMinute.append(']'));
        String single = CONFIG.replace("\"ETC/BTC\", \"XLM/BTC\", \"ADA/BTC\"", "").replace("[\"LTC/BTC\", ]",
                "[\"LTC/BTC\"]");
        Path cfg = config(single);
        assertThat(run("--config", cfg.toString(), "--datadir", dir.toString(), "--out", work.resolve("m").toString()))
                .as(err.toString()).isZero();
        assertThat(run("--config", cfg.toString(), "--datadir", dir.toString(), "--timeframe-detail", "1m",
                "--out", work.resolve("d").toString())).as(err.toString()).isZero();
        JsonMapper mapper = JsonMapper.builder().build();
        JsonNode main = mapper.readTree(Files.readString(work.resolve("m/result.json"))).get("result").get("trades");
        JsonNode detail = mapper.readTree(Files.readString(work.resolve("d/result.json"))).get("result").get("trades");
        assertThat(detail.size()).isPositive();
        assertThat(firstDifference("trades", detail, main)).isNotNull();
        // a missing detail file is named
        assertThat(run("--config", cfg.toString(), "--datadir", datasets.toString(), "--timeframe-detail", "1m",
                "--out", work.resolve("x").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("timeframe_detail: ", "LTC/BTC: no 1m candles; looked for ", "LTC_BTC-1m{.json");
    }

    /** The most trades open at once: at each entry, the trades entered by then and not yet closed. */
    static int maxOpenAtOnce(JsonNode trades) {
        int max = 0;
        for (JsonNode t : trades) {
            long at = t.get("open_timestamp").asLong();
            int open = 0;
            for (JsonNode u : trades) {
                long o = u.get("open_timestamp").asLong();
                long c = u.get("close_timestamp").asLong();
                // a trade closed on this candle freed its slot before the entry (exits are handled first)
                if (u == t || (o <= at && c > at)) open++;
            }
            max = Math.max(max, open);
        }
        return max;
    }

    /**
     * The first path where {@code a} and {@code b} differ, or null: numbers compare by value (the stored REST result
     * holds 0.00050 where the command line's file holds 5.0E-4).
     */
    static String firstDifference(String path, JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0 ? null : path + ": " + a + " vs " + b;
        }
        if (a.isObject() && b.isObject()) {
            if (!a.propertyNames().equals(b.propertyNames())) return path + ": keys " + a.propertyNames() + " vs " + b.propertyNames();
            for (String k : a.propertyNames()) {
                String d = firstDifference(path + "." + k, a.get(k), b.get(k));
                if (d != null) return d;
            }
            return null;
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) return path + ": " + a.size() + " vs " + b.size() + " elements";
            for (int i = 0; i < a.size(); i++) {
                String d = firstDifference(path + "[" + i + "]", a.get(i), b.get(i));
                if (d != null) return d;
            }
            return null;
        }
        return a.equals(b) ? null : path + ": " + a + " vs " + b;
    }
}
