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
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * backtest --config with {@code trading_mode: futures} on two pairs: funding from Freqtrade's
 * {@code futures/<PAIR>-8h-funding_rate.json} and {@code -8h-mark.json} files changes every trade's profit by
 * Σ rate × mark × amount over the 8h funding times the trade spans (both ends inclusive), longs paying positive rates.
 * The same run without the funding files makes the same trades and books none, with a warning per pair.
 */
class FuturesConfigRunTest {
    @TempDir
    Path work;

    private static final long T0 = 1_704_067_200_000L;  // 2024-01-01T00:00Z, an 8h boundary
    private static final long HOUR = 3_600_000L;
    private static final long EIGHT_HOURS = 8 * HOUR;
    private static final int CANDLES = 400;
    /** Funding rate and mark price per pair: the marks differ from the candles so a wrong price would show. */
    private static final double RATE_A = 0.0001;
    private static final double MARK_A = 120;
    private static final double RATE_B = -0.0003;
    private static final double MARK_B = 40;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private static final String CONFIG = """
            {
              "stake_currency": "USDT", "stake_amount": 100, "max_open_trades": 2, "dry_run_wallet": 10000,
              "timeframe": "1h", "fee": 0.001, "trading_mode": "futures", "margin_mode": "isolated", "leverage": 2,
              "exchange": {"name": "binance", "pair_whitelist": ["AAA/USDT:USDT", "BBB/USDT:USDT"]},
              "strategy": "rsi", "strategy_params": {"rsiPeriod": 7, "oversold": 45, "overbought": 55,
                                                     "minProfitPercent": -100}
            }
            """;

