package dev.botfleet.strategies.exit;

import dev.botfleet.engine.strategy.definition.ParameterViolation;
import dev.botfleet.engine.strategy.definition.StrategyDefinition;
import dev.botfleet.strategies.signal.SignalParameters;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ExitParametersTest {
    static final StrategyDefinition DEF = SignalParameters.definition("t", "t", "t", List.of(), List.of(), "0", "0");

    static List<String> violations(Map<String, ?> raw) {
        return DEF.validate(raw).violations().stream().map(v -> v.field() + ": " + v.message()).toList();
    }

    static Map<String, Object> step(Object amount, Object profit) {
        return Map.of("amountPercent", amount, "profitPercent", profit);
    }

    @Test
    void stepsMustSumToHundred() {
        assertThat(violations(Map.of("takeProfitSteps", List.of(step(50, 1), step(40, 2)))))
                .containsExactly("takeProfitSteps: amountPercent values must sum to 100, not 90");
    }

    @Test
    void atMostFourSteps() {
        assertThat(violations(Map.of("takeProfitSteps",
                List.of(step(20, 1), step(20, 2), step(20, 3), step(20, 4), step(20, 5)))))
                .containsExactly("takeProfitSteps: must have at most 4 targets");
    }

    @Test
    void aBadStepFieldIsNamedByItsPath() {
        assertThat(violations(Map.of("takeProfitSteps", List.of(step(50, 1), step(50, -2)))))
                .containsExactly("takeProfitSteps[1].profitPercent: must be > 0 and <= 1000");
    }

    @Test
    void takeProfitPercentMustBeZeroWithSteps() {
        assertThat(violations(Map.of("takeProfitPercent", "2", "takeProfitSteps", List.of(step(100, 1)))))
                .containsExactly("takeProfitPercent: must be 0 when takeProfitSteps are given");
    }

    @Test
    void trailingTakeProfitNeedsATarget() {
        assertThat(violations(Map.of("trailingTakeProfitPercent", "1")))
                .containsExactly("trailingTakeProfitPercent: needs a take profit (takeProfitPercent > 0 or "
                        + "takeProfitSteps) to trail");
    }

    @Test
    void roiKeysAreMinutesAndValuesRatios() {
        assertThat(violations(Map.of("minimalRoi", Map.of("soon", 0.1))))
                .containsExactly("minimalRoi.soon: key must be a whole number of minutes");
        assertThat(violations(Map.of("minimalRoi", Map.of("5", -2))))
                .containsExactly("minimalRoi.5: must be a profit ratio > -1 and <= 10 (0.04 = 4 %)");
    }

    @Test
    void aValidConfigBecomesExitRules() {
        var v = DEF.validate(Map.of("takeProfitSteps", List.of(step(25, 1), step(75, "2.5")), "stopLossPercent", 3,
                "stopLossType", "TRAILING", "stopLossReference", "FIRST_ENTRY", "timeLimitMinutes", 90,
                "minimalRoi", Map.of("0", 0.04, "30", 0)));
        assertThat(v.violations()).isEmpty();
        ExitRules rules = ExitParameters.from(v.config());
        assertThat(rules.takeProfit()).extracting(s -> s.amountPercent().toPlainString() + "@" + s.profitPercent())
                .containsExactly("25@1", "75@2.5");
        assertThat(rules.stopLoss().trailing()).isTrue();
        assertThat(rules.stopLoss().reference()).isEqualTo(StopLoss.Reference.FIRST_ENTRY);
        assertThat(rules.timeLimitMinutes()).isEqualTo(90);
        assertThat(rules.roi().target(29)).contains(new java.math.BigDecimal("0.04"));
        assertThat(rules.roi().target(30).orElseThrow()).isZero();
    }

    @Test
    void violationsCarryTheRejectedValue() {
        ParameterViolation v = DEF.validate(Map.of("stopLossPercent", "150")).violations().getFirst();
        assertThat(v.field()).isEqualTo("stopLossPercent");
        assertThat(v.message()).isEqualTo("must be >= 0 and <= 99");
    }
}
