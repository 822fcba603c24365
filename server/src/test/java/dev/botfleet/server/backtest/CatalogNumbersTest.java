package dev.botfleet.server.backtest;

import dev.botfleet.engine.backtest.Backtester;
import dev.botfleet.engine.backtest.FillModel;
import dev.botfleet.engine.data.CandleLoader;
import dev.botfleet.engine.data.CandleSeries;
import dev.botfleet.strategies.StrategyCatalog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A result never contradicts itself: for every catalog strategy on the shipped LTC/BTC candles, the counts, the win
 * rate, the net profit (closed trades + the open position), the final equity (balances at the last close) and the
 * price bars agree with each other and with the candles.
 */
class CatalogNumbersTest {
    private static final CatalogStrategies CATALOG = new CatalogStrategies(new StrategyCatalog());
    /** LTC/BTC: tick 0.00000001, so money has 8 decimals; each shown figure is rounded by at most half of that. */
    private static final BigDecimal CENT = new BigDecimal("0.00000001");
    private static CandleSeries candles;

    @BeforeAll
    static void load() throws Exception {
        candles = CandleLoader.load(Path.of(CatalogNumbersTest.class.getResource("/datasets/LTC_BTC-5m.json").toURI()))
                .series();
    }

    static BacktestReport run(String id, Map<String, Object> params, FillModel model) {
        StrategySource source = CATALOG.resolve(id);
        BacktestJob job = new BacktestJob(source, source.forData(params, candles.timeframe()), "LTC/BTC",
                "LTC_BTC-5m.json", candles, model, new BigDecimal("0.001"), BigDecimal.TEN, 0, BacktestJob.DEFAULT_TICK,
                BacktestJob.DEFAULT_LOT, -1);
        return BacktestReport.of(job, Backtester.run(job.spec()));
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("dev.botfleet.server.backtest.CatalogBacktestTest#strategies")
    void theNumbersAgree(String id, Map<String, Object> params, FillModel model) {
        BacktestReport r = run(id, params, model);
        BacktestReport.MetricsView m = r.metrics();

        assertThat(m.trades()).isEqualTo(r.trades().size());
        long wins = r.trades().stream().filter(t -> new BigDecimal(t.pnl()).signum() > 0).count();
        assertThat(m.winRate()).isCloseTo((double) wins / r.trades().size(), within(1e-12));

        BigDecimal closed = r.trades().stream().map(t -> new BigDecimal(t.pnl())).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal unrealized = r.openPosition() == null ? BigDecimal.ZERO : new BigDecimal(r.openPosition().unrealizedPnl());
        BigDecimal netProfit = new BigDecimal(m.netProfit());
        // each shown figure is rounded to the cent (of a satoshi here): at most half a cent off each
        BigDecimal rounding = CENT.multiply(BigDecimal.valueOf(r.trades().size() + 2)).divide(BigDecimal.TWO);
        assertThat(netProfit).as("netProfit = Σ trade pnl %s + unrealized %s", closed, unrealized)
                .isCloseTo(closed.add(unrealized), within(rounding));
        r.trades().forEach(t -> assertThat(new BigDecimal(t.pnl()).scale()).isLessThanOrEqualTo(8));
        assertThat(netProfit).isEqualByComparingTo(new BigDecimal(m.finalEquity()).subtract(new BigDecimal(m.startingEquity())));

        BigDecimal lastClose = new BigDecimal(r.prices().getLast().close());
        BigDecimal base = new BigDecimal(r.finalBalances().get("LTC"));
        BigDecimal valued = new BigDecimal(r.finalBalances().get("BTC")).add(base.multiply(lastClose));
        assertThat(new BigDecimal(m.finalEquity())).as("balances at the last close").isCloseTo(valued, within(CENT));

        if (r.openPosition() == null) {
            assertThat(base).as("flat at the end").isZero();
        } else {
            assertThat(new BigDecimal(r.openPosition().quantity())).isEqualByComparingTo(base);
            assertThat(r.openPosition().lastPrice()).isEqualTo(r.prices().getLast().close());
            assertThat(r.openPosition().entryTime()).isBetween(r.from(), r.to());
        }
    }

    @Test
    void aRunThatEndsInAPositionShowsItAndARunThatEndsFlatDoesNot() {
        BacktestReport grid = run("grid", Map.of("lowerPrice", "0.0150", "upperPrice", "0.0189", "gridCount", 10,
                "quantityPerGrid", "10", "quantityCurrency", "BASE"), FillModel.REALISTIC);
        BacktestReport freqtrade = run("rsi", Map.of("orderAmount", "0.5"), FillModel.FREQTRADE);

        assertThat(grid.openPosition()).isNotNull();
        assertThat(new BigDecimal(grid.openPosition().unrealizedPnl()).signum()).isNotZero();
        assertThat(freqtrade.openPosition()).as("Freqtrade force-exits at the end").isNull();
    }

    @Test
    void pricesAreTheCandlesMergedIntoAtMostAThousandBars() {
        List<PriceBars.PriceBar> bars = run("rsi", Map.of("orderAmount", "0.5"), FillModel.REALISTIC).prices();

        int n = candles.size();  // 5760 candles -> buckets of 6 -> 960 bars
        int step = (n + 999) / 1000;
        assertThat(bars).hasSize((n + step - 1) / step).hasSizeLessThanOrEqualTo(1000);
        for (int b = 0; b < bars.size(); b++) {
            int from = b * step;
            int to = Math.min(n, from + step);
            double high = candles.high(from);
            double low = candles.low(from);
            for (int i = from; i < to; i++) {
                high = Math.max(high, candles.high(i));
                low = Math.min(low, candles.low(i));
            }
            PriceBars.PriceBar bar = bars.get(b);
            assertThat(bar.time()).isEqualTo(Instant.ofEpochMilli(candles.openTime(from)));
            assertThat(bar.open()).isEqualTo(onTick(candles.open(from)));
            assertThat(bar.high()).isEqualTo(onTick(high));
            assertThat(bar.low()).isEqualTo(onTick(low));
            assertThat(bar.close()).isEqualTo(onTick(candles.close(to - 1)));
        }
    }

    /** The candle files hold binary doubles (0.017220000000000003): shown on the tick (8 decimals), exactly. */
    private static String onTick(double price) {
        return new BigDecimal(price).setScale(8, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    }

    @Test
    void aShortRunKeepsEveryCandle() {
        assertThat(PriceBars.of(candles, 10_000, 8)).hasSize(candles.size());
        assertThat(PriceBars.of(candles, 7, 8)).hasSize(7);  // 5760 / 823 per bucket
    }
}
