package dev.botfleet.ml.strategy;

import dev.botfleet.engine.backtest.BacktestResult;
import dev.botfleet.engine.backtest.BacktestSpec;
import dev.botfleet.engine.backtest.BacktestTrade;
import dev.botfleet.engine.backtest.Backtester;
import dev.botfleet.engine.backtest.CandleTicks;
import dev.botfleet.engine.data.CandleSeries;
import dev.botfleet.engine.market.Tick;
import dev.botfleet.engine.market.Timeframe;
import dev.botfleet.engine.order.ClientOrderIds;
import dev.botfleet.engine.position.Deal;
import dev.botfleet.engine.strategy.definition.StrategyConfig;
import dev.botfleet.ml.TestData;
import dev.botfleet.ml.candles.OneSecondCandle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Backtest and live give the same features, confidences and orders for the same trades (docs/ml.md "Backtests and
 * parity"). "Live" is a kernel fed ticks one at a time and matching on them, as the server runs a paper bot; the
 * backtests are the engine's {@link Backtester} on candle data — the tick replay ({@link Backtester#runOnTicks}) and
 * the plain candle replay — with the trades of those candles ({@link CandleTicks}) as the live feed.
 */
class MlParityTest {

    private static final MlBotHarness.Models MODELS = new MlBotHarness.Models();

    /** The data sets: LTC/BTC as 1-second candles (from its trades) and its 5-minute candles spaced as 1-minute ones. */
    enum Data { ONE_SECOND, ONE_MINUTE }

    @BeforeAll
    static void model() {
        MODELS.texts.put("m1", TestData.smallModel());
    }

    private static CandleSeries candles(Data data) {
        if (data == Data.ONE_SECOND) {
            List<OneSecondCandle> seconds = TestData.ltcSeconds().subList(0, 1500);
            int n = seconds.size();
            long[] t = new long[n];
            double[] o = new double[n], h = new double[n], l = new double[n], c = new double[n], v = new double[n];
            for (int i = 0; i < n; i++) {
                OneSecondCandle s = seconds.get(i);
                t[i] = s.second();
                o[i] = s.open();
                h[i] = s.high();
                l[i] = s.low();
                c[i] = s.close();
                v[i] = s.buyVolume() + s.sellVolume();
            }
            return CandleSeries.of(Timeframe.S1, t, o, h, l, c, v);
        }
        CandleSeries five = TestData.ltcCandles().slice(0, 400);
        int n = five.size();
        long[] t = new long[n];
        double[] o = new double[n], h = new double[n], l = new double[n], c = new double[n], v = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = five.openTime(0) + 60_000L * i;
            o[i] = five.open(i);
            h[i] = five.high(i);
            l[i] = five.low(i);
            c[i] = five.close(i);
            v[i] = five.volume(i);
        }
        return CandleSeries.of(Timeframe.M1, t, o, h, l, c, v);
    }

    private static StrategyConfig config(Data data) {
        // a low threshold and short timeouts, so the runs place, cancel and close many orders
        return MlBotHarness.config(Map.of("model", "m1", "confidence_threshold", "0.35", "capital_per_trade", "0.1",
                "maker_order_timeout", data == Data.ONE_SECOND ? 5 : 60, "holding_time",
                data == Data.ONE_SECOND ? 20 : 300, "max_positions", 2));
    }

    private record Run(List<MlDecision> decisions, List<BacktestTrade> deals) {
    }

    private static Run live(CandleSeries series, StrategyConfig config) {
        MlBotHarness bot = new MlBotHarness(config, MODELS);
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i < series.size(); i++) CandleTicks.of(series.candle(i, "sim", "LTC/BTC"), ticks::add);
        bot.kernel.start(java.time.Instant.ofEpochMilli(series.openTime(0)));
        bot.feed(ticks);
        List<BacktestTrade> deals = new ArrayList<>();
        for (Deal d : bot.deals) {
            deals.add(new BacktestTrade(d.openedAt(), d.closedAt(), d.direction().name(), d.quantity(),
                    d.entryPrice(), d.exitPrice(), d.fees(), d.pnl(), d.closeReason().name()));
        }
        return new Run(bot.decisions, deals);
    }

    private static Run backtest(CandleSeries series, StrategyConfig config, boolean onTicks) {
        List<MlDecision> decisions = new ArrayList<>();
        BacktestSpec spec = BacktestSpec.of(MlSignalDefinition.ID,
                (c, instrument) -> new MlSignalStrategy(c, instrument, MODELS, (bot, d) -> decisions.add(d)),
                config, MlBotHarness.LTC_BTC, series, new BigDecimal("10"));
        BacktestResult result = onTicks ? Backtester.runOnTicks(spec) : Backtester.run(spec);
        assertThat(result.failed()).as(String.valueOf(result.warnings())).isFalse();
        return new Run(decisions, result.trades());
    }

    @ParameterizedTest
    @EnumSource(Data.class)
    void liveAndTickReplayBacktestDecideAndTradeIdentically(Data data) {
        CandleSeries series = candles(data);
        Run live = live(series, config(data));
        Run backtest = backtest(series, config(data), true);

        assertThat(live.decisions()).hasSizeGreaterThan(100);
        assertSameDecisions(live.decisions(), backtest.decisions(), true);
        assertThat(live.decisions().stream().filter(MlDecision::acted).count()).isGreaterThan(5);
        assertThat(backtest.deals()).isNotEmpty().isEqualTo(live.deals());
    }

    @ParameterizedTest
    @EnumSource(Data.class)
    void theCandleReplayBacktestComputesTheSameFeaturesAndConfidences(Data data) {
        CandleSeries series = candles(data);
        Run live = live(series, config(data));
        Run candles = backtest(series, config(data), false);
        // its orders go out at each candle's close (the kernel's clock), so its fills and positions may differ; what
        // the model sees and answers may not
        assertSameDecisions(live.decisions(), candles.decisions(), false);
    }

    private static void assertSameDecisions(List<MlDecision> a, List<MlDecision> b, boolean orders) {
        assertThat(b).hasSameSizeAs(a);
        for (int i = 0; i < a.size(); i++) {
            MlDecision x = a.get(i);
            MlDecision y = b.get(i);
            assertThat(y.time()).as("decision %d", i).isEqualTo(x.time());
            assertThat(Double.doubleToRawLongBits(y.confidence())).as("confidence of decision %d", i)
                    .isEqualTo(Double.doubleToRawLongBits(x.confidence()));
            assertThat(y.features()).hasSameSizeAs(x.features());
            for (int f = 0; f < x.features().length; f++) {
                assertThat(Double.doubleToRawLongBits(y.features()[f])).as("decision %d feature %d", i, f)
                        .isEqualTo(Double.doubleToRawLongBits(x.features()[f]));
            }
            if (orders) {
                assertThat(y.acted()).as("decision %d acted", i).isEqualTo(x.acted());
                assertThat(y.note()).isEqualTo(x.note());
                if (x.acted()) {
                    assertThat(ClientOrderIds.sequenceOf(y.clientOrderId()))
                            .isEqualTo(ClientOrderIds.sequenceOf(x.clientOrderId()));
                }
            }
        }
    }
}
