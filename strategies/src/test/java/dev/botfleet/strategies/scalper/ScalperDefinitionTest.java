package dev.botfleet.strategies.scalper;

import dev.botfleet.engine.strategy.definition.StrategyDefinition;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ScalperDefinitionTest {
    private final StrategyDefinition scalper = ScalperDefinition.definition();

    @Test
    void validConfigIsNormalizedWithDefaults() {
        var v = scalper.validate(Map.of("quantity", 0.01, "buyPrice", "64000", "sellPrice", 64200));
        assertThat(v.valid()).isTrue();
        assertThat(v.config().decimal("quantity")).isEqualByComparingTo("0.01");
        assertThat(v.config().text("firstOrder")).isEqualTo("BUY");
        assertThat(v.config().bool("infiniteLoop")).isTrue();
        assertThat(v.config().decimal("trailingPercent")).isEqualByComparingTo(BigDecimal.ZERO);
    }

    @Test
    void sellPriceMustBeAboveBuyPrice() {
        var v = scalper.validate(Map.of("quantity", 1, "buyPrice", 100, "sellPrice", 100));
        assertThat(v.violations()).singleElement()
                .satisfies(x -> assertThat(x.field()).isEqualTo("sellPrice"));
    }

    @Test
    void zeroQuantityUnknownParameterAndBadEnumAreAllReported() {
        var v = scalper.validate(Map.of("quantity", 0, "buyPrice", 1, "sellPrice", 2, "firstOrder", "HOLD", "colour", "red"));
        assertThat(v.violations()).extracting(x -> x.field())
                .containsExactlyInAnyOrder("quantity", "firstOrder", "colour");
        assertThat(v.violations()).filteredOn(x -> x.field().equals("quantity"))
                .singleElement().satisfies(x -> assertThat(x.message()).isEqualTo("must be > 0"));
    }

    @Test
    void missingRequiredParameterIsNamed() {
        var v = scalper.validate(Map.of("buyPrice", 1, "sellPrice", 2));
        assertThat(v.violations()).extracting(x -> x.field()).containsExactly("quantity");
    }
}
