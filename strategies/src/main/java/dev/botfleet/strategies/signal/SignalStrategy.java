package dev.botfleet.strategies.signal;

import dev.botfleet.engine.indicator.Indicator;
import dev.botfleet.engine.market.Candle;
import dev.botfleet.engine.market.Instrument;
import dev.botfleet.engine.market.QuietBand;
import dev.botfleet.engine.market.Tick;
import dev.botfleet.engine.order.CloseReason;
import dev.botfleet.engine.order.Fill;
import dev.botfleet.engine.order.OrderEvent;
import dev.botfleet.engine.order.OrderRequest;
import dev.botfleet.engine.order.OrderSide;
import dev.botfleet.engine.order.OrderSnapshot;
import dev.botfleet.engine.order.OrderStatus;
import dev.botfleet.engine.strategy.ActivityLevel;
import dev.botfleet.engine.strategy.IndicatorReporter;
import dev.botfleet.engine.strategy.Reconfigurable;
import dev.botfleet.engine.strategy.SignalReporter;
import dev.botfleet.engine.strategy.Strategy;
import dev.botfleet.engine.strategy.StrategyContext;
import dev.botfleet.engine.strategy.Warmup;
import dev.botfleet.engine.strategy.definition.StrategyConfig;
import dev.botfleet.strategies.exit.ExitManager;
import dev.botfleet.strategies.exit.ExitParameters;
import dev.botfleet.strategies.support.CandleAggregator;
import dev.botfleet.strategies.support.CommonParameters;
import dev.botfleet.strategies.support.Sizing;
import dev.botfleet.strategies.support.Warmups;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shared body of the long-only signal strategies (rsi, bollinger, ema-cross, macd-dca, dip, momentum, rules):
 * candles of the configured timeframe feed the indicators; when flat and the entry signal holds, buy
 * {@code orderAmount} at market; while in a deal the common exits run on every price and the exit signal closes the
 * deal at market (close reason SIGNAL), optionally only when the profit is at least {@code minProfitPercent}.
 * Subclasses only say what the signals are.
 *
 * <p>Hot reload: the order amount, the minimum profit, the exits (for the open deal too) and each subclass's
 * thresholds ({@link #settings}) take new values at the next turn; the indicators, their periods and the timeframe are
 * not live, so the warm-up and the indicator state are kept.
 */
public abstract class SignalStrategy implements Strategy, Reconfigurable, IndicatorReporter, SignalReporter {
    protected final Instrument instrument;
    protected final ExitManager exits;
    private final CandleAggregator candles;
    private BigDecimal orderAmount;
    /** Null: the exit signal closes at any profit or loss. */
    private BigDecimal minProfitPercent;
    private String entryOrder;
    /** What the signals said on the candle just decided, for backtests ({@link SignalReporter}); false in between. */
    private boolean entryNow;
    private boolean exitNow;

    protected SignalStrategy(StrategyConfig config, Instrument instrument, BigDecimal minProfitPercent) {
        this.instrument = instrument;
        this.exits = new ExitManager(ExitParameters.from(config), instrument);
        this.candles = new CandleAggregator(CommonParameters.timeframe(config));
        this.orderAmount = config.decimal(CommonParameters.ORDER_AMOUNT);
        this.minProfitPercent = minProfitPercent;
    }

    /**
     * Reads the subclass's live-editable parameters (thresholds, amounts): called by its constructor and again with
     * each new config of a running bot. None by default.
     */
    protected void settings(StrategyConfig config) {
    }

    @Override
    public void reconfigure(StrategyContext ctx, StrategyConfig config) {
        orderAmount = config.decimal(CommonParameters.ORDER_AMOUNT);
        if (minProfitPercent != null) minProfitPercent = config.decimal(SignalParameters.MIN_PROFIT_PERCENT);
        exits.reconfigure(ctx, ExitParameters.from(config));
        settings(config);
    }

    /** Feeds one candle of the strategy's timeframe to the indicators. */
    protected abstract void update(Candle candle);

    /**
     * Every indicator {@link #update} feeds: the warm-up lasts until all of them give a value. None by default (a
     * strategy on prices alone); the catalog's test checks every indicator strategy declares its own.
     */
    protected List<? extends Indicator> indicators() {
        return List.of();
    }

    /**
     * Puts the value of each indicator the signals read into {@code out} under a stable name (NaN while not ready),
     * for the backtest's indicator columns (the lookahead and recursive checks compare them). None by default.
     */
    protected void reportIndicators(Map<String, Double> out) {
    }

    @Override
    public final Map<String, Double> indicatorValues() {
        Map<String, Double> out = new LinkedHashMap<>();
        reportIndicators(out);
        return out;
    }

    /** Whether to open a deal now (called when flat, after {@link #update}). */
    protected abstract boolean entrySignal(Candle candle);

    /** Whether to close the open deal now (called in a deal, after {@link #update}). */
    protected abstract boolean exitSignal(Candle candle);

    @Override
    public boolean entrySignal() {
        return entryNow;
    }

    @Override
    public boolean exitSignal() {
        return exitNow;
    }

    /** The entry signal's name (the enter tag of a long); the strategy's own by default. */
    @Override
    public String entryTag() {
        return "entry_signal";
    }

    /** The exit signal's name (the enter tag of a short). */
    @Override
    public String exitTag() {
        return "exit_signal";
    }

    /**
     * Off by default: a subclass whose signals are read-only checks of the market (so they may be asked on every
     * candle, in a deal or not) and whose exit condition makes sense as a short entry says so.
     */
    @Override
    public boolean hasShortSide() {
        return false;
    }

    /** What to do on a candle once the indicators are updated; macd-dca adds to the deal here too. */
    protected void decide(StrategyContext ctx, Candle candle) {
        if (!exits.inDeal()) {
            if (entryOrder == null && entrySignal(candle)) buy(ctx, orderAmount, "entry signal");
        } else if (!exits.isClosing() && exitSignal(candle) && profitAllows(candle.close())) {
            exits.close(ctx, CloseReason.SIGNAL);
        }
    }

    @Override
    public void onStart(StrategyContext ctx) {
        exits.resume(ctx);
    }

    /**
     * Candles of the strategy's timeframe until every indicator gives a value, plus one: crossings compare a candle
     * with the one before it. Asked once, at build time, before any data.
     */
    @Override
    public Warmup warmup() {
        int untilReady = Warmups.candlesUntilReady(indicators());
        return untilReady == 0 ? Warmup.NONE : new Warmup(candles.timeframe(), untilReady + 1);
    }

    /** History only feeds the indicators; the first decision is on a live candle. */
    @Override
    public void onHistory(StrategyContext ctx, Candle candle) {
        candles.accept(candle).ifPresent(this::update);
    }

    @Override
    public void onTick(StrategyContext ctx, Tick tick) {
        exits.check(ctx, tick.price(), false);
    }

    /** Entries and exit signals are decided on candles (each one matters); a tick only runs the exits. */
    @Override
    public void quietBand(StrategyContext ctx, QuietBand band) {
        exits.narrow(band);
        band.candlesMatter();
    }

    @Override
    public void onCandle(StrategyContext ctx, Candle candle) {
        var done = candles.accept(candle);
        entryNow = false;
        exitNow = false;
        if (done.isEmpty()) {
            exits.check(ctx, candle.close(), false);  // a part of a longer candle: still a price
            return;
        }
        Candle c = done.get();
        update(c);
        if (hasShortSide()) {
            // only strategies whose signals are read-only checks of the indicators say so: asked whatever the deal,
            // for the backtest's short side (a subclass's signal may count its calls, so others are not asked twice)
            entryNow = entrySignal(c);
            exitNow = exitSignal(c);
        }
        if (exits.inDeal() && exits.check(ctx, c.close(), true).isPresent()) return;
        decide(ctx, c);
    }

    @Override
    public void onFill(StrategyContext ctx, OrderSnapshot order, Fill fill) {
        if (fill.side() == OrderSide.BUY) {
            exits.onEntryFill(ctx, fill);
        } else if (exits.onExitFill(ctx, order, fill)) {
            onDealClosed(ctx);
        }
        if (order.clientOrderId().equals(entryOrder) && !order.isOpen()) entryOrder = null;
    }

    @Override
    public void onOrderUpdate(StrategyContext ctx, OrderSnapshot order, OrderEvent event) {
        if (order.clientOrderId().equals(entryOrder) && !order.isOpen()) entryOrder = null;
    }

    /** The deal ended (every unit sold). */
    protected void onDealClosed(StrategyContext ctx) {
    }

    /** Buys {@code quote} worth at market; false (with a warning) if that is below the instrument's minimums. */
    protected boolean buy(StrategyContext ctx, BigDecimal quote, String why) {
        if (Double.isNaN(ctx.lastPrice())) return false;
        BigDecimal price = Sizing.price(instrument, ctx.lastPrice());
        BigDecimal qty = Sizing.quantityFor(instrument, quote, price);
        if (!Sizing.meetsMinimums(instrument, qty, price)) {
            ctx.log(ActivityLevel.WARNING, "Skipped a buy (" + why + "): " + quote.toPlainString() + " "
                    + instrument.quoteAsset() + " is below the minimum order");
            return false;
        }
        ctx.log(ActivityLevel.INFO, "Buying: " + why);
        OrderSnapshot s = ctx.submit(OrderRequest.market(OrderSide.BUY, qty));
        if (s.status() == OrderStatus.DENIED) return false;
        entryOrder = s.clientOrderId();
        return true;
    }

    protected boolean entryPending() { return entryOrder != null; }

    /** True when no minimum profit is required or selling at {@code price} makes at least that much. */
    protected boolean profitAllows(double price) {
        return minProfitPercent == null || exits.profitRatio(price) * 100 >= minProfitPercent.doubleValue();
    }

    /** True when {@code now} crossed above {@code level} since {@code before} (was at or below, is above). */
    protected static boolean crossedAbove(double before, double now, double levelBefore, double levelNow) {
        return !Double.isNaN(before) && !Double.isNaN(levelBefore) && before <= levelBefore && now > levelNow;
    }

    protected static boolean crossedBelow(double before, double now, double levelBefore, double levelNow) {
        return !Double.isNaN(before) && !Double.isNaN(levelBefore) && before >= levelBefore && now < levelNow;
    }
}
