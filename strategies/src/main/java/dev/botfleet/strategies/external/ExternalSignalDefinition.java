package dev.botfleet.strategies.external;

import dev.botfleet.engine.strategy.definition.ParameterDefinition;
import dev.botfleet.engine.strategy.definition.StrategyDefinition;
import dev.botfleet.strategies.exit.ExitParameters;
import dev.botfleet.strategies.support.CommonParameters;

import java.util.ArrayList;
import java.util.List;

/** The {@code signal} strategy's parameters: the default order amount, the unit of a signal's size, the shared exits. */
public final class ExternalSignalDefinition {
    public static final String ID = "signal";
    public static final String SIZE_UNIT = "sizeUnit";

    private ExternalSignalDefinition() {
    }

    public static StrategyDefinition definition() {
        List<ParameterDefinition> p = new ArrayList<>();
        p.add(ParameterDefinition.decimal(CommonParameters.ORDER_AMOUNT).greaterThan("0").defaultValue("100").unit("quote")
                .description("Value of an entry in the quote currency when the signal carries no size; the quantity "
                        + "is rounded down to the lot size.").liveEditable().build());
        p.add(ParameterDefinition.choice(SIZE_UNIT, "BASE", "QUOTE").defaultValue("BASE")
                .description("Unit of a signal's size: BASE = a quantity of the base asset (TradingView's "
                        + "{{strategy.order.contracts}}), QUOTE = a value in the quote currency.").liveEditable().build());
        p.addAll(ExitParameters.definitions("0", "0"));
        return new StrategyDefinition(ID, "Webhook signals",
                "Trades only on signals posted to the bot's webhook URL (TradingView alerts or any JSON): buy opens or "
                        + "adds to a long, sell opens a short on a perpetual, close exits the position. A signal with "
                        + "a price places a limit order at it, otherwise a market order. The shared exits (take profit, "
                        + "stop loss, trailing, time limit, ROI) manage a long.",
                p, List.of(ExitParameters.rule())).withShorts();
    }
}
