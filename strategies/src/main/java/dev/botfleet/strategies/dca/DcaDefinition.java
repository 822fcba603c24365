package dev.botfleet.strategies.dca;

import dev.botfleet.engine.strategy.definition.ConfigRule;
import dev.botfleet.engine.strategy.definition.ParameterDefinition;
import dev.botfleet.engine.strategy.definition.ParameterViolation;
import dev.botfleet.engine.strategy.definition.StrategyConfig;
import dev.botfleet.engine.strategy.definition.StrategyDefinition;
import dev.botfleet.strategies.exit.ExitParameters;
import dev.botfleet.strategies.support.CommonParameters;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** The 3Commas-style DCA bot's parameters (trading-formulas.md §3.1, in our names). */
public final class DcaDefinition {
    public static final String ID = "dca";

    private DcaDefinition() {
    }

    public static StrategyDefinition definition() {
        List<ParameterDefinition> p = new ArrayList<>(List.of(
                ParameterDefinition.decimal("baseOrderSize").greaterThan("0").defaultValue("100").unit("quote")
                        .description("Value of the base order that opens a deal (market buy).").liveEditable().build(),
                ParameterDefinition.decimal("safetyOrderSize").greaterThan("0").defaultValue("200").unit("quote")
                        .description("Value of the first safety order; later ones scale by safetyOrderVolumeScale.")
                                .liveEditable().build(),
                ParameterDefinition.decimal("priceDeviation").greaterThan("0").max("100").step("0.1").defaultValue("1")
                        .unit("%").description("Drop from the base order's price to the first safety order.")
                                .liveEditable().build(),
                ParameterDefinition.decimal("safetyOrderStepScale").min("0.1").max("10").step("0.01").defaultValue("1")
                        .description("Each step between safety orders is the previous one times this.")
                                .liveEditable().build(),
                ParameterDefinition.decimal("safetyOrderVolumeScale").min("0.1").max("10").step("0.01").defaultValue("1")
                        .description("Each safety order's value is the previous one's times this.")
                                .liveEditable().build(),
                ParameterDefinition.integer("maxSafetyOrders").min("0").max("200").defaultValue(5L)
                        .description("Safety orders per deal at most.").liveEditable().build(),
                ParameterDefinition.integer("maxActiveSafetyOrders").min("1").max("200").defaultValue(1L)
                        .description("Safety orders resting on the exchange at once; the next is placed when one fills.")
                        .liveEditable().build(),
                ParameterDefinition.choice("takeProfitType", "TOTAL", "BASE").defaultValue("TOTAL")
                        .description("TOTAL: take profit is a percent of the whole position's cost. BASE: a percent of "
                                + "the base order only.").build(),
                ParameterDefinition.integer("cooldownSeconds").min("0").max("2592000").defaultValue(0L).unit("s")
                        .description("Wait after a deal closes before starting the next.").liveEditable().build(),
                ParameterDefinition.choice("startCondition", "ASAP", "RSI_BELOW", "RSI_ABOVE").defaultValue("ASAP")
                        .description("ASAP: start a deal as soon as possible. RSI_BELOW / RSI_ABOVE: only when the RSI "
                                + "of the timeframe's closes is below / above rsiThreshold.").build(),
                ParameterDefinition.integer("rsiPeriod").min("2").max("200").defaultValue(14L).unit("candles")
                        .description("RSI period for the start condition.").build(),
                ParameterDefinition.decimal("rsiThreshold").min("0").max("100").defaultValue("30")
                        .description("RSI level of the start condition.").liveEditable().build(),
                CommonParameters.timeframe()));
        p.addAll(ExitParameters.definitions("1", "0"));
        return new StrategyDefinition(ID, "DCA (3Commas-style)",
                "Opens a deal with a market base order, then rests safety-order buys below it (each further down and "
                        + "larger, by the step and volume scales) to average the entry down. A take profit (one or "
                        + "several targets, optionally trailing) is re-placed after every fill at the new average; "
                        + "stop loss, time limit and ROI table are optional. After a deal, waits the cooldown and "
                        + "starts the next when the start condition holds.",
                p, List.of(DcaDefinition::ladderFits, ExitParameters.rule()));
    }

    private static List<ParameterViolation> ladderFits(StrategyConfig c) {
        List<ParameterViolation> out = new ArrayList<>();
        long max = c.integer("maxSafetyOrders");
        long active = c.integer("maxActiveSafetyOrders");
        if (max > 0 && active > max) {
            out.add(new ParameterViolation("maxActiveSafetyOrders", "must be at most maxSafetyOrders (" + max + ")",
                    active));
        }
        BigDecimal deviation = ladder(c).cumulativeDeviation((int) max);
        if (deviation.compareTo(new BigDecimal("100")) >= 0) {
            out.add(new ParameterViolation("maxSafetyOrders", "puts the last safety order " + deviation.stripTrailingZeros()
                    .toPlainString() + "% below the base order (must stay under 100%): lower maxSafetyOrders, "
                    + "priceDeviation or safetyOrderStepScale", max));
        }
        return out;
    }

    static DcaLadder ladder(StrategyConfig c) {
        return new DcaLadder(c.decimal("baseOrderSize"), c.decimal("safetyOrderSize"), c.decimal("priceDeviation"),
                c.decimal("safetyOrderStepScale"), c.decimal("safetyOrderVolumeScale"), (int) c.integer("maxSafetyOrders"));
    }
}
