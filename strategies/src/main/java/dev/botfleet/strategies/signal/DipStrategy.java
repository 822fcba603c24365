package dev.botfleet.strategies.signal;

import dev.botfleet.engine.indicator.Highest;
import dev.botfleet.engine.indicator.Indicator;
import dev.botfleet.engine.market.Candle;
import dev.botfleet.engine.market.Instrument;
import dev.botfleet.engine.strategy.StrategyContext;
import dev.botfleet.engine.strategy.definition.ParameterDefinition;
import dev.botfleet.engine.strategy.definition.StrategyConfig;
import dev.botfleet.engine.strategy.definition.StrategyDefinition;

import java.util.List;
import java.util.Map;

/**
 * Dip buyer (seed 004's "dip" bot): buys when the close is {@code dipPercent} below the highest high of the last
 * {@code lookback} candles; sells on the rebound — once the close is {@code reboundPercent} above the lowest low since
 * the entry, if that makes at least {@code minProfitPercent} — or by the common exits (take profit by default).
 */
public final class DipStrategy extends SignalStrategy {
    public static final String ID = "dip";

    private final Highest highest;
    private double dip;
    private double rebound;
    private double lowestSinceEntry = Double.NaN;

    public DipStrategy(StrategyConfig config, Instrument instrument) {
        super(config, instrument, config.decimal(SignalParameters.MIN_PROFIT_PERCENT));
        this.highest = new Highest((int) config.integer("lookback"));
        settings(config);
    }

    @Override
    protected void settings(StrategyConfig config) {
        this.dip = config.decimal("dipPercent").doubleValue() / 100;
        this.rebound = config.decimal("reboundPercent").doubleValue() / 100;
    }

    public static StrategyDefinition definition() {
        return SignalParameters.definition(ID, "Dip",
                "Buys after a drop of dipPercent from the highest high of the last lookback candles; sells when the "
                        + "price rebounds reboundPercent from the lowest low since the entry (if the deal makes at "
                        + "least minProfitPercent), or at the take profit or stop loss. Long only.",
                List.of(ParameterDefinition.integer("lookback").min("2").max("1000").defaultValue(60L).unit("candles")
                                .description("Candles the recent high is taken over.").build(),
                        ParameterDefinition.decimal("dipPercent").greaterThan("0").max("90").step("0.1")
                                .defaultValue("5").unit("%").description("Drop from the recent high that buys.")
                                        .liveEditable().build(),
                        ParameterDefinition.decimal("reboundPercent").greaterThan("0").max("100").step("0.1")
                                .defaultValue("3").unit("%")
                                .description("Bounce from the lowest low since the entry that sells.")
                                        .liveEditable().build(),
                        SignalParameters.minProfit("0.5")),
                List.of(), "3", "0");
    }

    @Override
    protected List<? extends Indicator> indicators() {
        return List.of(highest);
    }

    @Override
    protected void reportIndicators(Map<String, Double> out) {
        out.put("highest", highest.value());
    }

    @Override
    protected void update(Candle candle) {
        highest.update(candle.high());
        if (exits.inDeal()) {
            lowestSinceEntry = Double.isNaN(lowestSinceEntry) ? candle.low() : Math.min(lowestSinceEntry, candle.low());
        } else {
            lowestSinceEntry = Double.NaN;
        }
    }

    @Override
    protected boolean entrySignal(Candle candle) {
        return highest.isReady() && candle.close() <= highest.value() * (1 - dip);
    }

    @Override
    protected boolean exitSignal(Candle candle) {
        return !Double.isNaN(lowestSinceEntry) && candle.close() >= lowestSinceEntry * (1 + rebound);
    }

    @Override
    protected void onDealClosed(StrategyContext ctx) {
        lowestSinceEntry = Double.NaN;
    }

    @Override
    public String entryTag() {
        return "dip";
    }

    @Override
    public String exitTag() {
        return "rebound";
    }
}
