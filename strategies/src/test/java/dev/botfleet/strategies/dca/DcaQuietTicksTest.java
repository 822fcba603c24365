package dev.botfleet.strategies.dca;

import dev.botfleet.engine.market.Tick;
import dev.botfleet.strategies.support.Harness;
import dev.botfleet.strategies.support.QuietTicksRun;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DCA bots fed through the hub that skips quiet ticks do exactly what the same bots do when they see every tick: the
 * same orders, fills and positions, the same answers to reads between ticks (unrealized PnL at the last price) — while
 * most ticks never reach them.
 */
class DcaQuietTicksTest {
    /** Three safety orders 0.4 % apart, two active, take profit 0.5 %. */
    private static Map<String, Object> ladder(String stopLossPercent) {
        return new LinkedHashMap<>(Map.of("baseOrderSize", "100", "safetyOrderSize", "100", "priceDeviation", "0.4",
                "maxSafetyOrders", 3, "maxActiveSafetyOrders", 2, "takeProfitPercent", "0.5",
                "stopLossPercent", stopLossPercent));
    }

    static Stream<Map<String, Object>> configs() {
        Map<String, Object> plain = ladder("2");
        Map<String, Object> trailingTakeProfit = new LinkedHashMap<>(plain);
        trailingTakeProfit.put("trailingTakeProfitPercent", "0.2");
        Map<String, Object> trailingStop = new LinkedHashMap<>(plain);
        trailingStop.put("stopLossType", "TRAILING");
        trailingStop.put("stopLossReference", "FIRST_ENTRY");
        Map<String, Object> cooldown = new LinkedHashMap<>(plain);
        cooldown.put("cooldownSeconds", 30);
        cooldown.put("stopLossPercent", "0");
        Map<String, Object> fiveMinutes = new LinkedHashMap<>(plain);  // candles of 5m aggregated from the 1m feed
        fiveMinutes.put("timeframe", "5m");
        return Stream.of(plain, trailingTakeProfit, trailingStop, cooldown, fiveMinutes);
    }

    /** Bots that read candles: a stop checked at candle closes, an RSI start condition. */
    static Stream<Map<String, Object>> candleReaders() {
        Map<String, Object> plain = ladder("0.6");
        Map<String, Object> stopAtClose = new LinkedHashMap<>(plain);
        stopAtClose.put("stopLossTrigger", "CANDLE_CLOSE");
        Map<String, Object> rsiStart = new LinkedHashMap<>(plain);
        rsiStart.put("startCondition", "RSI_BELOW");
        rsiStart.put("rsiThreshold", "55");
        rsiStart.put("rsiPeriod", 3);
        return Stream.of(stopAtClose, rsiStart);
    }

    @ParameterizedTest
    @MethodSource("configs")
    void botsThatSkipQuietTicksTradeExactlyAsBotsThatSeeEveryTick(Map<String, Object> config) {
        List<Tick> ticks = QuietTicksRun.randomWalk(6000, 7, 0.0006);
        IntFunction<dev.botfleet.engine.strategy.Strategy> dca = b -> {
            Map<String, Object> c = new LinkedHashMap<>(config);  // take profits 0.1 % apart across the bots
            c.put("takeProfitPercent", new BigDecimal(config.get("takeProfitPercent").toString())
                    .add(new BigDecimal("0.1").multiply(BigDecimal.valueOf(b % 3))).toPlainString());
            return new DcaStrategy(Harness.config(DcaDefinition.definition(), c), Harness.BTC);
        };
        QuietTicksRun.Result every = QuietTicksRun.run(6, dca, false, ticks);
        QuietTicksRun.Result skipping = QuietTicksRun.run(6, dca, true, ticks);

        assertThat(every.fills()).as("the walk must make the bots trade").isGreaterThan(20);
        assertThat(skipping.journal()).isEqualTo(every.journal());
        assertThat(every.quietDecisions()).isZero();
        // most ticks were decided without a turn, and every tick was decided once per bot
        assertThat(skipping.quietDecisions()).isGreaterThan(skipping.turnsOnTicks());
        assertThat(skipping.quietDecisions() + skipping.turnsOnTicks()).isEqualTo(every.turnsOnTicks());
        // an ASAP bot without a stop at candle closes takes a candle as a price: candles inside its band skipped too
        assertThat(skipping.candlesHandled()).isLessThan(every.candlesHandled());
    }

    @ParameterizedTest
    @MethodSource("candleReaders")
    void botsThatReadCandlesAreHandedEveryCandleAndStillTradeExactlyAlike(Map<String, Object> config) {
        List<Tick> ticks = QuietTicksRun.randomWalk(6000, 7, 0.0006);
        IntFunction<dev.botfleet.engine.strategy.Strategy> dca =
                b -> new DcaStrategy(Harness.config(DcaDefinition.definition(), config), Harness.BTC);
        QuietTicksRun.Result every = QuietTicksRun.run(4, dca, false, ticks);
        QuietTicksRun.Result skipping = QuietTicksRun.run(4, dca, true, ticks);

        assertThat(every.fills()).as("the walk must make the bots trade").isGreaterThan(8);
        assertThat(skipping.journal()).isEqualTo(every.journal());
        assertThat(skipping.quietDecisions()).as("quiet ticks still skipped").isGreaterThan(0);
        assertThat(skipping.candlesHandled()).isEqualTo(every.candlesHandled());
    }
}
