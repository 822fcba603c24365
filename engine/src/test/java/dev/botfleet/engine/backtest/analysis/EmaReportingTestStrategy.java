package dev.botfleet.engine.backtest.analysis;

import dev.botfleet.engine.indicator.Ema;
import dev.botfleet.engine.market.Candle;
import dev.botfleet.engine.strategy.IndicatorReporter;
import dev.botfleet.engine.strategy.Strategy;
import dev.botfleet.engine.strategy.StrategyContext;

import java.util.LinkedHashMap;
import java.util.Map;

/** Never trades; reports an EMA(4) of the close (recursive) and the close itself (not recursive). */
final class EmaReportingTestStrategy implements Strategy, IndicatorReporter {
    private final Ema ema = new Ema(4);
    private double close = Double.NaN;

    @Override
    public void onCandle(StrategyContext ctx, Candle candle) {
        ema.update(candle.close());
        close = candle.close();
    }

    @Override
    public Map<String, Double> indicatorValues() {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("ema4", ema.value());
        values.put("close", close);
        return values;
    }
}
