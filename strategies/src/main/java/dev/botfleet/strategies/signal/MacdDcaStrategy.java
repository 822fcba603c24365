package dev.botfleet.strategies.signal;

import dev.botfleet.engine.indicator.Macd;
import dev.botfleet.engine.indicator.Indicator;
import dev.botfleet.engine.market.Candle;
import dev.botfleet.engine.market.Instrument;
import dev.botfleet.engine.order.CloseReason;
import dev.botfleet.engine.strategy.StrategyContext;
import dev.botfleet.engine.strategy.definition.ParameterDefinition;
import dev.botfleet.engine.strategy.definition.StrategyConfig;
import dev.botfleet.engine.strategy.definition.StrategyDefinition;
import dev.botfleet.strategies.support.CommonParameters;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * MACD-DCA (seed 003): the MACD line crossing above its signal line opens a deal with {@code orderAmount}; while in the
 * deal, each further bullish cross below the average entry adds {@code addAmount} (dollar-cost averaging down) until
 * {@code maxInvestment} is spent; a bearish cross closes the deal when it makes at least {@code minProfitPercent}.
 */
public final class MacdDcaStrategy extends SignalStrategy {
    public static final String ID = "macd-dca";

    private final Macd macd;
    private BigDecimal addAmount;
    private BigDecimal maxInvestment;
    private double macdBefore = Double.NaN;
    private double signalBefore = Double.NaN;
    private boolean crossedUp;
    private boolean crossedDown;

    public MacdDcaStrategy(StrategyConfig config, Instrument instrument) {
        super(config, instrument, config.decimal(SignalParameters.MIN_PROFIT_PERCENT));
        this.macd = new Macd((int) config.integer("fastPeriod"), (int) config.integer("slowPeriod"),
                (int) config.integer("signalPeriod"));
        settings(config);
    }

    @Override
    protected void settings(StrategyConfig config) {
        this.addAmount = config.decimal("addAmount");
        this.maxInvestment = config.decimal("maxInvestment");
    }

    public static StrategyDefinition definition() {
        return SignalParameters.definition(ID, "MACD DCA",
                "Buys orderAmount when the MACD line crosses above its signal line; adds addAmount on each later "
                        + "bullish cross while the price is below the average entry, up to maxInvestment in total; "
                        + "sells everything on a bearish cross that makes at least minProfitPercent. Long only.",
                List.of(ParameterDefinition.integer("fastPeriod").min("2").max("200").defaultValue(12L).unit("candles")
                                .description("MACD fast EMA period.").build(),
                        ParameterDefinition.integer("slowPeriod").min("2").max("400").defaultValue(26L).unit("candles")
                                .description("MACD slow EMA period; must be greater than fastPeriod.").build(),
                        ParameterDefinition.integer("signalPeriod").min("1").max("200").defaultValue(9L).unit("candles")
                                .description("Signal line EMA period.").build(),
                        ParameterDefinition.decimal("addAmount").greaterThan("0").defaultValue("100").unit("quote")
                                .description("Value of each averaging-down buy.").liveEditable().build(),
                        ParameterDefinition.decimal("maxInvestment").greaterThan("0").defaultValue("500").unit("quote")
                                .description("Most quote spent on one deal, first buy included.")
                                        .liveEditable().build(),
                        SignalParameters.minProfit("1")),
                List.of(SignalParameters.below("fastPeriod", "slowPeriod"),
                        c -> {
                            BigDecimal first = c.decimal(CommonParameters.ORDER_AMOUNT);
                            BigDecimal max = c.decimal("maxInvestment");
                            return first != null && max != null && first.compareTo(max) > 0
                                    ? List.of(new dev.botfleet.engine.strategy.definition.ParameterViolation(
                                    "maxInvestment", "must be at least orderAmount (" + first.toPlainString() + ")", max))
                                    : List.of();
                        }), "0", "0");
    }

    @Override
    protected List<? extends Indicator> indicators() {
        return List.of(macd);
    }

    @Override
    protected void reportIndicators(Map<String, Double> out) {
        out.put("macd", macd.value());
        out.put("macdSignal", macd.signal());
    }

    @Override
    protected void update(Candle candle) {
        macd.update(candle.close());
        double m = macd.value();
        double s = macd.signal();
        crossedUp = crossedAbove(macdBefore, m, signalBefore, s);
        crossedDown = crossedBelow(macdBefore, m, signalBefore, s);
        macdBefore = m;
        signalBefore = s;
    }

    @Override
    protected boolean entrySignal(Candle candle) { return crossedUp; }

    @Override
    protected boolean exitSignal(Candle candle) { return crossedDown; }

    @Override
    protected void decide(StrategyContext ctx, Candle candle) {
        if (exits.inDeal() && !exits.isClosing() && crossedUp && !entryPending()
                && candle.close() < exits.averageEntry().doubleValue()
                && exits.cost().add(addAmount).compareTo(maxInvestment) <= 0) {
            buy(ctx, addAmount, "MACD bullish cross below the average entry");
            return;
        }
        if (exits.inDeal() && !exits.isClosing() && crossedDown && profitAllows(candle.close())) {
            exits.close(ctx, CloseReason.SIGNAL);
            return;
        }
        super.decide(ctx, candle);
    }

    @Override
    public String entryTag() {
        return "macd_cross_up";
    }

    @Override
    public String exitTag() {
        return "macd_cross_down";
    }
}
