package dev.botfleet.strategies;

import dev.botfleet.engine.sim.SimMarkets;
import dev.botfleet.engine.strategy.definition.StrategyConfig;
import dev.botfleet.strategies.scalper.Scalper;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StrategyCatalogFactoryTest {
    final StrategyCatalog catalog = new StrategyCatalog();

    @Test
    void createsTheStrategyOfAnIdAndRefusesUnknownIds() {
        StrategyConfig config = catalog.find("scalper").orElseThrow().validate(Map.of("quantity", "0.01",
                "buyPrice", "100", "sellPrice", "110")).config();
        assertThat(catalog.create("scalper", config, SimMarkets.ALL.getFirst().instrument())).isInstanceOf(Scalper.class);
        assertThatThrownBy(() -> catalog.create("nope", config, SimMarkets.ALL.getFirst().instrument()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("unknown strategy 'nope'");
    }
}
