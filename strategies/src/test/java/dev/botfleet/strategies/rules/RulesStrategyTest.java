package dev.botfleet.strategies.rules;

import dev.botfleet.engine.indicator.Sma;
import dev.botfleet.engine.order.CloseReason;
import dev.botfleet.engine.order.OrderSide;
import dev.botfleet.engine.position.Deal;
import dev.botfleet.engine.strategy.definition.StrategyDefinition;
import dev.botfleet.strategies.support.Harness;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RulesStrategyTest {
    static final StrategyDefinition DEF = RulesStrategy.definition();

    static Map<String, Object> cmp(Object left, String op, Object right) {
        return Map.of("left", left, "op", op, "right", right);
    }

    static Map<String, Object> ind(Object... kv) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    static List<String> violations(Map<String, ?> raw) {
        return DEF.validate(raw).violations().stream().map(v -> v.field() + ": " + v.message()).toList();
    }

    @Test
    void anInvalidTreeIsRefusedNamingThePath() {
        Map<String, Object> entry = Map.of("all", List.of(
                cmp(ind("indicator", "rsi", "period", 14), "<", 30),
                cmp(ind("indicator", "sma", "period", 0), ">", ind("indicator", "price"))));
        assertThat(violations(Map.of("entry", entry)))
                .containsExactly("entry.all[1].left.period: must be a whole number from 1 to 1000");
    }

    @Test
    void everyProblemIsReportedWithItsPath() {
        Map<String, Object> entry = Map.of("any", List.of(
                cmp(ind("indicator", "vwap"), ">", 1),
                cmp(ind("indicator", "macd", "fast", 26, "slow", 12), "crossesAbove", 0),
                Map.of("left", 1, "op", "=>", "right", 2),
                Map.of("all", List.of(cmp(ind("indicator", "bollinger", "output", "width"), "<", 0.5))),
                "rsi < 30"));
        Map<String, Object> exit = Map.of("all", List.of(), "any", List.of());
        assertThat(violations(Map.of("entry", entry, "exit", exit))).containsExactly(
                "entry.any[0].left.indicator: must be one of " + String.join(", ", RuleParser.INDICATORS),
                "entry.any[1].left.slow: must be greater than fast (26)",
                "entry.any[2].op: must be one of >, <, >=, <=, crossesAbove, crossesBelow",
                "entry.any[3].all[0].left.output: must be one of upper, middle, lower, percentB",
                "entry.any[4]: must be an object: {\"all\": [...]}, {\"any\": [...]} or {\"left\", \"op\", \"right\"}",
                "exit: must have only the key \"all\"");
    }

    @Test
    void unknownKeysAreRefused() {
        assertThat(violations(Map.of("entry", Map.of("left", ind("indicator", "rsi", "length", 14), "op", "<",
                "right", 30, "note", "x")))).containsExactlyInAnyOrder(
                "entry.note: is not allowed here (allowed: left, op, right)",
                "entry.left.length: is not allowed here (allowed: indicator, period)");
    }

    @Test
    void crossoversOfPriceAndItsAverageEnterAndExit() {
        double[] path = {10, 10, 10, 9, 8, 9, 11, 12, 11, 9, 8, 8};
        Map<String, Object> sma = ind("indicator", "sma", "period", 3);
        Harness h = Harness.onCandles(DEF, RulesStrategy::new, Map.of("orderAmount", "50",
                "entry", cmp(ind("indicator", "price"), "crossesAbove", sma),
                "exit", cmp(ind("indicator", "price"), "crossesBelow", sma))).start();
        h.closes(0, path);
        Sma oracle = new Sma(3);
        double[] diff = new double[path.length];
        for (int i = 0; i < path.length; i++) diff[i] = path[i] - oracle.update(path[i]);
        int up = 3;
        while (!(diff[up - 1] <= 0 && diff[up] > 0)) up++;
        int down = up + 1;
        while (!(diff[down - 1] >= 0 && diff[down] < 0)) down++;
        assertThat(up).isEqualTo(5);
        assertThat(h.deals).hasSize(1);
        Deal d = h.deals.getFirst();
        assertThat(d.entryPrice()).isEqualByComparingTo(String.valueOf(path[up + 1]));
        assertThat(d.exitPrice()).isEqualByComparingTo(String.valueOf(path[down + 1]));
        assertThat(d.closeReason()).isEqualTo(CloseReason.SIGNAL);
    }

    @Test
    void allAndAnyCombineNested() {
        // volume is 1000 on every test candle: "any" holds through its volume branch, "all" needs price above 100
        Map<String, Object> entry = Map.of("all", List.of(
                cmp(ind("indicator", "price"), ">", 100),
                Map.of("any", List.of(cmp(ind("indicator", "rsi", "period", 2), "<", 10),
                        cmp(ind("indicator", "volume"), ">=", 1000)))));
        Harness h = Harness.onCandles(DEF, RulesStrategy::new, Map.of("entry", entry)).start();
        h.closes(0, 99, 100, 100);
        assertThat(h.fills).isEmpty();
        h.closes(3, 101, 102);
        assertThat(h.fills(OrderSide.BUY)).singleElement()
                .satisfies(f -> assertThat(f.price()).isEqualByComparingTo("102"));
    }

    @Test
    void theDefaultRuleIsValidAndEveryIndicatorCompiles() {
        assertThat(DEF.validate(Map.of()).valid()).isTrue();
        List<Object> all = List.of(
                cmp(ind("indicator", "ema", "period", 5, "source", "volume"), ">", 0),
                cmp(ind("indicator", "macd", "output", "histogram"), ">", 0),
                cmp(ind("indicator", "bollinger", "period", 10, "deviations", 1.5, "output", "percentB"), "<", 0.2),
                cmp(ind("indicator", "adx", "period", 7), ">", 25),
                cmp(ind("indicator", "plusDi"), "crossesAbove", ind("indicator", "minusDi")),
                cmp(ind("indicator", "stochastic", "output", "d"), "<", 20),
                cmp(ind("indicator", "fastStochastic", "kPeriod", 5), "<=", 20),
                cmp(ind("indicator", "atr", "period", 3), "<", ind("indicator", "price")));
        assertThat(violations(Map.of("entry", Map.of("any", all)))).isEmpty();
        Harness h = Harness.onCandles(DEF, RulesStrategy::new, Map.of("entry", Map.of("any", all))).start();
        h.closes(0, 100, 101, 102, 101, 100, 99, 98, 99, 100, 101, 102, 103, 104, 105, 104, 103, 102, 101, 100,
                99, 98, 97, 96, 95, 96, 97, 98, 99, 100, 101, 102, 103, 104, 105, 106);
        assertThat(h.kernel.isRunning()).isTrue();
        assertThat(h.fills(OrderSide.BUY)).isNotEmpty();   // the EMA of volume is > 0 once ready
    }
}
