package dev.botfleet.server.backtest;

import dev.botfleet.server.backtest.portfolio.EnginePortfolioBacktests;
import dev.botfleet.strategies.StrategyCatalog;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * backtest --config ... --markets FILE: per-pair precision and exchange stake limits from ccxt's load_markets shape.
 * Two USDT pairs: AAA with tick 0.01 / lot 0.001, BBB with a minimum cost the stake cannot reach within 30 %.
 */
class MarketsConfigRunTest {
    @TempDir
    Path work;

    private static final long T0 = 1_704_067_200_000L;
    private static final long HOUR = 3_600_000L;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private static final String CONFIG = """
            {
              "stake_currency": "USDT", "stake_amount": 10, "max_open_trades": 2, "dry_run_wallet": 1000,
              "timeframe": "1h", "fee": 0.001, "stoploss": -0.1,
              "exchange": {"name": "binance", "pair_whitelist": ["AAA/USDT", "BBB/USDT"]},
              "strategy": "rsi", "strategy_params": {"rsiPeriod": 7, "oversold": 45, "overbought": 55,
                                                     "minProfitPercent": -100}
            }
            """;

    private static final String MARKETS = """
            {"precisionMode": "tick_size",
             "AAA/USDT": {"symbol": "AAA/USDT", "precision": {"price": 0.01, "amount": 0.001},
                          "limits": {"amount": {"min": 0.001, "max": null}, "cost": {"min": 5, "max": null}}},
             "BBB/USDT": {"precision": {"price": 0.0001, "amount": 1},
                          "limits": {"amount": {"min": 1, "max": 100000}, "cost": {"min": 20, "max": null}}},
             "CCC/USDT": {"precision": {"price": "not checked: not in the whitelist"}}}
            """;

    private int run(String... args) {
        return new BacktestCommand(new CatalogStrategies(new StrategyCatalog()),
                new EnginePortfolioBacktests(ConfigBacktestCommand.FILES),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(args);
    }

    private static String candles(double mid, double swing) {
        StringBuilder s = new StringBuilder("[");
        double prev = mid;
        for (int i = 0; i < 300; i++) {
            double close = Math.round((mid + swing * Math.sin(i / 4.0)) * 10000) / 10000.0;
            if (i > 0) s.append(',');
            s.append('[').append(T0 + i * HOUR).append(',').append(prev).append(',').append(Math.max(prev, close))
                    .append(',').append(Math.min(prev, close)).append(',').append(close).append(",10]");
            prev = close;
        }
        return s.append(']').toString();
    }

    private Path setUp(String markets) throws IOException {
        Path data = Files.createDirectories(work.resolve("data"));
        Files.writeString(data.resolve("AAA_USDT-1h.json"), candles(33.3333, 2.2222));
        Files.writeString(data.resolve("BBB_USDT-1h.json"), candles(1.2345, 0.1111));
        Files.writeString(work.resolve("config.json"), CONFIG);
        Files.writeString(work.resolve("markets.json"), markets);
        return data;
    }

    private int runWith(Path data, String outDir, boolean markets) {
        return markets
                ? run("--config", work.resolve("config.json").toString(), "--datadir", data.toString(), "--markets",
                work.resolve("markets.json").toString(), "--out", work.resolve(outDir).toString())
                : run("--config", work.resolve("config.json").toString(), "--datadir", data.toString(),
                "--out", work.resolve(outDir).toString());
    }

    @Test
    void amountsFollowThePairsLotAndAStakeFarBelowTheMinimumIsSkipped() throws IOException {
        Path data = setUp(MARKETS);
        assertThat(runWith(data, "with", true)).as(err.toString()).isZero();
        assertThat(runWith(data, "without", false)).as(err.toString()).isZero();
        JsonMapper mapper = JsonMapper.builder().build();
        JsonNode with = mapper.readTree(Files.readString(work.resolve("with/result.json"))).get("result");
        JsonNode without = mapper.readTree(Files.readString(work.resolve("without/result.json"))).get("result");

        // without markets BBB trades; with them its minimum stake 20 × 1.05 / 0.95 = 22.1 is more than 30 % above the
        // stake of 10, so Freqtrade skips every BBB entry (no trade, not a rejected signal)
        assertThat(without.get("trades").toString()).contains("BBB/USDT");
        assertThat(with.get("trades").toString()).doesNotContain("BBB/USDT");
        int aaa = 0;
        for (JsonNode t : with.get("trades")) {
            // AAA: amount = 10 / open truncated to the 0.001 lot, stake = amount × open (cost.min 5 × 1.105 < 10)
            BigDecimal open = t.get("open_rate").decimalValue();
            BigDecimal amount = t.get("amount").decimalValue();
            BigDecimal lot = BigDecimal.TEN.divide(open, 3, java.math.RoundingMode.DOWN);
            assertThat(amount).isEqualByComparingTo(lot);
            assertThat(t.get("stake_amount").decimalValue().doubleValue())
                    .isCloseTo(lot.multiply(open).doubleValue(), org.assertj.core.data.Offset.offset(1e-8));
            // the stop 10 % below the entry is rounded up to the 0.01 tick
            BigDecimal stop = t.get("initial_stop_loss_abs").decimalValue();
            assertThat(stop.scale()).isLessThanOrEqualTo(2);
            assertThat(stop.doubleValue()).isGreaterThanOrEqualTo(open.doubleValue() * 0.9)
                    .isLessThan(open.doubleValue() * 0.9 + 0.01);
            aaa++;
        }
        assertThat(aaa).isGreaterThan(3);
        assertThat(with.get("notes").toString()).doesNotContain("no exchange minimum");
    }

    @Test
    void aBadMarketsFileIsRefusedNamingTheFileAndTheKey() throws IOException {
        Path data = setUp(MARKETS.replace("\"cost\": {\"min\": 20", "\"cost\": {\"min\": -20"));
        assertThat(runWith(data, "bad", true)).isEqualTo(2);
        assertThat(err.toString()).contains("--markets " + work.resolve("markets.json")
                + " (markets.BBB/USDT.limits.cost.min): must be 0 or more, was -20.0");
    }

    @Test
    void decimalPlacesModeReadsPrecisionAsDecimals() throws IOException {
        Path data = setUp(MARKETS.replace("\"tick_size\"", "\"decimal_places\"").replace("\"price\": 0.01, \"amount\": 0.001",
                "\"price\": 2, \"amount\": 3").replace("\"price\": 0.0001, \"amount\": 1", "\"price\": 4, \"amount\": 0.5"));
        assertThat(runWith(data, "dp", true)).isEqualTo(2);
        assertThat(err.toString()).contains("markets.BBB/USDT.precision.amount): must be a whole number of decimal places");
    }
}
