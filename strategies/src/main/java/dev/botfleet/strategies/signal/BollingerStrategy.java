package dev.botfleet.strategies.signal;

import dev.botfleet.engine.indicator.BollingerBands;
import dev.botfleet.engine.indicator.Indicator;
import dev.botfleet.engine.market.Candle;
import dev.botfleet.engine.market.Instrument;
import dev.botfleet.engine.strategy.definition.ParameterDefinition;
import dev.botfleet.engine.strategy.definition.StrategyConfig;
import dev.botfleet.engine.strategy.definition.StrategyDefinition;

import java.util.List;
import java.util.Map;

/**
 * Bollinger %B (seed 003): %B = (close − lower) / (upper − lower). Buy when %B is below {@code buyBelow} (near the lower
 * band); sell when it is above {@code sellAbove} and in profit.
 */
public final class BollingerStrategy extends SignalStrategy {
    public static final String ID = "bollinger";

    private final BollingerBands bands;
    private double buyBelow;
    private double sellAbove;

    public BollingerStrategy(StrategyConfig config, Instrument instrument) {
        super(config, instrument, config.decimal(SignalParameters.MIN_PROFIT_PERCENT));
        this.bands = new BollingerBands((int) config.integer("period"), config.decimal("deviations").doubleValue());
        settings(config);
    }

    @Override
    protected void settings(StrategyConfig config) {
        this.buyBelow = config.decimal("buyBelow").doubleValue();
        this.sellAbove = config.decimal("sellAbove").doubleValue();
    }

    public static StrategyDefinition definition() {
        return SignalParameters.definition(ID, "Bollinger %B",
                "Buys when %B (where the close sits between the lower (0) and upper (1) band) is below buyBelow; "
                        + "sells when %B is above sellAbove and the deal makes at least minProfitPercent. Long only.",
                List.of(ParameterDefinition.integer("period").min("2").max("200").defaultValue(20L).unit("candles")
                                .description("Bands' moving-average period.").build(),
                        ParameterDefinition.decimal("deviations").greaterThan("0").max("10").defaultValue("2")
                                .unit("std dev").description("Band width in standard deviations.").build(),
                        ParameterDefinition.decimal("buyBelow").min("-1").max("2").defaultValue("0.2")
                                .description("Buy when %B is below this (0 = on the lower band).")
                                        .liveEditable().build(),
                        ParameterDefinition.decimal("sellAbove").min("-1").max("2").defaultValue("0.8")
                                .description("Sell when %B is above this (1 = on the upper band); must be above "
                                        + "buyBelow.").liveEditable().build(),
                        SignalParameters.minProfit("0.5")),
                List.of(SignalParameters.below("buyBelow", "sellAbove")), "0", "0");
    }

    @Override
    protected List<? extends Indicator> indicators() {
        return List.of(bands);
    }

    @Override
    protected void reportIndicators(Map<String, Double> out) {
        out.put("bbLower", bands.lower());
        out.put("bbMiddle", bands.middle());
        out.put("bbUpper", bands.upper());
        out.put("percentB", bands.percentB());
    }

    @Override
    protected void update(Candle candle) {
        bands.update(candle.close());
    }

    @Override
    protected boolean entrySignal(Candle candle) {
        double b = bands.percentB();
        return bands.isReady() && !Double.isNaN(b) && b < buyBelow;
    }

    @Override
    protected boolean exitSignal(Candle candle) {
        double b = bands.percentB();
        return bands.isReady() && !Double.isNaN(b) && b > sellAbove;
    }

    @Override
    public String entryTag() {
        return "bb_below_lower";
    }

    @Override
    public String exitTag() {
        return "bb_above_upper";
    }

    /** The exit condition reads only the market: a natural short entry. */
    @Override
    public boolean hasShortSide() {
        return true;
    }
}
