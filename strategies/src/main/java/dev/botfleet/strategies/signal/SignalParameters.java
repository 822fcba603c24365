package dev.botfleet.strategies.signal;

import dev.botfleet.engine.strategy.definition.ConfigRule;
import dev.botfleet.engine.strategy.definition.ParameterDefinition;
import dev.botfleet.engine.strategy.definition.ParameterViolation;
import dev.botfleet.engine.strategy.definition.StrategyDefinition;
import dev.botfleet.strategies.exit.ExitParameters;
import dev.botfleet.strategies.support.CommonParameters;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Builds a signal strategy's definition: its own parameters, then timeframe, order amount and the common exits. */
public final class SignalParameters {
    public static final String MIN_PROFIT_PERCENT = "minProfitPercent";

    private SignalParameters() {
    }

    public static StrategyDefinition definition(String id, String name, String description,
                                                List<ParameterDefinition> own, List<ConfigRule> rules,
                                                String takeProfitDefault, String stopLossDefault) {
        List<ParameterDefinition> all = new ArrayList<>(own);
        all.add(CommonParameters.timeframe());
        all.add(CommonParameters.orderAmount("100"));
        all.addAll(ExitParameters.definitions(takeProfitDefault, stopLossDefault));
        List<ConfigRule> allRules = new ArrayList<>(rules);
        allRules.add(ExitParameters.rule());
        return new StrategyDefinition(id, name, description, all, allRules);
    }

    public static ParameterDefinition minProfit(String defaultPercent) {
        return ParameterDefinition.decimal(MIN_PROFIT_PERCENT).min("-100").max("1000").step("0.1")
                .defaultValue(defaultPercent).unit("%")
                .description("The exit signal closes the deal only if the profit, net of fees, is at least this.")
                .liveEditable().build();
    }

    /** A rule: {@code lower} must be below {@code upper}; the violation names {@code upper}. */
    public static ConfigRule below(String lower, String upper) {
        return config -> {
            BigDecimal a = config.decimal(lower);
            BigDecimal b = config.decimal(upper);
            if (a != null && b != null && a.compareTo(b) >= 0) {
                return List.of(new ParameterViolation(upper, "must be greater than " + lower + " ("
                        + a.toPlainString() + ")", b));
            }
            return List.of();
        };
    }
}
