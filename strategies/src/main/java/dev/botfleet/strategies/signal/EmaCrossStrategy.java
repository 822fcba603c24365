package dev.botfleet.strategies.signal;

import dev.botfleet.engine.indicator.Ema;
import dev.botfleet.engine.indicator.Indicator;
import dev.botfleet.engine.market.Candle;
import dev.botfleet.engine.market.Instrument;
import dev.botfleet.engine.strategy.definition.ParameterDefinition;
import dev.botfleet.engine.strategy.definition.StrategyConfig;
import dev.botfleet.engine.strategy.definition.StrategyDefinition;

import java.util.List;
import java.util.Map;

/** EMA cross (seed 003): buy when the fast EMA crosses above the slow one, sell when it crosses back below. */
public final class EmaCrossStrategy extends SignalStrategy {
    public static final String ID = "ema-cross";

    private final Ema fast;
    private final Ema slow;
    private double fastBefore = Double.NaN;
    private double slowBefore = Double.NaN;
    private boolean crossedUp;
    private boolean crossedDown;

    public EmaCrossStrategy(StrategyConfig config, Instrument instrument) {
        super(config, instrument, null);
        this.fast = new Ema((int) config.integer("fastPeriod"));
        this.slow = new Ema((int) config.integer("slowPeriod"));
    }

    public static StrategyDefinition definition() {
        return SignalParameters.definition(ID, "EMA cross",
                "Buys when the fast EMA of the close crosses above the slow EMA (golden cross); sells when it "
                        + "crosses back below. Long only.",
                List.of(ParameterDefinition.integer("fastPeriod").min("1").max("500").defaultValue(9L).unit("candles")
                                .description("Fast EMA period.").build(),
                        ParameterDefinition.integer("slowPeriod").min("2").max("1000").defaultValue(21L).unit("candles")
                                .description("Slow EMA period; must be greater than fastPeriod.").build()),
                List.of(SignalParameters.below("fastPeriod", "slowPeriod")), "0", "0");
    }

    @Override
    protected List<? extends Indicator> indicators() {
        return List.of(fast, slow);
    }

    @Override
    protected void reportIndicators(Map<String, Double> out) {
        out.put("emaFast", fast.value());
        out.put("emaSlow", slow.value());
    }

    @Override
    protected void update(Candle candle) {
        double f = fast.update(candle.close());
        double s = slow.update(candle.close());
        crossedUp = crossedAbove(fastBefore, f, slowBefore, s);
        crossedDown = crossedBelow(fastBefore, f, slowBefore, s);
        fastBefore = f;
        slowBefore = s;
    }

    @Override
    protected boolean entrySignal(Candle candle) { return crossedUp; }

    @Override
    protected boolean exitSignal(Candle candle) { return crossedDown; }

    @Override
    public String entryTag() {
        return "ema_cross_up";
    }

    @Override
    public String exitTag() {
        return "ema_cross_down";
    }

    /** The exit condition reads only the market: a natural short entry. */
    @Override
    public boolean hasShortSide() {
        return true;
    }
}
