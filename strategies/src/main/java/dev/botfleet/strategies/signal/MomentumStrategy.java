package dev.botfleet.strategies.signal;

import dev.botfleet.engine.indicator.Highest;
import dev.botfleet.engine.indicator.Roc;
import dev.botfleet.engine.indicator.Indicator;
import dev.botfleet.engine.market.Candle;
import dev.botfleet.engine.market.Instrument;
import dev.botfleet.engine.strategy.definition.ParameterDefinition;
import dev.botfleet.engine.strategy.definition.StrategyConfig;
import dev.botfleet.engine.strategy.definition.StrategyDefinition;

import java.util.List;
import java.util.Map;

/**
 * Momentum (seed 004's "momentum" bot). Entry, by {@code entryMode}: BREAKOUT — the close is above the highest high of
 * the previous {@code lookback} candles; ROC — the rate of change over {@code rocPeriod} candles is at least
 * {@code rocThreshold} %. Exit signal: the rate of change falls below {@code exitRocPercent} (momentum faded); the
 * common exits (a 3 % stop loss by default) protect the rest.
 */
public final class MomentumStrategy extends SignalStrategy {
    public static final String ID = "momentum";

    private boolean breakout;
    private final Highest highest;
    private final Roc roc;
    private double rocThreshold;
    private double exitRoc;
    private double previousHigh = Double.NaN;

    public MomentumStrategy(StrategyConfig config, Instrument instrument) {
        super(config, instrument, null);
        this.highest = new Highest((int) config.integer("lookback"));
        this.roc = new Roc((int) config.integer("rocPeriod"));
        settings(config);
    }

    /** Both indicators always run, so the entry mode can switch on a running bot. */
    @Override
    protected void settings(StrategyConfig config) {
        this.breakout = "BREAKOUT".equals(config.text("entryMode"));
        this.rocThreshold = config.decimal("rocThreshold").doubleValue();
        this.exitRoc = config.decimal("exitRocPercent").doubleValue();
    }

    public static StrategyDefinition definition() {
        return SignalParameters.definition(ID, "Momentum",
                "Buys a breakout (close above the previous lookback candles' highest high) or a strong rate of "
                        + "change (ROC over rocPeriod at least rocThreshold %); sells when the ROC falls below "
                        + "exitRocPercent, or at the stop loss / take profit. Long only.",
                List.of(ParameterDefinition.choice("entryMode", "BREAKOUT", "ROC").defaultValue("BREAKOUT")
                                .description("BREAKOUT: new high of the lookback window. ROC: rate of change.")
                                        .liveEditable().build(),
                        ParameterDefinition.integer("lookback").min("2").max("1000").defaultValue(20L).unit("candles")
                                .description("Window of the breakout high.").build(),
                        ParameterDefinition.integer("rocPeriod").min("1").max("500").defaultValue(10L).unit("candles")
                                .description("Rate-of-change period (entry in ROC mode, and the exit).").build(),
                        ParameterDefinition.decimal("rocThreshold").min("-100").max("1000").defaultValue("2").unit("%")
                                .description("ROC mode buys when the ROC is at least this.").liveEditable().build(),
                        ParameterDefinition.decimal("exitRocPercent").min("-100").max("1000").defaultValue("0").unit("%")
                                .description("Sell when the ROC falls below this.").liveEditable().build()),
                List.of(), "0", "3");
    }

    @Override
    protected List<? extends Indicator> indicators() {
        return List.of(highest, roc);
    }

    /** The breakout level is the window before this candle's high (what the entry compares the close with). */
    @Override
    protected void reportIndicators(Map<String, Double> out) {
        out.put("previousHigh", previousHigh);
        out.put("roc", roc.value());
    }

    @Override
    protected void update(Candle candle) {
        previousHigh = highest.value();   // the window before this candle: a breakout is a new high above it
        highest.update(candle.high());
        roc.update(candle.close());
    }

    @Override
    protected boolean entrySignal(Candle candle) {
        if (breakout) return !Double.isNaN(previousHigh) && candle.close() > previousHigh;
        return roc.isReady() && roc.value() >= rocThreshold;
    }

    @Override
    protected boolean exitSignal(Candle candle) {
        return roc.isReady() && roc.value() < exitRoc;
    }

    @Override
    public String entryTag() {
        return "momentum_up";
    }

    @Override
    public String exitTag() {
        return "momentum_fading";
    }
}