    private int run(String... args) {
        return new BacktestCommand(new CatalogStrategies(new StrategyCatalog()),
                new EnginePortfolioBacktests(ConfigBacktestCommand.FILES),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(args);
    }

    /** Hourly candles oscillating around {@code mid}, so RSI enters and exits many times. */
    private static String candles(double mid, double swing, double period) {
        StringBuilder s = new StringBuilder("[");
        double prev = mid;
        for (int i = 0; i < CANDLES; i++) {
            double close = Math.round((mid + swing * Math.sin(i / period)) * 100) / 100.0;
            if (i > 0) s.append(',');
            s.append('[').append(T0 + i * HOUR).append(',').append(prev).append(',')
                    .append(Math.max(prev, close) + 0.1).append(',').append(Math.min(prev, close) - 0.1).append(',')
                    .append(close).append(",10]");
            prev = close;
        }
        return s.append(']').toString();
    }

    private static String everyEightHours(double value) {
        return every(EIGHT_HOURS, value);
    }

    /** One value every {@code step} over the candles' span (as open, high, low and close). */
    private static String every(long step, double value) {
        StringBuilder s = new StringBuilder("[");
        for (long t = T0; t <= T0 + CANDLES * HOUR; t += step) {
            if (s.length() > 1) s.append(',');
            s.append('[').append(t).append(',').append(value).append(',').append(value).append(',').append(value)
                    .append(',').append(value).append(",0]");
        }
        return s.append(']').toString();
    }

    private JsonNode runIn(Path dir, String name) throws IOException {
        Path cfg = work.resolve("config.json");
        Files.writeString(cfg, CONFIG);
        int rc = run("--config", cfg.toString(), "--datadir", dir.toString(), "--out", work.resolve(name).toString());
        assertThat(rc).as(err.toString()).isZero();
        return JsonMapper.builder().build().readTree(Files.readString(work.resolve(name).resolve("result.json")))
                .get("result");
    }

    private Path datadir(String name, boolean funding) throws IOException {
        Path futures = Files.createDirectories(work.resolve(name).resolve("futures"));
        Files.writeString(futures.resolve("AAA_USDT_USDT-1h-futures.json"), candles(100, 8, 4));
        Files.writeString(futures.resolve("BBB_USDT_USDT-1h-futures.json"), candles(50, 3, 3));
        if (funding) {
            Files.writeString(futures.resolve("AAA_USDT_USDT-8h-funding_rate.json"), everyEightHours(RATE_A));
            Files.writeString(futures.resolve("AAA_USDT_USDT-8h-mark.json"), everyEightHours(MARK_A));
            Files.writeString(futures.resolve("BBB_USDT_USDT-8h-funding_rate.json"), everyEightHours(RATE_B));
            Files.writeString(futures.resolve("BBB_USDT_USDT-4h-mark.json"), every(4 * HOUR, MARK_B));  // Bybit's 4h
        }
        return work.resolve(name);
    }

    @Test
    void fundingChangesEachTradeOfTwoPairsByRateTimesMarkTimesAmountPerFundingTime() throws IOException {
        JsonNode with = runIn(datadir("with", true), "out-with");
        JsonNode without = runIn(datadir("without", false), "out-without");

        JsonNode a = with.get("trades");
        JsonNode b = without.get("trades");
        assertThat(a.size()).isEqualTo(b.size()).isGreaterThan(6);
        assertThat(without.get("warnings").toString()).contains("AAA/USDT:USDT: no funding-rate data, funding is not"
                + " booked (looked for ", "AAA_USDT_USDT-8h-funding_rate{.json", "BBB/USDT:USDT: no funding-rate");
        assertThat(with.get("warnings").toString()).doesNotContain("funding");
        int pairsSeen = 0;
        boolean spannedSeveral = false;
        for (int i = 0; i < a.size(); i++) {
            JsonNode t = a.get(i);
            JsonNode u = b.get(i);
            // the same trade: funding does not change any decision here (no ROI, no stop, exits by signal)
            assertThat(t.get("pair")).isEqualTo(u.get("pair"));
            assertThat(t.get("open_timestamp")).isEqualTo(u.get("open_timestamp"));
            assertThat(t.get("close_timestamp")).isEqualTo(u.get("close_timestamp"));
            assertThat(t.get("amount")).isEqualTo(u.get("amount"));
            assertThat(t.get("leverage").asDouble()).isEqualTo(2.0);
            boolean isA = t.get("pair").asString().equals("AAA/USDT:USDT");
            if (isA) pairsSeen |= 1;
            else pairsSeen |= 2;
            long open = t.get("open_timestamp").asLong();
            long close = t.get("close_timestamp").asLong();
            // funding times t with open <= t <= close (entries fill at the candle they were placed on here)
            long times = Math.floorDiv(close, EIGHT_HOURS) - Math.floorDiv(open - 1, EIGHT_HOURS);
            spannedSeveral |= times >= 2;
            BigDecimal amount = t.get("amount").decimalValue();
            // a long pays rate × mark × amount per funding time, a short receives it (negative rates the other way)
            BigDecimal perTime = BigDecimal.valueOf(isA ? RATE_A : RATE_B)
                    .multiply(BigDecimal.valueOf(isA ? MARK_A : MARK_B)).multiply(amount);
            BigDecimal received = perTime.multiply(BigDecimal.valueOf(times));
            BigDecimal expected = t.get("is_short").asBoolean() ? received : received.negate();
            BigDecimal actual = t.get("profit_abs").decimalValue().subtract(u.get("profit_abs").decimalValue());
            assertThat(actual.setScale(6, RoundingMode.HALF_EVEN))
                    .as("trade %d %s %d funding times", i, t.get("pair"), times)
                    .isEqualByComparingTo(expected.setScale(6, RoundingMode.HALF_EVEN));
            // the export names that total per trade (Freqtrade's funding_fees); without the files it is 0
            assertThat(t.get("funding_fees").decimalValue().setScale(6, RoundingMode.HALF_EVEN))
                    .as("funding_fees of trade %d", i)
                    .isEqualByComparingTo(expected.setScale(6, RoundingMode.HALF_EVEN));
            assertThat(u.get("funding_fees").decimalValue()).isZero();
            // isolated margin at 2×, fee 0.001 as taker fee, maintenance margin 0.005, buffer 0.05 (none reached)
            double o = t.get("open_rate").asDouble();
            boolean isShort = t.get("is_short").asBoolean();
            double exchange = isShort ? (o + o / 2) / (1 + 0.006) : (o - o / 2) / (1 - 0.006);
            double liquidation = isShort ? exchange - 0.05 * (exchange - o) : exchange + 0.05 * (o - exchange);
            assertThat(t.get("liquidation_price").asDouble()).isCloseTo(liquidation,
                    org.assertj.core.data.Offset.offset(1e-9 * o));
            assertThat(t.get("exit_reason").asString()).isNotEqualTo("liquidation");
        }
        assertThat(pairsSeen).isEqualTo(3);
        assertThat(spannedSeveral).isTrue();
        assertThat(Files.readString(work.resolve("out-with/report.html"))).contains("<th>Funding fees</th>",
                "<th>Liquidation price</th>");
    }

    @Test
    void aFuturesRunShortsOnTheStrategysExitSignalAndTagsTradesAfterTheirSignal() throws IOException {
        JsonNode futures = runIn(datadir("shorts", true), "out-shorts");
        boolean sawLong = false;
        boolean sawShort = false;
        for (JsonNode t : futures.get("trades")) {
            // rsi's natural short side: RSI above "overbought" opens a short, below "oversold" closes it
            boolean isShort = t.get("is_short").asBoolean();
            assertThat(t.get("enter_tag").asString()).isEqualTo(isShort ? "rsi_overbought" : "rsi_oversold");
            sawLong |= !isShort;
            sawShort |= isShort;
        }
        assertThat(sawLong).isTrue();
        assertThat(sawShort).isTrue();
        // the per-enter-tag table names both signals
        assertThat(futures.get("report").get("tables").toString()).contains("rsi_overbought", "rsi_oversold");

        // spot: the same strategy never shorts, its longs are still tagged
        Path spot = Files.createDirectories(work.resolve("spot-data"));
        Files.writeString(spot.resolve("AAA_USDT-1h.json"), candles(100, 8, 4));
        Files.writeString(work.resolve("spot.json"), CONFIG.replace("\"trading_mode\": \"futures\", \"margin_mode\":"
                + " \"isolated\", \"leverage\": 2,", "").replace("[\"AAA/USDT:USDT\", \"BBB/USDT:USDT\"]",
                "[\"AAA/USDT\"]"));
        assertThat(run("--config", work.resolve("spot.json").toString(), "--datadir", spot.toString(), "--out",
                work.resolve("out-spot").toString())).as(err.toString()).isZero();
        JsonNode spotTrades = JsonMapper.builder().build().readTree(Files.readString(work.resolve("out-spot/result.json")))
                .get("result").get("trades");
        assertThat(spotTrades.size()).isPositive();
        spotTrades.forEach(t -> {
            assertThat(t.get("is_short").asBoolean()).isFalse();
            assertThat(t.get("enter_tag").asString()).isEqualTo("rsi_oversold");
        });
    }

    @Test
    void aBadFundingFileIsNamed() throws IOException {
        Path dir = datadir("bad", true);
        Files.writeString(dir.resolve("futures/BBB_USDT_USDT-8h-funding_rate.json"), "[[1704067200000, 0.1, 0.1]]");
        Path cfg = work.resolve("config.json");
        Files.writeString(cfg, CONFIG);

        assertThat(run("--config", cfg.toString(), "--datadir", dir.toString(), "--out", work.resolve("o").toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("BBB/USDT:USDT: ", "BBB_USDT_USDT-8h-funding_rate.json");
    }

    @Test
    void leverageOutsideFuturesIsRefusedByName() throws IOException {
        Path cfg = work.resolve("config.json");
        Files.writeString(cfg, CONFIG.replace("\"trading_mode\": \"futures\", \"margin_mode\": \"isolated\", ", ""));
        assertThat(run("--config", cfg.toString(), "--datadir", datadir("spot", false).toString(), "--out",
                work.resolve("o").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("leverage", "only a futures config");
    }
}
