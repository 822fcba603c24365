package dev.botfleet.strategies.dca;

import dev.botfleet.engine.indicator.Rsi;
import dev.botfleet.engine.market.Candle;
import dev.botfleet.engine.market.Instrument;
import dev.botfleet.engine.market.QuietBand;
import dev.botfleet.engine.market.Tick;
import dev.botfleet.engine.order.Fill;
import dev.botfleet.engine.order.OrderEvent;
import dev.botfleet.engine.order.OrderRequest;
import dev.botfleet.engine.order.OrderSide;
import dev.botfleet.engine.order.OrderSnapshot;
import dev.botfleet.engine.order.OrderStatus;
import dev.botfleet.engine.strategy.ActivityLevel;
import dev.botfleet.engine.strategy.Reconfigurable;
import dev.botfleet.engine.strategy.Strategy;
import dev.botfleet.engine.strategy.StrategyContext;
import dev.botfleet.engine.strategy.Warmup;
import dev.botfleet.engine.strategy.definition.StrategyConfig;
import dev.botfleet.strategies.exit.ExitManager;
import dev.botfleet.strategies.exit.StopLoss;
import dev.botfleet.strategies.exit.ExitParameters;
import dev.botfleet.strategies.support.CandleAggregator;
import dev.botfleet.strategies.support.CommonParameters;
import dev.botfleet.strategies.support.Sizing;
import dev.botfleet.strategies.support.Warmups;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The 3Commas-style DCA bot (trading-formulas.md §3.2): start gate → market base order → safety-order limit buys on
 * the ladder ({@link DcaLadder}), at most {@code maxActiveSafetyOrders} resting, the next placed as one fills → the
 * take profit follows the average (via {@link ExitManager}) → on close, the remaining safety orders are canceled and
 * the cooldown starts.
 *
 * <p>Hot reload: the ladder (base and safety order sizes, deviation, scales, how many) applies from the next deal —
 * an open deal keeps the ladder it started with, so its resting safety orders and the ones still to come stay one
 * consistent ladder. Exits apply to the open deal at once (see {@link ExitManager#reconfigure}); cooldown and RSI
 * threshold from the next check. Start condition, RSI period, timeframe and take-profit type are not live.
 */
public final class DcaStrategy implements Strategy, Reconfigurable {
    private final Instrument instrument;
    /** The ladder of the open deal (or of the next one when flat). */
    private DcaLadder ladder;
    private int maxActive;
    /** The ladder the config asks for now: taken when the next deal starts. */
    private DcaLadder configuredLadder;
    private int configuredMaxActive;
    private long cooldownMillis;
    private final String startCondition;
    private double rsiThreshold;
    private final Rsi rsi;
    private final CandleAggregator candles;
    private final ExitManager exits;

    private String baseOrder;
    private BigDecimal basePrice;
    private int nextSafetyOrder;
    /** Resting safety orders: client order id → ladder index. */
    private final Map<String, Integer> safetyOrders = new LinkedHashMap<>();
    private Instant cooldownUntil = Instant.MIN;

    public DcaStrategy(StrategyConfig config, Instrument instrument) {
        this.instrument = instrument;
        this.ladder = this.configuredLadder = DcaDefinition.ladder(config);
        this.maxActive = this.configuredMaxActive = (int) config.integer("maxActiveSafetyOrders");
        this.cooldownMillis = config.integer("cooldownSeconds") * 1000;
        this.startCondition = config.text("startCondition");
        this.rsiThreshold = config.decimal("rsiThreshold").doubleValue();
        this.rsi = new Rsi((int) config.integer("rsiPeriod"));
        this.candles = new CandleAggregator(CommonParameters.timeframe(config));
        BigDecimal base = "BASE".equals(config.text("takeProfitType")) ? ladder.baseOrder() : null;
        this.exits = new ExitManager(ExitParameters.from(config), instrument, base);
    }

    @Override
    public void reconfigure(StrategyContext ctx, StrategyConfig config) {
        configuredLadder = DcaDefinition.ladder(config);
        configuredMaxActive = (int) config.integer("maxActiveSafetyOrders");
        cooldownMillis = config.integer("cooldownSeconds") * 1000;
        rsiThreshold = config.decimal("rsiThreshold").doubleValue();
        exits.reconfigure(ctx, ExitParameters.from(config));
        if (exits.inDeal() || baseOrder != null) {
            ctx.log(ActivityLevel.INFO, "The new safety-order ladder applies from the next deal");
        }
    }

    /** The safety orders resting now, by ladder index (for tests and the dashboard). */
    public Map<String, Integer> safetyOrders() { return Map.copyOf(safetyOrders); }

    @Override
    public void onStart(StrategyContext ctx) {
        exits.resume(ctx);
        if (exits.inDeal()) {
            // The ladder's base price is not journaled: rather than guess which rung a resting buy was, cancel the
            // safety orders and let the take profit and exits finish the deal.
            for (OrderSnapshot o : ctx.openOrders()) {
                if (o.side() == OrderSide.BUY) ctx.cancel(o.clientOrderId());
            }
            ctx.log(ActivityLevel.INFO, "DCA resumed an open deal: take profit and exits restored, safety orders canceled");
            nextSafetyOrder = ladder.maxSafetyOrders() + 1;
        }
    }

    @Override
    public void onTick(StrategyContext ctx, Tick tick) {
        onPrice(ctx, tick.price(), false);
        if ("ASAP".equals(startCondition)) maybeStart(ctx);
    }

    /**
     * Outside a deal an ASAP bot starts one on the next tick, so every tick matters; with another start condition a
     * tick does nothing there (the start is decided on candles). In a deal only the exits look at a tick. A candle is
     * only a price unless the bot reads candles ({@link #readsCandles}).
     */
    @Override
    public void quietBand(StrategyContext ctx, QuietBand band) {
        if (exits.inDeal()) exits.narrow(band);
        else if ("ASAP".equals(startCondition)) band.none();
        if (readsCandles()) band.candlesMatter();
    }

    /**
     * Whether candles are more than a price here: the RSI of a start condition, or a stop loss checked at candle
     * closes. Otherwise neither the RSI nor the candles of the timeframe are kept, so a candle leaves nothing behind
     * but its price (and a fleet's bots need not be handed the minute's candle: QuietBand).
     */
    private boolean readsCandles() {
        StopLoss stop = exits.rules().stopLoss();
        return !"ASAP".equals(startCondition) || (stop.enabled() && stop.trigger() != StopLoss.Trigger.LAST);
    }

    /** An RSI start condition waits for the RSI; the other start conditions need no history. */
    @Override
    public Warmup warmup() {
        if (!startCondition.startsWith("RSI")) return Warmup.NONE;
        return new Warmup(candles.timeframe(), Warmups.candlesUntilReady(List.of(rsi)));
    }

    @Override
    public void onHistory(StrategyContext ctx, Candle candle) {
        candles.accept(candle).ifPresent(c -> rsi.update(c.close()));
    }

    @Override
    public void onCandle(StrategyContext ctx, Candle candle) {
        if (!readsCandles()) {
            // the start is ASAP and no stop waits for a close: a candle is one more price (see quietBand)
            onPrice(ctx, candle.close(), false);
            maybeStart(ctx);
            return;
        }
        var done = candles.accept(candle);
        done.ifPresent(c -> rsi.update(c.close()));
        onPrice(ctx, candle.close(), done.isPresent());
        if ("ASAP".equals(startCondition) || done.isPresent()) maybeStart(ctx);
    }

    private void onPrice(StrategyContext ctx, double price, boolean candleClose) {
        if (exits.inDeal() && exits.check(ctx, price, candleClose).isPresent()) cancelSafetyOrders(ctx);
    }

    private void maybeStart(StrategyContext ctx) {
        if (exits.inDeal() || baseOrder != null || Double.isNaN(ctx.lastPrice())) return;
        if (ctx.now().isBefore(cooldownUntil) || !startAllowed()) return;
        ladder = configuredLadder;  // a deal starts: the latest config's ladder is its ladder
        maxActive = configuredMaxActive;
        exits.baseOrderQuoteForNextDeal(ladder.baseOrder());
        BigDecimal price = Sizing.price(instrument, ctx.lastPrice());
        BigDecimal qty = Sizing.quantityFor(instrument, ladder.baseOrder(), price);
        if (!Sizing.meetsMinimums(instrument, qty, price)) {
            ctx.log(ActivityLevel.ERROR, "The base order of " + ladder.baseOrder().toPlainString() + " "
                    + instrument.quoteAsset() + " is below the minimum order; the bot stops");
            ctx.done("base order below the exchange minimum");
            return;
        }
        ctx.log(ActivityLevel.INFO, "Starting a DCA deal");
        OrderSnapshot s = ctx.submit(OrderRequest.market(OrderSide.BUY, qty));
        if (s.status() != OrderStatus.DENIED) baseOrder = s.clientOrderId();
    }

    private boolean startAllowed() {
        return switch (startCondition) {
            case "RSI_BELOW" -> rsi.isReady() && rsi.value() < rsiThreshold;
            case "RSI_ABOVE" -> rsi.isReady() && rsi.value() > rsiThreshold;
            default -> true;
        };
    }

    @Override
    public void onFill(StrategyContext ctx, OrderSnapshot order, Fill fill) {
        if (fill.side() == OrderSide.SELL) {
            if (exits.onExitFill(ctx, order, fill)) dealClosed(ctx);
            return;
        }
        exits.onEntryFill(ctx, fill);
        String id = order.clientOrderId();
        if (id.equals(baseOrder) && !order.isOpen()) {
            baseOrder = null;
            basePrice = order.averagePrice();
            nextSafetyOrder = 1;
            while (safetyOrders.size() < maxActive && placeNextSafetyOrder(ctx)) {
                // fill the active window
            }
        } else if (safetyOrders.containsKey(id) && !order.isOpen()) {
            safetyOrders.remove(id);
            if (!exits.isClosing()) placeNextSafetyOrder(ctx);
        }
    }

    @Override
    public void onOrderUpdate(StrategyContext ctx, OrderSnapshot order, OrderEvent event) {
        if (order.isOpen()) return;
        if (order.clientOrderId().equals(baseOrder)) baseOrder = null;  // denied, rejected or canceled unfilled
        safetyOrders.remove(order.clientOrderId());
    }

    private boolean placeNextSafetyOrder(StrategyContext ctx) {
        if (nextSafetyOrder > ladder.maxSafetyOrders()) return false;
        int n = nextSafetyOrder++;
        BigDecimal price = Sizing.buyPrice(instrument, ladder.price(basePrice, n));
        if (price.signum() <= 0) {   // a rung this deep is under one tick: there is no such price to buy at
            ctx.log(ActivityLevel.WARNING, "Safety order " + n + " skipped: its price rounds down to zero");
            return true;
        }
        BigDecimal qty = Sizing.quantityFor(instrument, ladder.volume(n), price);
        if (!Sizing.meetsMinimums(instrument, qty, price)) {
            ctx.log(ActivityLevel.WARNING, "Safety order " + n + " skipped: below the minimum order");
            return true;
        }
        OrderSnapshot s = ctx.submit(OrderRequest.limit(OrderSide.BUY, qty, price));
        if (s.status() != OrderStatus.DENIED) safetyOrders.put(s.clientOrderId(), n);
        return true;
    }

    private void cancelSafetyOrders(StrategyContext ctx) {
        for (String id : safetyOrders.keySet()) ctx.cancel(id);
        safetyOrders.clear();
        nextSafetyOrder = ladder.maxSafetyOrders() + 1;
    }

    private void dealClosed(StrategyContext ctx) {
        cancelSafetyOrders(ctx);
        basePrice = null;
        cooldownUntil = ctx.now().plusMillis(cooldownMillis);
        if (cooldownMillis > 0) ctx.log(ActivityLevel.INFO, "Deal closed; next deal after " + cooldownUntil);
    }
}
