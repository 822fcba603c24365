package dev.botfleet.strategies.reload;

import dev.botfleet.engine.sim.SimMarkets;
import dev.botfleet.engine.strategy.Reconfigurable;
import dev.botfleet.engine.strategy.definition.ParameterDefinition;
import dev.botfleet.engine.strategy.definition.StrategyDefinition;
import dev.botfleet.strategies.StrategyCatalog;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Which parameters each strategy takes on a running bot (docs/strategies.md has the same table). */
class LiveEditableParametersTest {
    static final List<String> EXITS = List.of("takeProfitPercent", "trailingTakeProfitPercent", "stopLossPercent",
            "stopLossType", "stopLossReference", "stopLossTrigger", "timeLimitMinutes", "minimalRoi");

    static List<String> plusExits(String... own) {
        List<String> all = new java.util.ArrayList<>(List.of(own));
        all.addAll(EXITS);
        return all;
    }

    final StrategyCatalog catalog = new StrategyCatalog();

    static List<String> live(StrategyDefinition d) {
        return d.parameters().stream().filter(ParameterDefinition::liveEditable).map(ParameterDefinition::name).toList();
    }

    @Test
    void eachStrategyDeclaresWhatCanChangeWhileItRuns() {
        Map<String, List<String>> expected = new java.util.LinkedHashMap<>();
        expected.put("scalper", List.of("quantity", "buyPrice", "sellPrice", "trailingPercent", "infiniteLoop"));
        expected.put("grid", List.of("quantityPerGrid", "stopLossPrice", "takeProfitPrice", "trailingUp", "trailingDown"));
        List<String> dca = new java.util.ArrayList<>(List.of("baseOrderSize", "safetyOrderSize", "priceDeviation",
                "safetyOrderStepScale", "safetyOrderVolumeScale", "maxSafetyOrders", "maxActiveSafetyOrders",
                "cooldownSeconds", "rsiThreshold"));
        dca.addAll(EXITS);
        expected.put("dca", dca);
        expected.put("simple-dca", plusExits("intervalMinutes", "orderAmount", "maxPositionAmount",
                "exitOnLiquidityPullPercent"));
        expected.put("rsi", plusExits("oversold", "overbought", "minProfitPercent", "orderAmount"));
        expected.put("bollinger", plusExits("buyBelow", "sellAbove", "minProfitPercent", "orderAmount"));
        expected.put("macd-dca", plusExits("addAmount", "maxInvestment", "minProfitPercent", "orderAmount"));
        expected.put("ema-cross", plusExits("orderAmount"));
        expected.put("dip", plusExits("dipPercent", "reboundPercent", "minProfitPercent", "orderAmount"));
        expected.put("momentum", plusExits("entryMode", "rocThreshold", "exitRocPercent", "orderAmount"));
        expected.put("rules", plusExits("orderAmount"));
        expected.put("signal", plusExits("orderAmount", "sizeUnit"));
        for (StrategyDefinition d : catalog.definitions()) {
            assertThat(live(d)).as(d.id()).containsExactlyInAnyOrderElementsOf(expected.get(d.id()));
        }
        assertThat(catalog.definitions()).extracting(StrategyDefinition::id)
                .containsExactlyInAnyOrderElementsOf(expected.keySet());
    }

    @Test
    void everyStrategyWithLiveParametersCanTakeANewConfig() {
        Map<String, Map<String, Object>> required = Map.of(
                "scalper", Map.of("quantity", "0.01", "buyPrice", "100", "sellPrice", "110"),
                "grid", Map.of("lowerPrice", "100", "upperPrice", "110", "quantityPerGrid", "10"));
        for (StrategyDefinition d : catalog.definitions()) {
            var config = d.validate(required.getOrDefault(d.id(), Map.of())).config();
            var strategy = catalog.create(d.id(), config, SimMarkets.ALL.getFirst().instrument());
            if (!live(d).isEmpty()) assertThat(strategy).as(d.id()).isInstanceOf(Reconfigurable.class);
        }
    }
}
