package dev.botfleet.strategies.signal;

import dev.botfleet.engine.indicator.BollingerBands;
import dev.botfleet.engine.indicator.Ema;
import dev.botfleet.engine.indicator.Highest;
import dev.botfleet.engine.indicator.Macd;
import dev.botfleet.engine.indicator.Roc;
import dev.botfleet.engine.indicator.Rsi;
import dev.botfleet.engine.strategy.IndicatorReporter;
import dev.botfleet.engine.strategy.StrategyFactory;
import dev.botfleet.engine.strategy.definition.StrategyDefinition;
import dev.botfleet.strategies.rules.RulesStrategy;
import dev.botfleet.strategies.support.Harness;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each signal strategy reports, after every candle, the values its signals read: the same numbers as the engine's
 * indicator fed the same closes (flat 1m candles, so high = low = close).
 */
class SignalIndicatorsTest {
    private static final double[] CLOSES = SignalStrategiesTest.DOWN_UP;

    /** Feeds CLOSES one candle at a time and returns the reported values after each. */
    private static List<Map<String, Double>> reported(StrategyDefinition definition, StrategyFactory factory,
                                                      Map<String, ?> config) {
        Harness h = Harness.onCandles(definition, factory, config).start();
        List<Map<String, Double>> out = new ArrayList<>();
        for (int i = 0; i < CLOSES.length; i++) {
            h.close(i, CLOSES[i]);
            out.add(((IndicatorReporter) h.strategy).indicatorValues());
        }
        return out;
    }

    /** Exact equality, NaN included: the strategy reports its own indicator's value, no copy arithmetic. */
    private static void assertColumn(List<Map<String, Double>> rows, String name, double[] expected) {
        for (int i = 0; i < expected.length; i++) {
            // Boxed: Double.equals holds NaN equal to NaN (not ready in both) and compares the rest bit for bit.
            assertThat(rows.get(i).get(name)).as("%s after candle %d", name, i).isEqualTo(Double.valueOf(expected[i]));
        }
    }

    @Test
    void rsiReportsItsRsi() {
        List<Map<String, Double>> rows = reported(RsiStrategy.definition(), RsiStrategy::new, Map.of("rsiPeriod", 3));
        Rsi rsi = new Rsi(3);
        double[] expected = new double[CLOSES.length];
        for (int i = 0; i < CLOSES.length; i++) expected[i] = rsi.update(CLOSES[i]);
        assertThat(rows.getLast().keySet()).containsExactly("rsi");
        assertThat(rows.getFirst().get("rsi")).isNaN();  // RSI(3) needs 4 closes
        assertColumn(rows, "rsi", expected);
    }

    @Test
    void emaCrossReportsBothEmas() {
        List<Map<String, Double>> rows = reported(EmaCrossStrategy.definition(), EmaCrossStrategy::new,
                Map.of("fastPeriod", 3, "slowPeriod", 6));
        Ema fast = new Ema(3);
        Ema slow = new Ema(6);
        double[] f = new double[CLOSES.length];
        double[] s = new double[CLOSES.length];
        for (int i = 0; i < CLOSES.length; i++) {
            f[i] = fast.update(CLOSES[i]);
            s[i] = slow.update(CLOSES[i]);
        }
        assertThat(rows.getLast().keySet()).containsExactly("emaFast", "emaSlow");
        assertColumn(rows, "emaFast", f);
        assertColumn(rows, "emaSlow", s);
    }

    @Test
    void bollingerReportsTheBandsAndPercentB() {
        List<Map<String, Double>> rows = reported(BollingerStrategy.definition(), BollingerStrategy::new,
                Map.of("period", 5));
        BollingerBands bb = new BollingerBands(5, 2);
        for (int i = 0; i < CLOSES.length; i++) {
            bb.update(CLOSES[i]);
            assertThat(rows.get(i)).containsEntry("bbLower", bb.lower()).containsEntry("bbMiddle", bb.middle())
                    .containsEntry("bbUpper", bb.upper()).containsEntry("percentB", bb.percentB());
        }
    }

    @Test
    void macdDcaReportsTheMacdAndSignalLines() {
        List<Map<String, Double>> rows = reported(MacdDcaStrategy.definition(), MacdDcaStrategy::new,
                Map.of("fastPeriod", 2, "slowPeriod", 4, "signalPeriod", 2));
        Macd macd = new Macd(2, 4, 2);
        for (int i = 0; i < CLOSES.length; i++) {
            macd.update(CLOSES[i]);
            assertThat(rows.get(i)).containsEntry("macd", macd.value()).containsEntry("macdSignal", macd.signal());
        }
    }

    @Test
    void momentumReportsTheBreakoutLevelAndTheRoc() {
        List<Map<String, Double>> rows = reported(MomentumStrategy.definition(), MomentumStrategy::new,
                Map.of("lookback", 3, "rocPeriod", 2));
        Highest highest = new Highest(3);
        Roc roc = new Roc(2);
        for (int i = 0; i < CLOSES.length; i++) {
            double before = highest.value();  // the window before this candle: what the breakout compares with
            highest.update(CLOSES[i]);
            roc.update(CLOSES[i]);
            assertThat(rows.get(i)).containsEntry("previousHigh", before).containsEntry("roc", roc.value());
        }
    }

    @Test
    void dipReportsTheRecentHigh() {
        List<Map<String, Double>> rows = reported(DipStrategy.definition(), DipStrategy::new, Map.of("lookback", 4));
        Highest highest = new Highest(4);
        double[] expected = new double[CLOSES.length];
        for (int i = 0; i < CLOSES.length; i++) expected[i] = highest.update(CLOSES[i]);
        assertColumn(rows, "highest", expected);
    }

    @Test
    void rulesReportEveryIndicatorOfTheirTrees() {
        Map<String, Object> entry = Map.of("all", List.of(Map.of(
                "left", Map.of("indicator", "rsi", "period", 3), "op", "<", "right", 30)));
        Map<String, Object> exit = Map.of("all", List.of(Map.of(
                "left", Map.of("indicator", "ema", "period", 4), "op", ">", "right", 105)));
        List<Map<String, Double>> rows = reported(RulesStrategy.definition(), RulesStrategy::new,
                Map.of("entry", entry, "exit", exit));
        Rsi rsi = new Rsi(3);
        Ema ema = new Ema(4);
        double[] r = new double[CLOSES.length];
        double[] e = new double[CLOSES.length];
        for (int i = 0; i < CLOSES.length; i++) {
            r[i] = rsi.update(CLOSES[i]);
            e[i] = ema.update(CLOSES[i]);
        }
        assertThat(rows.getLast().keySet()).containsExactly("rsi(3)", "ema(4)");
        assertColumn(rows, "rsi(3)", r);
        assertColumn(rows, "ema(4)", e);
    }
}
