package dev.botfleet.strategies.support;

import dev.botfleet.engine.market.Timeframe;
import dev.botfleet.engine.strategy.definition.ParameterDefinition;
import dev.botfleet.engine.strategy.definition.StrategyConfig;

import java.util.Arrays;

/** Parameters several strategies share, defined once so their names, units and ranges agree everywhere. */
public final class CommonParameters {
    public static final String TIMEFRAME = "timeframe";
    public static final String ORDER_AMOUNT = "orderAmount";

    private CommonParameters() {
    }

    public static ParameterDefinition timeframe() {
        // Live bots are fed 1m candles: a shorter width could never be built from them, so it is not offered.
        String[] codes = Arrays.stream(Timeframe.values()).filter(t -> t.millis() >= Timeframe.M1.millis())
                .map(Timeframe::code).toArray(String[]::new);
        return ParameterDefinition.choice(TIMEFRAME, codes).defaultValue("1m")
                .description("Candle width the signals are computed on. Live bots are fed 1m candles, which are "
                        + "merged into this width.").build();
    }

    public static ParameterDefinition orderAmount(String defaultQuote) {
        return ParameterDefinition.decimal(ORDER_AMOUNT).greaterThan("0").defaultValue(defaultQuote).unit("quote")
                .description("Value of each buy in the quote currency; the quantity is rounded down to the lot size.")
                .liveEditable().build();
    }

    public static Timeframe timeframe(StrategyConfig config) {
        return Timeframe.fromCode(config.text(TIMEFRAME)).orElse(Timeframe.M1);
    }
}
