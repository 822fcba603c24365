package dev.botfleet.strategies.scalper;

import dev.botfleet.engine.strategy.definition.ParameterDefinition;
import dev.botfleet.engine.strategy.definition.ParameterViolation;
import dev.botfleet.engine.strategy.definition.StrategyDefinition;

import java.math.BigDecimal;
import java.util.List;

/** The scalper's parameters (seed 000): buy low, sell high, optionally trail the exit, optionally forever. */
public final class ScalperDefinition {
    public static final String ID = "scalper";

    private ScalperDefinition() {
    }

    public static StrategyDefinition definition() {
        return new StrategyDefinition(ID, "Scalper",
                "Places a limit order at the buy (or sell) price; when it fills, places the opposite order at the "
                        + "other price. With infinite loop the cycle repeats; a trailing percent lets the exit ride "
                        + "the move and close when price retraces by that percent.",
                List.of(
                        ParameterDefinition.choice("firstOrder", "BUY", "SELL").defaultValue("BUY")
                                .description("Side of the first order: BUY enters at buyPrice, SELL at sellPrice. On a "
                                        + "perpetual, SELL opens a short that the buy closes.").build(),
                        ParameterDefinition.decimal("quantity").greaterThan("0").required().unit("base")
                                .description("Order quantity in the base asset, rounded to the instrument's lot size.")
                                        .liveEditable().build(),
                        ParameterDefinition.decimal("buyPrice").greaterThan("0").required().unit("quote")
                                .description("Limit price of the buy order.").liveEditable().build(),
                        ParameterDefinition.decimal("sellPrice").greaterThan("0").required().unit("quote")
                                .description("Limit price of the sell order; must be above buyPrice.")
                                        .liveEditable().build(),
                        ParameterDefinition.decimal("trailingPercent").min("0").max("50").step("0.1").defaultValue("0")
                                .unit("%").description("0 = plain limit exit. Above 0, once the exit price is reached "
                                        + "the exit trails the market by this percent.").liveEditable().build(),
                        ParameterDefinition.bool("infiniteLoop").defaultValue(true)
                                .description("Repeat buy/sell cycles until stopped; otherwise stop after one round trip.")
                                        .liveEditable().build()),
                List.of(config -> {
                    BigDecimal buy = config.decimal("buyPrice");
                    BigDecimal sell = config.decimal("sellPrice");
                    if (buy != null && sell != null && sell.compareTo(buy) <= 0) {
                        return List.of(new ParameterViolation("sellPrice",
                                "must be greater than buyPrice (" + buy.toPlainString() + ")", sell));
                    }
                    return List.of();
                })).withShorts();
    }
}
