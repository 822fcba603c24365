package dev.botfleet.strategies.grid;

import dev.botfleet.engine.strategy.definition.ParameterDefinition;
import dev.botfleet.engine.strategy.definition.ParameterViolation;
import dev.botfleet.engine.strategy.definition.StrategyConfig;
import dev.botfleet.engine.strategy.definition.StrategyDefinition;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** The grid bot's parameters (trading-formulas.md §3.4, 3Commas vocabulary in our names). */
public final class GridDefinition {
    public static final String ID = "grid";

    private GridDefinition() {
    }

    public static StrategyDefinition definition() {
        return new StrategyDefinition(ID, "Grid",
                "Splits [lowerPrice, upperPrice] into gridCount grids (arithmetic: equal steps; geometric: equal "
                        + "ratios). Each grid buys at its lower line and sells at its upper line, again and again; "
                        + "at start the grids above the price are bought at market so their sells can be placed. "
                        + "Optional stop-loss and take-profit prices close everything and stop the bot; trailing up "
                        + "/ down moves the grid one step with the price when it leaves the range.",
                List.of(
                        ParameterDefinition.decimal("lowerPrice").greaterThan("0").required().unit("quote")
                                .description("Lowest grid line.").build(),
                        ParameterDefinition.decimal("upperPrice").greaterThan("0").required().unit("quote")
                                .description("Highest grid line; must be above lowerPrice.").build(),
                        ParameterDefinition.integer("gridCount").min("1").max("200").defaultValue(10L)
                                .description("Number of grids (buy/sell pairs); there are gridCount + 1 lines.").build(),
                        ParameterDefinition.choice("gridType", "ARITHMETIC", "GEOMETRIC").defaultValue("ARITHMETIC")
                                .description("ARITHMETIC: line i = lower + i·(upper − lower)/gridCount. GEOMETRIC: "
                                        + "line i = lower·r^i with r = (upper/lower)^(1/gridCount).").build(),
                        ParameterDefinition.decimal("quantityPerGrid").greaterThan("0").required()
                                .description("Size of each grid's orders, in quantityCurrency.").liveEditable().build(),
                        ParameterDefinition.choice("quantityCurrency", "QUOTE", "BASE").defaultValue("QUOTE")
                                .description("QUOTE: each buy spends quantityPerGrid of the quote currency. BASE: each "
                                        + "order is quantityPerGrid of the base asset.").build(),
                        ParameterDefinition.decimal("stopLossPrice").min("0").defaultValue("0").unit("quote")
                                .description("0 = off. At or below this price: cancel all, sell everything at market, "
                                        + "stop. Must be below lowerPrice.").liveEditable().build(),
                        ParameterDefinition.decimal("takeProfitPrice").min("0").defaultValue("0").unit("quote")
                                .description("0 = off. At or above this price: cancel all, sell everything at market, "
                                        + "stop. Must be above upperPrice.").liveEditable().build(),
                        ParameterDefinition.bool("trailingUp").defaultValue(false)
                                .description("When the price is a full grid above the range, cancel the lowest buy and "
                                        + "add a grid on top (the range moves up one step).").liveEditable().build(),
                        ParameterDefinition.bool("trailingDown").defaultValue(false)
                                .description("When the price is a full grid below the range, move the highest sell "
                                        + "down to a new grid at the bottom (the range moves down one step).")
                                                .liveEditable().build()),
                List.of(GridDefinition::bounds));
    }

    private static List<ParameterViolation> bounds(StrategyConfig c) {
        List<ParameterViolation> out = new ArrayList<>();
        BigDecimal lower = c.decimal("lowerPrice");
        BigDecimal upper = c.decimal("upperPrice");
        if (upper.compareTo(lower) <= 0) {
            out.add(new ParameterViolation("upperPrice", "must be greater than lowerPrice (" + lower.toPlainString()
                    + ")", upper));
            return out;
        }
        BigDecimal stop = c.decimal("stopLossPrice");
        if (stop.signum() > 0 && stop.compareTo(lower) >= 0) {
            out.add(new ParameterViolation("stopLossPrice", "must be below lowerPrice (" + lower.toPlainString() + ")",
                    stop));
        }
        BigDecimal tp = c.decimal("takeProfitPrice");
        if (tp.signum() > 0 && tp.compareTo(upper) <= 0) {
            out.add(new ParameterViolation("takeProfitPrice", "must be above upperPrice (" + upper.toPlainString() + ")",
                    tp));
        }
        return out;
    }
}
