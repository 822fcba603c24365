package dev.botfleet.strategies.exit;

import dev.botfleet.engine.market.Instrument;
import dev.botfleet.engine.market.QuietBand;
import dev.botfleet.engine.order.CloseReason;
import dev.botfleet.engine.order.Fill;
import dev.botfleet.engine.order.OrderRequest;
import dev.botfleet.engine.order.OrderSide;
import dev.botfleet.engine.order.OrderSnapshot;
import dev.botfleet.engine.order.OrderStatus;
import dev.botfleet.engine.strategy.ActivityLevel;
import dev.botfleet.engine.strategy.StrategyContext;
import dev.botfleet.strategies.support.Sizing;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the exits of one long deal at a time. The strategy tells it about entry fills and exit fills and shows it every
 * price; it keeps the deal's book (quantity, cost, first price, age) and:
 * <ul>
 *   <li>keeps take-profit limit sells resting on the exchange, re-placed whenever the position grows (a DCA safety
 *       order filled) so they always match the current average;</li>
 *   <li>checks, on each price and in this order, stop loss → trailing take profit → time limit → ROI (the triple
 *       barrier order of trading-formulas.md §2.3); the first that fires cancels the take profits and sells the rest
 *       at market, the order carrying the close reason.</li>
 * </ul>
 * Quantities come from its own book of fills, which equals the bot's position for a strategy that trades one deal at
 * a time. A market close that fails (denied, or an IOC remainder canceled) is re-sent on the next price.
 *
 * <p>New rules (hot reload, {@link #reconfigure}) apply to the open deal at once: the stop, trailing, time limit and
 * ROI checks read them on the next price, and resting take profits are re-placed at the new targets if those changed.
 */
public final class ExitManager {
    private static final MathContext MC = MathContext.DECIMAL64;
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private ExitRules rules;
    private final Instrument instrument;
    /** For take profit measured on the base order only (3Commas "base" type); null = on the whole position. */
    private BigDecimal baseOrderQuote;
    /** A new base order size taken while a deal is open: the open deal keeps the one it was opened with. */
    private BigDecimal nextBaseOrderQuote;

    private Instant openedAt;
    private BigDecimal firstPrice;
    private BigDecimal bought = BigDecimal.ZERO;
    private BigDecimal cost = BigDecimal.ZERO;
    private BigDecimal sold = BigDecimal.ZERO;
    private int stepsFilled;
    private final Map<String, Integer> takeProfitOrders = new LinkedHashMap<>();
    private double highest;
    /** Hot-path copies for the per-tick checks, refreshed on every entry fill. */
    private double averageLevel;
    private double firstLevel;
    private double trailingTarget;
    private boolean trailingArmed;
    private double trailingPeak;
    /** The rules' percentages as the per-tick checks use them (1 − percent / 100), worked out once per rules. */
    private double stopKeep;
    private double trailingKeep;
    private String closingOrder;
    private CloseReason closingReason;
    private boolean closeRefused;

    public ExitManager(ExitRules rules, Instrument instrument) {
        this(rules, instrument, null);
    }

    public ExitManager(ExitRules rules, Instrument instrument, BigDecimal baseOrderQuote) {
        this.instrument = instrument;
        this.baseOrderQuote = baseOrderQuote;
        useRules(rules);
    }

    private void useRules(ExitRules newRules) {
        rules = newRules;
        stopKeep = 1 - newRules.stopLoss().percent().doubleValue() / 100;
        trailingKeep = newRules.trailingTakeProfit() ? 1 - newRules.trailingTakeProfitPercent().doubleValue() / 100 : 0;
    }

    public boolean inDeal() { return openedAt != null; }

    public ExitRules rules() { return rules; }

    /**
     * New exit rules for the running bot (hot reload): kept for the open deal too. Take profits resting on the exchange
     * are canceled and placed again only when the targets changed; a deal already closing at market stays closing.
     */
    public void reconfigure(StrategyContext ctx, ExitRules newRules) {
        boolean targetsChanged = !newRules.takeProfit().equals(rules.takeProfit())
                || newRules.trailingTakeProfit() != rules.trailingTakeProfit();
        useRules(newRules);
        if (!inDeal() || isClosing()) return;
        if (!rules.trailingTakeProfit()) trailingArmed = false;
        refreshLevels();
        if (targetsChanged) placeTakeProfits(ctx);
    }

    /** The base order size a BASE take profit is measured on, from the next deal on (the open one keeps its own). */
    public void baseOrderQuoteForNextDeal(BigDecimal quote) {
        if (baseOrderQuote == null) return;  // a take profit on the whole position: no base order size involved
        if (inDeal()) nextBaseOrderQuote = quote;
        else baseOrderQuote = quote;
    }

    public boolean isClosing() { return closingReason != null; }

    public BigDecimal held() { return bought.subtract(sold); }

    public Instant openedAt() { return openedAt; }

    /** Quote spent on this deal's buys (price × quantity, fees excluded). */
    public BigDecimal cost() { return cost; }

    public BigDecimal firstPrice() { return firstPrice; }

    /** Base-weighted average entry (cost / quantity bought), 12 decimals; null outside a deal. */
    public BigDecimal averageEntry() {
        return bought.signum() == 0 ? null : cost.divide(bought, 12, RoundingMode.HALF_EVEN);
    }

    /** Profit ratio of selling everything at {@code price}, net of taker fees on both sides (Freqtrade's formula). */
    public double profitRatio(double price) {
        if (bought.signum() == 0) return 0;
        double fee = instrument.takerFee().doubleValue();
        double open = averageLevel * (1 + fee);
        return price * (1 - fee) / open - 1;
    }

    /** Ids of the resting take-profit orders, in step order. */
    public List<String> takeProfitOrders() { return new ArrayList<>(takeProfitOrders.keySet()); }

    /** Take-profit limit price of one step for the current book, on the tick grid (rounded up). */
    public BigDecimal takeProfitPrice(TakeProfitStep step) {
        BigDecimal raw;
        if (baseOrderQuote == null) {
            raw = averageEntry().multiply(BigDecimal.ONE.add(step.profitPercent().divide(HUNDRED, MC)), MC);
        } else {
            BigDecimal target = baseOrderQuote.multiply(step.profitPercent()).divide(HUNDRED, MC);
            raw = cost.add(target).divide(bought, MC);
        }
        return Sizing.sellPrice(instrument, raw);
    }

    /** After a restart: adopt a position the bot already holds as the open deal and place its take profits again. */
    public void resume(StrategyContext ctx) {
        BigDecimal qty = ctx.positionQuantity();
        if (qty.signum() <= 0 || inDeal()) return;
        for (OrderSnapshot o : ctx.openOrders()) {
            if (o.side() == OrderSide.SELL) ctx.cancel(o.clientOrderId());
        }
        BigDecimal avg = ctx.position().averageEntryPrice();
        openedAt = ctx.now();
        firstPrice = avg;
        bought = qty;
        cost = qty.multiply(avg);
        highest = avg.doubleValue();
        refreshLevels();
        placeTakeProfits(ctx);
    }

    /** A buy of this deal filled (base order, safety order, signal entry). */
    public void onEntryFill(StrategyContext ctx, Fill fill) {
        if (openedAt == null) {
            openedAt = fill.executedAt();
            firstPrice = fill.price();
            highest = fill.price().doubleValue();
        }
        bought = bought.add(fill.quantity());
        cost = cost.add(fill.quantity().multiply(fill.price()));
        refreshLevels();
        if (!isClosing()) placeTakeProfits(ctx);
    }

    /**
     * A sell of this deal filled (a take-profit step or a market close).
     *
     * @return true when it sold the rest: the deal is over and this manager is ready for the next one
     */
    public boolean onExitFill(StrategyContext ctx, OrderSnapshot order, Fill fill) {
        sold = sold.add(fill.quantity());
        Integer step = takeProfitOrders.get(order.clientOrderId());
        if (step != null && order.status() == OrderStatus.FILLED) {
            takeProfitOrders.remove(order.clientOrderId());
            stepsFilled++;
        }
        if (held().signum() > 0) return false;
        for (String id : takeProfitOrders.keySet()) ctx.cancel(id);
        reset();
        return true;
    }

    /**
     * Checks the price-driven exits; closes the deal if one fires.
     *
     * @param candleClose true when {@code price} is the close of a candle of the strategy's timeframe
     * @return the reason the deal is being closed, if it is
     */
    public Optional<CloseReason> check(StrategyContext ctx, double price, boolean candleClose) {
        // on every tick of every bot in a deal: no decimal arithmetic or allocation on the way to "nothing to do"
        if (!inDeal() || bought.compareTo(sold) <= 0) return Optional.empty();
        if (isClosing()) {
            retryClose(ctx);
            return Optional.of(closingReason);
        }
        highest = Math.max(highest, price);
        StopLoss stop = rules.stopLoss();
        if (stop.enabled() && (stop.trigger() == StopLoss.Trigger.LAST || candleClose)) {
            double ref = stop.reference() == StopLoss.Reference.AVERAGE_ENTRY ? averageLevel : firstLevel;
            if (stop.trailing()) ref = Math.max(ref, highest);
            double level = ref * stopKeep;
            if (price <= level) return close(ctx, stop.trailing() ? CloseReason.TRAILING_STOP : CloseReason.STOP_LOSS);
        }
        if (rules.trailingTakeProfit() && stepsFilled < rules.takeProfit().size()) {
            if (!trailingArmed && price >= trailingTarget) {
                trailingArmed = true;
                trailingPeak = price;
            }
            if (trailingArmed) {
                trailingPeak = Math.max(trailingPeak, price);
                if (price <= trailingPeak * trailingKeep) {
                    return close(ctx, CloseReason.TAKE_PROFIT);
                }
            }
        }
        if (rules.timeLimitMinutes() <= 0 && rules.roi() == null) return Optional.empty();
        long minutes = Duration.between(openedAt, ctx.now()).toMinutes();
        if (rules.timeLimitMinutes() > 0 && minutes >= rules.timeLimitMinutes()) {
            return close(ctx, CloseReason.TIME_LIMIT);
        }
        if (rules.roi() != null) {
            Optional<BigDecimal> target = rules.roi().target(minutes);
            if (target.isPresent() && profitRatio(price) >= target.get().doubleValue()) {
                return close(ctx, CloseReason.ROI);
            }
        }
        return Optional.empty();
    }

    /**
     * Narrows {@code band} to the prices at which {@link #check} on a tick does nothing and changes nothing: above the
     * stop level, below the deal's highest price so far (a new high moves a trailing stop), below the trailing take
     * profit's target or, once armed, between its stop and its peak. None while closing (each price retries the close)
     * or with a time limit or ROI table (they depend on the time, not only the price).
     */
    public void narrow(QuietBand band) {
        if (!inDeal() || bought.compareTo(sold) <= 0) return;  // check() returns at once
        if (isClosing() || rules.timeLimitMinutes() > 0 || rules.roi() != null) {
            band.none();
            return;
        }
        band.below(highest);
        StopLoss stop = rules.stopLoss();
        if (stop.enabled() && stop.trigger() == StopLoss.Trigger.LAST) {
            double ref = stop.reference() == StopLoss.Reference.AVERAGE_ENTRY ? averageLevel : firstLevel;
            if (stop.trailing()) ref = Math.max(ref, highest);
            band.above(ref * stopKeep);
        }
        if (rules.trailingTakeProfit() && stepsFilled < rules.takeProfit().size()) {
            if (!trailingArmed) {
                band.below(trailingTarget);
            } else {
                band.below(trailingPeak);
                band.above(trailingPeak * trailingKeep);
            }
        }
    }

    /** Closes the deal now: cancels the take profits and sells the rest at market, marked with {@code reason}. */
    public Optional<CloseReason> close(StrategyContext ctx, CloseReason reason) {
        if (!inDeal()) return Optional.empty();
        for (String id : takeProfitOrders.keySet()) ctx.cancel(id);
        takeProfitOrders.clear();
        closingReason = reason;
        ctx.log(ActivityLevel.INFO, "Closing the deal: " + reason.name().toLowerCase().replace('_', ' '));
        retryClose(ctx);
        return Optional.of(reason);
    }

    private void refreshLevels() {
        averageLevel = averageEntry().doubleValue();
        firstLevel = firstPrice.doubleValue();
        if (rules.trailingTakeProfit()) trailingTarget = takeProfitPrice(rules.takeProfit().getLast()).doubleValue();
    }

    private void retryClose(StrategyContext ctx) {
        if (closeRefused) return;
        if (closingOrder != null && ctx.openOrders().stream().anyMatch(o -> o.clientOrderId().equals(closingOrder))) {
            return;  // still working
        }
        BigDecimal qty = held();
        OrderSnapshot s = ctx.submit(OrderRequest.market(OrderSide.SELL, qty).closing(closingReason));
        if (s.status() == OrderStatus.DENIED) {
            // A refused close (e.g. a remainder below the minimum order) would be refused again on every price.
            closeRefused = true;
            ctx.log(ActivityLevel.WARNING, "Could not close the deal: " + s.reason());
        } else {
            closingOrder = s.clientOrderId();
        }
    }

    private void placeTakeProfits(StrategyContext ctx) {
        for (String id : takeProfitOrders.keySet()) ctx.cancel(id);
        takeProfitOrders.clear();
        List<TakeProfitStep> steps = rules.takeProfit();
        if (steps.isEmpty() || stepsFilled >= steps.size()) return;
        int last = steps.size() - 1;
        BigDecimal amountLeft = BigDecimal.ZERO;
        for (int j = stepsFilled; j <= last; j++) amountLeft = amountLeft.add(steps.get(j).amountPercent());
        BigDecimal position = held();
        BigDecimal allocated = BigDecimal.ZERO;
        for (int j = stepsFilled; j <= last; j++) {
            if (j == last && rules.trailingTakeProfit()) break;  // the last step trails: watched, not placed
            TakeProfitStep step = steps.get(j);
            BigDecimal qty = j == last ? position.subtract(allocated)
                    : instrument.roundQuantity(position.multiply(step.amountPercent()).divide(amountLeft, MC));
            BigDecimal price = takeProfitPrice(step);
            if (!Sizing.meetsMinimums(instrument, qty, price)) continue;  // too small alone: the last step takes it
            OrderSnapshot s = ctx.submit(OrderRequest.limit(OrderSide.SELL, qty, price).closing(CloseReason.TAKE_PROFIT));
            if (s.status() != OrderStatus.DENIED) {
                takeProfitOrders.put(s.clientOrderId(), j);
                allocated = allocated.add(qty);
            }
        }
    }

    private void reset() {
        if (nextBaseOrderQuote != null) {
            baseOrderQuote = nextBaseOrderQuote;
            nextBaseOrderQuote = null;
        }
        openedAt = null;
        firstPrice = null;
        bought = cost = sold = BigDecimal.ZERO;
        stepsFilled = 0;
        takeProfitOrders.clear();
        trailingArmed = false;
        closingOrder = null;
        closingReason = null;
        closeRefused = false;
    }
}
