package dev.botfleet.strategies.signal;

import dev.botfleet.engine.market.Candle;
import dev.botfleet.engine.market.Timeframe;
import dev.botfleet.engine.order.OrderSide;
import dev.botfleet.engine.strategy.Warmup;
import dev.botfleet.strategies.StrategyCatalog;
import dev.botfleet.strategies.rules.RulesStrategy;
import dev.botfleet.strategies.support.Harness;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Indicator strategies start warm: handed their declared history at start, they decide on the first live candle
 * instead of waiting minutes (or hours) for their indicators to fill.
 */
class WarmStartTest {
    /** Falling 1m closes before T0: RSI deep in oversold once it has enough of them. */
    static List<Candle> fallingHistory(int candles) {
        List<Candle> history = new ArrayList<>();
        for (int i = 0; i < candles; i++) {
            double close = 1000 - i;
            long open = Harness.T0.minusSeconds(60L * (candles - i)).toEpochMilli();
            history.add(new Candle("sim", "BTC/USDT", Timeframe.M1, open, close + 1, close + 1, close, close, 10));
        }
        return history;
    }

    @Test
    void rsiDeclaresItsLookbackAndBuysOnTheFirstLiveCandleAfterItsHistory() {
        Map<String, Object> raw = Map.of("rsiPeriod", 14);
        Harness cold = Harness.onCandles(RsiStrategy.definition(), RsiStrategy::new, raw);
        assertThat(cold.strategy.warmup()).isEqualTo(new Warmup(Timeframe.M1, 16));  // TA-Lib RSI(14): 15 inputs, +1

        Harness warm = Harness.onCandles(RsiStrategy.definition(), RsiStrategy::new, raw).start(fallingHistory(16));
        warm.tick(1, 984).close(0, 984);             // the first live candle, still falling
        assertThat(warm.latestOrders()).singleElement().satisfies(o -> assertThat(o.side()).isEqualTo(OrderSide.BUY));

        cold.start().tick(1, 984).close(0, 984);      // without history the RSI has one candle: no decision yet
        assertThat(cold.orders).isEmpty();
    }

    @Test
    void tooShortAHistoryIsNotEnough() {
        Harness h = Harness.onCandles(RsiStrategy.definition(), RsiStrategy::new, Map.of("rsiPeriod", 14))
                .start(fallingHistory(13));
        h.tick(1, 984).close(0, 984);
        assertThat(h.orders).as("RSI(14) needs 15 closes: 13 of history and 1 live are not enough").isEmpty();
    }

    @Test
    void everyIndicatorStrategyOfTheCatalogDeclaresAWarmupAndThePriceOnlyOnesNone() {
        StrategyCatalog catalog = new StrategyCatalog();
        for (String id : List.of("rsi", "bollinger", "ema-cross", "macd-dca", "dip", "momentum", RulesStrategy.ID)) {
            var def = catalog.find(id).orElseThrow();
            var strategy = catalog.create(id, Harness.config(def, Map.of()), Harness.BTC);
            assertThat(strategy.warmup().candles()).as(id).isPositive();
        }
        for (String id : List.of("scalper", "grid", "simple-dca", "dca")) {
            var def = catalog.find(id).orElseThrow();
            Map<String, Object> raw = id.equals("grid")
                    ? Map.of("lowerPrice", "900", "upperPrice", "1100", "gridLevels", 5, "quantityPerGrid", "0.01")
                    : Map.of();
            if (!def.validate(raw).valid()) continue;  // a strategy needing more config is covered by its own tests
            assertThat(catalog.create(id, def.validate(raw).config(), Harness.BTC).warmup().candles()).as(id).isZero();
        }
    }
}
