package dev.botfleet.strategies.signal;

import dev.botfleet.engine.indicator.Rsi;
import dev.botfleet.engine.indicator.Indicator;
import dev.botfleet.engine.market.Candle;
import dev.botfleet.engine.market.Instrument;
import dev.botfleet.engine.strategy.definition.ParameterDefinition;
import dev.botfleet.engine.strategy.definition.StrategyConfig;
import dev.botfleet.engine.strategy.definition.StrategyDefinition;

import java.util.List;
import java.util.Map;

/** RSI (seed 003): buy when RSI is below the oversold level; sell when it is above overbought and in profit. */
public final class RsiStrategy extends SignalStrategy {
    public static final String ID = "rsi";

    private final Rsi rsi;
    private double oversold;
    private double overbought;

    public RsiStrategy(StrategyConfig config, Instrument instrument) {
        super(config, instrument, config.decimal(SignalParameters.MIN_PROFIT_PERCENT));
        this.rsi = new Rsi((int) config.integer("rsiPeriod"));
        settings(config);
    }

    @Override
    protected void settings(StrategyConfig config) {
        this.oversold = config.decimal("oversold").doubleValue();
        this.overbought = config.decimal("overbought").doubleValue();
    }

    public static StrategyDefinition definition() {
        return SignalParameters.definition(ID, "RSI",
                "Buys when the RSI of the close is below the oversold level; sells when it rises above the "
                        + "overbought level and the deal makes at least minProfitPercent. Long only.",
                List.of(ParameterDefinition.integer("rsiPeriod").min("2").max("200").defaultValue(14L).unit("candles")
                                .description("RSI period (Wilder smoothing).").build(),
                        ParameterDefinition.decimal("oversold").greaterThan("0").max("100").defaultValue("30")
                                .description("Buy when the RSI is below this.").liveEditable().build(),
                        ParameterDefinition.decimal("overbought").min("0").max("100").defaultValue("70")
                                .description("Sell when the RSI is above this; must be above oversold.")
                                        .liveEditable().build(),
                        SignalParameters.minProfit("0.5")),
                List.of(SignalParameters.below("oversold", "overbought")), "0", "0");
    }

    @Override
    protected List<? extends Indicator> indicators() {
        return List.of(rsi);
    }

    @Override
    protected void reportIndicators(Map<String, Double> out) {
        out.put("rsi", rsi.value());
    }

    @Override
    protected void update(Candle candle) {
        rsi.update(candle.close());
    }

    @Override
    protected boolean entrySignal(Candle candle) {
        return rsi.isReady() && rsi.value() < oversold;
    }

    @Override
    protected boolean exitSignal(Candle candle) {
        return rsi.isReady() && rsi.value() > overbought;
    }

    @Override
    public String entryTag() {
        return "rsi_oversold";
    }

    @Override
    public String exitTag() {
        return "rsi_overbought";
    }

    /** The exit condition reads only the market: a natural short entry. */
    @Override
    public boolean hasShortSide() {
        return true;
    }
}
