package dev.botfleet.strategies.rules;

import dev.botfleet.engine.indicator.Indicator;
import dev.botfleet.engine.market.Candle;
import dev.botfleet.engine.market.Instrument;
import dev.botfleet.engine.strategy.definition.ConfigRule;
import dev.botfleet.engine.strategy.definition.ParameterDefinition;
import dev.botfleet.engine.strategy.definition.ParameterViolation;
import dev.botfleet.engine.strategy.definition.StrategyConfig;
import dev.botfleet.engine.strategy.definition.StrategyDefinition;
import dev.botfleet.strategies.signal.SignalParameters;
import dev.botfleet.strategies.signal.SignalStrategy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The no-code signal strategy: entry and exit conditions are rule trees (see {@link RuleParser} for the grammar) over
 * indicators of the timeframe's candles; the common exits apply as for every signal strategy. The trees are plain JSON
 * the API and dashboard build; an invalid one is refused with a violation naming its path.
 */
public final class RulesStrategy extends SignalStrategy {
    public static final String ID = "rules";
    public static final String ENTRY = "entry";
    public static final String EXIT = "exit";

    private final IndicatorSet indicators = new IndicatorSet();
    private final Condition entry;
    private final Condition exit;
    private boolean entryHolds;
    private boolean exitHolds;

    public RulesStrategy(StrategyConfig config, Instrument instrument) {
        super(config, instrument, null);
        RuleParser parser = new RuleParser(indicators);
        this.entry = parser.node(config.raw(ENTRY), ENTRY);
        this.exit = config.raw(EXIT) == null ? null : parser.node(config.raw(EXIT), EXIT);
        if (!parser.violations().isEmpty()) {
            throw new IllegalArgumentException("invalid rules: " + parser.violations());
        }
    }

    public static StrategyDefinition definition() {
        Map<String, Object> rsiBelow30 = Map.of("all", List.of(Map.of(
                "left", Map.of("indicator", "rsi", "period", 14), "op", "<", "right", 30)));
        return SignalParameters.definition(ID, "Rules (no code)",
                "Buys when the entry rule holds on a candle close and sells when the exit rule holds. Rules combine "
                        + "comparisons (>, <, >=, <=, crossesAbove, crossesBelow) of indicators (price, volume, rsi, "
                        + "sma, ema, macd, bollinger, adx, plusDi, minusDi, stochastic, fastStochastic, atr) and "
                        + "numbers with all / any, nested. Long only; the common exits apply too.",
                List.of(ParameterDefinition.json(ENTRY).defaultValue(rsiBelow30)
                                .description("Entry rule tree, e.g. {\"all\": [{\"left\": {\"indicator\": \"rsi\", "
                                        + "\"period\": 14}, \"op\": \"<\", \"right\": 30}]}.").build(),
                        ParameterDefinition.json(EXIT)
                                .description("Exit rule tree (same form), e.g. RSI above 70; omit it to leave exits to "
                                        + "the take profit, stop loss, time limit and ROI table.").build()),
                List.of(rulesAreValid()), "0", "0");
    }

    private static ConfigRule rulesAreValid() {
        return config -> {
            RuleParser parser = new RuleParser(new IndicatorSet());
            if (config.raw(ENTRY) != null) parser.node(config.raw(ENTRY), ENTRY);
            if (config.raw(EXIT) != null) parser.node(config.raw(EXIT), EXIT);
            return new ArrayList<ParameterViolation>(parser.violations());
        };
    }

    @Override
    protected List<? extends Indicator> indicators() {
        return indicators.all();
    }

    @Override
    protected void reportIndicators(Map<String, Double> out) {
        indicators.report(out);
    }

    @Override
    protected void update(Candle candle) {
        indicators.update(candle);
        // Both trees are evaluated on every candle so their crossovers always see the previous candle.
        entryHolds = entry.evaluate();
        exitHolds = exit != null && exit.evaluate();
    }

    @Override
    protected boolean entrySignal(Candle candle) { return entryHolds; }

    @Override
    protected boolean exitSignal(Candle candle) { return exitHolds; }

    @Override
    public String entryTag() {
        return "entry_rule";
    }

    @Override
    public String exitTag() {
        return "exit_rule";
    }

    /** The exit condition reads only the market: a natural short entry. */
    @Override
    public boolean hasShortSide() {
        return true;
    }
}
