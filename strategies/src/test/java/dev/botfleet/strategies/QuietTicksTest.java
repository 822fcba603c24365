package dev.botfleet.strategies;

import dev.botfleet.engine.market.Tick;
import dev.botfleet.engine.strategy.Strategy;
import dev.botfleet.strategies.grid.GridDefinition;
import dev.botfleet.strategies.grid.GridStrategy;
import dev.botfleet.strategies.scalper.Scalper;
import dev.botfleet.strategies.scalper.ScalperDefinition;
import dev.botfleet.strategies.signal.RsiStrategy;
import dev.botfleet.strategies.support.Harness;
import dev.botfleet.strategies.support.QuietTicksRun;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;

/** The other strategies that narrow their quiet band trade exactly the same whether quiet ticks are skipped or not. */
class QuietTicksTest {
    private static void sameEitherWay(IntFunction<Strategy> strategy, List<Tick> ticks, int minFills) {
        QuietTicksRun.Result every = QuietTicksRun.run(4, strategy, false, ticks);
        QuietTicksRun.Result skipping = QuietTicksRun.run(4, strategy, true, ticks);
        assertThat(every.fills()).as("the walk must make the bots trade").isGreaterThanOrEqualTo(minFills);
        assertThat(skipping.journal()).isEqualTo(every.journal());
        assertThat(skipping.quietDecisions()).isGreaterThan(skipping.turnsOnTicks());
        assertThat(skipping.quietDecisions() + skipping.turnsOnTicks()).isEqualTo(every.turnsOnTicks());
    }

    @Test
    void rsiBotsWithStopAndTrailingTakeProfit() {
        // 1m candles of a walk of 0.15 % per trade: the RSI crosses its levels, the exits fire in between
        sameEitherWay(b -> new RsiStrategy(Harness.config(RsiStrategy.definition(), Map.of("rsiPeriod", 4 + b,
                "oversold", "45", "overbought", "55", "orderAmount", "500", "takeProfitPercent", "1",
                "trailingTakeProfitPercent", "0.3", "stopLossPercent", "1.5", "minProfitPercent", "0")), Harness.BTC),
                QuietTicksRun.randomWalk(40_000, 11, 0.0015), 10);
    }

    @Test
    void gridsWithStopTakeProfitAndTrailing() {
        // bot 0 trails up and takes its profit, bot 1 trails down and stops out, the others range
        List<Tick> up = QuietTicksRun.randomWalk(20_000, 9, 0.0003);
        sameEitherWay(b -> new GridStrategy(Harness.config(GridDefinition.definition(), Map.of("lowerPrice",
                String.valueOf(29_700 - 100 * b), "upperPrice", "30300", "gridCount", 8, "quantityPerGrid", "200",
                "stopLossPrice", String.valueOf(29_300 - 200 * b), "takeProfitPrice", String.valueOf(30_500 + 200 * b),
                "trailingUp", b % 2 == 0, "trailingDown", b % 2 == 1)), Harness.BTC), up, 12);
    }

    @Test
    void scalpersThatTrailTheirExit() {
        List<Tick> ticks = QuietTicksRun.randomWalk(20_000, 5, 0.0002);
        sameEitherWay(b -> new Scalper(Harness.config(ScalperDefinition.definition(), Map.of("quantity", "0.01",
                "buyPrice", String.valueOf(29_960 - 20 * b), "sellPrice", String.valueOf(30_040 + 20 * b),
                "trailingPercent", "0.1", "infiniteLoop", true)), Harness.BTC), ticks, 12);
    }
}
