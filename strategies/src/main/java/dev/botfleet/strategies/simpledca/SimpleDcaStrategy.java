package dev.botfleet.strategies.simpledca;

import dev.botfleet.engine.market.Candle;
import dev.botfleet.engine.market.Instrument;
import dev.botfleet.engine.market.MarketAlert;
import dev.botfleet.engine.order.CloseReason;
import dev.botfleet.engine.market.QuietBand;
import dev.botfleet.engine.market.Tick;
import dev.botfleet.engine.strategy.ActivityLevel;
import dev.botfleet.engine.strategy.StrategyContext;
import dev.botfleet.engine.strategy.definition.ParameterDefinition;
import dev.botfleet.engine.strategy.definition.ParameterViolation;
import dev.botfleet.engine.strategy.definition.StrategyConfig;
import dev.botfleet.engine.strategy.definition.StrategyDefinition;
import dev.botfleet.strategies.exit.ExitParameters;
import dev.botfleet.strategies.signal.SignalStrategy;
import dev.botfleet.strategies.support.CommonParameters;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Time-based DCA (seed 003): buys {@code orderAmount} at market every {@code intervalMinutes}, while the open position
 * cost stays within {@code maxPositionAmount}; the take profit (re-placed at the new average after every buy) and the
 * optional stop loss close the position, and the schedule carries on.
 */
public final class SimpleDcaStrategy extends SignalStrategy {
    public static final String ID = "simple-dca";
    static final String TIMER = "simple-dca.buy";
    static final String EXIT_ON_PULL = "exitOnLiquidityPullPercent";

    private Duration interval;
    private BigDecimal orderAmount;
    private BigDecimal maxPosition;
    private Instant nextBuy;
    private boolean buyWaitingForPrice;
    /** Zero: off. */
    private BigDecimal exitOnPullPercent;

    public SimpleDcaStrategy(StrategyConfig config, Instrument instrument) {
        super(config, instrument, null);
        settings(config);
    }

    /** Live: a new interval applies from the buy already scheduled on (that one keeps its time). */
    @Override
    protected void settings(StrategyConfig config) {
        this.interval = Duration.ofMinutes(config.integer("intervalMinutes"));
        this.orderAmount = config.decimal(CommonParameters.ORDER_AMOUNT);
        this.maxPosition = config.decimal("maxPositionAmount");
        BigDecimal pull = config.decimal(EXIT_ON_PULL);
        this.exitOnPullPercent = pull == null ? BigDecimal.ZERO : pull;
    }

    public static StrategyDefinition definition() {
        List<ParameterDefinition> p = new ArrayList<>(List.of(
                ParameterDefinition.integer("intervalMinutes").min("1").max("525600").defaultValue(60L).unit("min")
                        .description("Time between buys.").liveEditable().build(),
                CommonParameters.orderAmount("100"),
                ParameterDefinition.decimal("maxPositionAmount").greaterThan("0").defaultValue("1000").unit("quote")
                        .description("Buys stop while the open position has cost this much; they resume after the "
                                + "take profit or stop loss closes it.").liveEditable().build(),
                ParameterDefinition.decimal(EXIT_ON_PULL).min("0").max("100").defaultValue("0").unit("%")
                        .description("DEX bots: sell the whole position at market as soon as a pending transaction "
                                + "that removes at least this share of one of the market's pools' liquidity is seen "
                                + "in the mempool (before it is mined). 0 = off.").liveEditable().build()));
        p.addAll(ExitParameters.definitions("2", "0"));
        return new StrategyDefinition(ID, "Simple DCA",
                "Buys orderAmount at market every intervalMinutes (the first buy at start) while the open position "
                        + "costs at most maxPositionAmount. A take profit at the average entry (and an optional stop "
                        + "loss) closes the whole position; buying continues on the same schedule.",
                p, List.of(SimpleDcaStrategy::amountFits, ExitParameters.rule()));
    }

    private static List<ParameterViolation> amountFits(StrategyConfig c) {
        BigDecimal amount = c.decimal(CommonParameters.ORDER_AMOUNT);
        BigDecimal max = c.decimal("maxPositionAmount");
        if (amount != null && max != null && amount.compareTo(max) > 0) {
            return List.of(new ParameterViolation("maxPositionAmount", "must be at least orderAmount ("
                    + amount.toPlainString() + ")", max));
        }
        return List.of();
    }

    @Override
    public void onStart(StrategyContext ctx) {
        super.onStart(ctx);
        nextBuy = ctx.now();
        scheduledBuy(ctx);
    }

    @Override
    public void onTimer(StrategyContext ctx, String name) {
        if (TIMER.equals(name)) scheduledBuy(ctx);
    }

    @Override
    public void onTick(StrategyContext ctx, Tick tick) {
        super.onTick(ctx, tick);
        if (buyWaitingForPrice) scheduledBuy(ctx);
    }

    /** A buy waiting for the first price takes the next tick; otherwise as every signal strategy. */
    @Override
    public void quietBand(StrategyContext ctx, QuietBand band) {
        if (buyWaitingForPrice) band.none();
        else super.quietBand(ctx, band);
    }

    @Override
    public void onCandle(StrategyContext ctx, Candle candle) {
        super.onCandle(ctx, candle);
        if (buyWaitingForPrice) scheduledBuy(ctx);
    }

    private void scheduledBuy(StrategyContext ctx) {
        if (Double.isNaN(ctx.lastPrice())) {
            buyWaitingForPrice = true;   // started before any market data: buy on the first price
            return;
        }
        buyWaitingForPrice = false;
        if (exits.cost().add(orderAmount).compareTo(maxPosition) > 0) {
            ctx.log(ActivityLevel.INFO, "Scheduled buy skipped: the position is at its maximum");
        } else if (!entryPending() && !exits.isClosing()) {
            buy(ctx, orderAmount, "scheduled");
        }
        // Keep the schedule on its grid even if the clock jumped over several slots.
        while (!nextBuy.isAfter(ctx.now())) nextBuy = nextBuy.plus(interval);
        ctx.scheduleTimer(TIMER, nextBuy);
    }

    /** Gets out before a large enough liquidity removal is mined: afterwards the pool could not pay for the tokens. */
    @Override
    public void onMarketAlert(StrategyContext ctx, MarketAlert alert) {
        if (exitOnPullPercent.signum() == 0 || alert.kind() != MarketAlert.Kind.LIQUIDITY_REMOVAL) return;
        if (!alert.atLeast(exitOnPullPercent.movePointLeft(2))) return;
        if (!exits.inDeal() || exits.isClosing()) return;
        ctx.log(ActivityLevel.WARNING, "Market alert: " + alert.text() + (alert.id() == null ? "" : " (" + alert.id()
                + ")") + "; selling the position (" + EXIT_ON_PULL + " " + exitOnPullPercent.toPlainString() + ")");
        exits.close(ctx, CloseReason.MARKET_ALERT);
    }

    /** Buys on a schedule, not on indicators: no warm-up. */
    @Override
    protected List<? extends dev.botfleet.engine.indicator.Indicator> indicators() {
        return List.of();
    }

    @Override
    protected void update(Candle candle) {
    }

    @Override
    protected boolean entrySignal(Candle candle) { return false; }

    @Override
    protected boolean exitSignal(Candle candle) { return false; }
}
