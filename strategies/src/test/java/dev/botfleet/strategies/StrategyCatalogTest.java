package dev.botfleet.strategies;

import dev.botfleet.engine.market.Candle;
import dev.botfleet.engine.market.Tick;
import dev.botfleet.engine.market.Timeframe;
import dev.botfleet.engine.position.Deal;
import dev.botfleet.engine.strategy.definition.ParameterDefinition;
import dev.botfleet.engine.strategy.definition.StrategyConfig;
import dev.botfleet.engine.strategy.definition.StrategyDefinition;
import dev.botfleet.engine.kernel.KernelState;
import dev.botfleet.engine.kernel.MatchingData;
import dev.botfleet.engine.sim.SimFillModel;
import dev.botfleet.strategies.support.Harness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class StrategyCatalogTest {
    static final StrategyCatalog CATALOG = new StrategyCatalog();

    /** Settings for the parameters that have no default. */
    static final Map<String, Map<String, Object>> REQUIRED = Map.of(
            "grid", Map.of("lowerPrice", "60000", "upperPrice", "68000", "gridCount", 8, "quantityPerGrid", "100"));

    /** Strategies that trade on market data alone: the scalper needs prices near the market, signal needs signals. */
    static List<String> runnable() {
        return CATALOG.definitions().stream().map(StrategyDefinition::id)
                .filter(id -> !id.equals("scalper") && !id.equals("signal")).toList();
    }

    @Test
    void listsEveryStrategyInItsStableOrder() {
        assertThat(CATALOG.definitions()).extracting(StrategyDefinition::id).containsExactly("scalper", "grid", "dca",
                "simple-dca", "rsi", "bollinger", "macd-dca", "ema-cross", "dip", "momentum", "rules", "signal");
    }

    @ParameterizedTest
    @MethodSource("runnable")
    void everyParameterIsDescribed(String id) {
        for (ParameterDefinition p : CATALOG.find(id).orElseThrow().parameters()) {
            assertThat(p.description()).as(id + "." + p.name()).isNotBlank();
        }
    }

    /**
     * Each strategy runs on a seeded random walk as a backtest would feed it (1m candles only) and as paper trading
     * does (ticks and 1m candles), through the same class, without failing; the same inputs give the same deals.
     */
    @ParameterizedTest
    @MethodSource("runnable")
    void runsOnCandlesAndOnTicksDeterministically(String id) {
        List<String> first = run(id, 42, false);
        assertThat(run(id, 42, false)).isEqualTo(first);
        List<String> paper = run(id, 7, true);
        assertThat(run(id, 7, true)).isEqualTo(paper);
    }

    static List<String> run(String id, long seed, boolean ticks) {
        StrategyDefinition def = CATALOG.find(id).orElseThrow();
        StrategyConfig config = Harness.config(def, REQUIRED.getOrDefault(id, Map.of()));
        // data is matched once: on the ticks when there are ticks (paper), else by replaying the candles (backtest)
        Harness h = new Harness(CATALOG.create(id, config, Harness.BTC), Harness.BTC, Harness.usdt("1000000"),
                KernelState.EMPTY, SimFillModel.DEFAULT, ticks ? MatchingData.TICKS : MatchingData.CANDLES).start();
        SplittableRandom random = new SplittableRandom(seed);
        double price = 64000;
        for (int minute = 0; minute < 600; minute++) {
            long open = Harness.T0.plusSeconds(60L * minute).toEpochMilli();
            double o = price, hi = price, lo = price;
            for (int s = 0; s < (ticks ? 6 : 4); s++) {
                price = Math.round(price * (1 + random.nextGaussian() * 0.002) * 100) / 100.0;
                hi = Math.max(hi, price);
                lo = Math.min(lo, price);
                if (ticks) h.kernel.onTick(new Tick("sim", "BTC/USDT", open + 10_000L * s, price, 0.5));
            }
            h.kernel.onCandle(new Candle("sim", "BTC/USDT", Timeframe.M1, open, o, hi, lo, price, 100));
        }
        assertThat(h.stops).as(id + " stopped").noneMatch(s -> s.startsWith("error"));
        assertThat(h.fills).as(id + " traded").isNotEmpty();
        return h.deals.stream().map(Deal::toString).toList();
    }
}
