package dev.botfleet.server.backtest;

import dev.botfleet.engine.backtest.BacktestResult;
import dev.botfleet.engine.backtest.Backtester;
import dev.botfleet.engine.backtest.FillModel;
import dev.botfleet.engine.data.CandleLoader;
import dev.botfleet.engine.data.CandleSeries;
import dev.botfleet.strategies.StrategyCatalog;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every catalog strategy end to end on the shipped candles (LTC/BTC 5m): it trades, and twice gives the same. */
class CatalogBacktestTest {
    private static final CatalogStrategies CATALOG = new CatalogStrategies(new StrategyCatalog());

    static Stream<Arguments> strategies() {
        return Stream.of(
                Arguments.of("scalper", Map.of("quantity", "10", "buyPrice", "0.0160", "sellPrice", "0.0170"), FillModel.REALISTIC),
                Arguments.of("rsi", Map.of("orderAmount", "0.5"), FillModel.REALISTIC),
                Arguments.of("rsi", Map.of("orderAmount", "0.5"), FillModel.FREQTRADE),
                Arguments.of("bollinger", Map.of("orderAmount", "0.5"), FillModel.REALISTIC),
                Arguments.of("bollinger", Map.of("orderAmount", "0.5"), FillModel.FREQTRADE),
                Arguments.of("ema-cross", Map.of("orderAmount", "0.5"), FillModel.REALISTIC),
                Arguments.of("ema-cross", Map.of("orderAmount", "0.5"), FillModel.FREQTRADE),
                Arguments.of("dca", Map.of("baseOrderSize", "0.1", "safetyOrderSize", "0.2"), FillModel.REALISTIC),
                Arguments.of("simple-dca", Map.of("orderAmount", "0.5"), FillModel.REALISTIC),
                // the grid's range must fit LTC/BTC (0.0148-0.0189 over the file); its deals are lots, not flat-to-flat
                Arguments.of("grid", Map.of("lowerPrice", "0.0150", "upperPrice", "0.0189", "gridCount", 10,
                        "quantityPerGrid", "10", "quantityCurrency", "BASE"), FillModel.REALISTIC),
                Arguments.of("momentum", Map.of("orderAmount", "0.5"), FillModel.REALISTIC),
                Arguments.of("momentum", Map.of("orderAmount", "0.5"), FillModel.FREQTRADE));
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("strategies")
    void tradesAndIsDeterministic(String id, Map<String, Object> params, FillModel model) throws Exception {
        CandleSeries candles = CandleLoader.load(
                Path.of(getClass().getResource("/datasets/LTC_BTC-5m.json").toURI())).series();
        StrategySource source = CATALOG.resolve(id);
        BacktestJob job = new BacktestJob(source, source.forData(params, candles.timeframe()), "LTC/BTC",
                "LTC_BTC-5m.json", candles, model, new BigDecimal("0.001"), BigDecimal.TEN, 0, BacktestJob.DEFAULT_TICK,
                BacktestJob.DEFAULT_LOT, -1);

        BacktestResult first = Backtester.run(job.spec());
        BacktestResult second = Backtester.run(job.spec());

        assertThat(first.failed()).as(first.stopReason()).isFalse();
        assertThat(first.trades()).as("%s makes at least one round trip", id).isNotEmpty();
        assertThat(second).isEqualTo(first);
        assertThat(BacktestReport.of(job, first)).isEqualTo(BacktestReport.of(job, second));
    }
}
