package dev.botfleet.strategies.grid;

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
import dev.botfleet.engine.position.DealPolicy;
import dev.botfleet.engine.strategy.ActivityLevel;
import dev.botfleet.engine.strategy.Reconfigurable;
import dev.botfleet.engine.strategy.Strategy;
import dev.botfleet.engine.strategy.StrategyContext;
import dev.botfleet.engine.strategy.definition.StrategyConfig;
import dev.botfleet.strategies.grid.GridLevel.State;
import dev.botfleet.strategies.support.Sizing;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The grid bot (trading-formulas.md §3.4). Each {@link GridLevel} buys at its line and sells at the next line up, with
 * its own state machine; a completed grid books its profit (sell proceeds − buy cost, fees included) and starts over.
 * A grid whose buy line is below the price rests a buy; the grids at or above the price are bought in one market
 * order at start (or covered by base the bot already holds) so their sells can rest.
 *
 * <p>Hot reload: the lines (range, count, type) and the sizing currency shape the grid and are not live. The size per
 * grid applies to the buys placed from then on (resting buys keep theirs, sells always sell what their grid holds);
 * stop-loss and take-profit prices and trailing up/down are checked on the next price.
 */
public final class GridStrategy implements Strategy, Reconfigurable {
    private static final MathContext MC = MathContext.DECIMAL64;

    private final Instrument instrument;
    private final boolean geometric;
    private final BigDecimal step;
    private final BigDecimal ratio;
    private BigDecimal quantityPerGrid;
    private final boolean quoteSized;
    private double stopLossPrice;
    private double takeProfitPrice;
    private boolean trailingUp;
    private boolean trailingDown;

    /** Ascending by price. */
    private final List<GridLevel> levels = new ArrayList<>();
    private final Map<String, GridLevel> byOrder = new LinkedHashMap<>();
    private final List<GridLevel> waitingForBase = new ArrayList<>();
    private String balancingOrder;
    private BigDecimal balancingFees = BigDecimal.ZERO;
    private boolean started;
    private CloseReason exitReason;
    private String exitOrder;
    private int completed;
    private BigDecimal gridProfit = BigDecimal.ZERO;

    public GridStrategy(StrategyConfig config, Instrument instrument) {
        this.instrument = instrument;
        BigDecimal lower = config.decimal("lowerPrice");
        BigDecimal upper = config.decimal("upperPrice");
        int n = (int) config.integer("gridCount");
        this.geometric = "GEOMETRIC".equals(config.text("gridType"));
        this.step = upper.subtract(lower).divide(BigDecimal.valueOf(n), MC);
        this.ratio = BigDecimal.valueOf(Math.pow(upper.divide(lower, MC).doubleValue(), 1.0 / n));
        this.quantityPerGrid = config.decimal("quantityPerGrid");
        this.quoteSized = "QUOTE".equals(config.text("quantityCurrency"));
        exitsAndTrailing(config);
        List<BigDecimal> lines = new ArrayList<>();
        for (int i = 0; i <= n; i++) {
            BigDecimal line = i == n ? upper : geometric ? lower.multiply(ratio.pow(i), MC)
                    : lower.add(step.multiply(BigDecimal.valueOf(i)));
            lines.add(instrument.roundPrice(line));
        }
        for (int i = 0; i < n; i++) levels.add(new GridLevel(lines.get(i), lines.get(i + 1)));
    }

    private void exitsAndTrailing(StrategyConfig config) {
        this.stopLossPrice = config.decimal("stopLossPrice").doubleValue();
        this.takeProfitPrice = config.decimal("takeProfitPrice").doubleValue();
        this.trailingUp = config.bool("trailingUp");
        this.trailingDown = config.bool("trailingDown");
    }

    @Override
    public void reconfigure(StrategyContext ctx, StrategyConfig config) {
        exitsAndTrailing(config);
        BigDecimal old = quantityPerGrid;
        quantityPerGrid = config.decimal("quantityPerGrid");
        for (GridLevel l : levels) {
            if (!Sizing.meetsMinimums(instrument, quantity(l), l.buyPrice)) {
                // every later buy of that grid would be denied on each price: keep the size that works
                ctx.log(ActivityLevel.WARNING, "quantityPerGrid " + quantityPerGrid.toPlainString() + " is below the "
                        + "minimum order at " + l.buyPrice.toPlainString() + "; the grid keeps " + old.toPlainString());
                quantityPerGrid = old;
                return;
            }
        }
    }

    /** The grids, lowest first, as "buy-sell STATE" (for tests and the dashboard). */
    public List<String> levels() { return levels.stream().map(GridLevel::toString).toList(); }

    public int completedGrids() { return completed; }

    /** Profit of the completed grids, in quote, net of fees. */
    public BigDecimal gridProfit() { return gridProfit; }

    /**
     * A grid always holds inventory, so its position almost never returns to zero: its deals are lots instead, each
     * sell closing the lot bought nearest below its price, which is the buy of the grid the sell belongs to.
     */
    @Override
    public DealPolicy dealPolicy() { return DealPolicy.PER_LOT_NEAREST; }

    @Override
    public void onTick(StrategyContext ctx, Tick tick) {
        onPrice(ctx, tick.price());
    }

    @Override
    public void onCandle(StrategyContext ctx, Candle candle) {
        onPrice(ctx, candle.close());
    }

    /**
     * The prices at which {@link #onPrice} does nothing: above the stop and below the take profit, below the line a
     * trailing grid would move at, and at or below every inactive level's buy price (a level activates once the price
     * is above it). None before the grid is laid, while exiting, or while a filled level waits for its sell.
     */
    @Override
    public void quietBand(StrategyContext ctx, QuietBand band) {
        if (exitReason != null || !started) {
            band.none();
            return;
        }
        if (stopLossPrice > 0) band.above(stopLossPrice);
        if (takeProfitPrice > 0) band.below(takeProfitPrice);
        GridLevel top = levels.getLast();
        GridLevel bottom = levels.getFirst();
        if (trailingUp && bottom.held.signum() == 0 && bottom.state != State.CLOSE_ORDER_PLACED) {
            band.below(above(top.sellPrice).doubleValue());
        }
        if (trailingDown && top.state == State.CLOSE_ORDER_PLACED) band.above(below(bottom.buyPrice).doubleValue());
        for (GridLevel l : levels) {
            if (l.state == State.OPEN_ORDER_FILLED) {
                band.none();
                return;
            }
            if (l.state == State.NOT_ACTIVE && !waitingForBase.contains(l)) band.below(l.buyPrice.doubleValue());
        }
    }

    private void onPrice(StrategyContext ctx, double p) {
        if (exitReason != null) {
            if (exitOrder == null) sellEverything(ctx);
            return;
        }
        if (!started) {
            start(ctx, p);
            return;
        }
        if (stopLossPrice > 0 && p <= stopLossPrice) {
            exit(ctx, CloseReason.STOP_LOSS);
            return;
        }
        if (takeProfitPrice > 0 && p >= takeProfitPrice) {
            exit(ctx, CloseReason.TAKE_PROFIT);
            return;
        }
        trail(ctx, p);
        activate(ctx, p);
    }

    private void start(StrategyContext ctx, double p) {
        started = true;
        for (GridLevel l : levels) {
            if (l.buyPrice.compareTo(l.sellPrice) >= 0 || !Sizing.meetsMinimums(instrument, quantity(l), l.buyPrice)) {
                ctx.log(ActivityLevel.ERROR, "Grid " + l.buyPrice.toPlainString() + "-" + l.sellPrice.toPlainString()
                        + " is too narrow for the tick size or its order is below the minimum; the bot stops");
                ctx.done("grid does not fit the instrument");
                return;
            }
        }
        for (OrderSnapshot o : ctx.openOrders()) ctx.cancel(o.clientOrderId());  // a restart rebuilds the grid
        BigDecimal inventory = ctx.positionQuantity().max(BigDecimal.ZERO);
        BigDecimal inventoryPrice = ctx.position().averageEntryPrice();
        BigDecimal toBuy = BigDecimal.ZERO;
        for (GridLevel l : levels) {
            if (l.buyPrice.doubleValue() < p) continue;
            BigDecimal q = quantity(l);
            if (inventory.compareTo(q) >= 0) {   // base the bot already holds (after a restart) covers this grid
                inventory = inventory.subtract(q);
                hold(l, q, q.multiply(inventoryPrice));
                placeSell(ctx, l);
            } else {
                waitingForBase.add(l);
                toBuy = toBuy.add(q);
            }
        }
        if (toBuy.signum() > 0) {
            ctx.log(ActivityLevel.INFO, "Buying " + toBuy.toPlainString() + " " + instrument.baseAsset()
                    + " at market for the " + waitingForBase.size() + " grids above the price");
            OrderSnapshot s = ctx.submit(OrderRequest.market(OrderSide.BUY, toBuy));
            if (s.status() == OrderStatus.DENIED) waitingForBase.clear();
            else balancingOrder = s.clientOrderId();
        }
        activate(ctx, p);
    }

    private BigDecimal quantity(GridLevel l) {
        return quoteSized ? Sizing.quantityFor(instrument, quantityPerGrid, l.buyPrice)
                : instrument.roundQuantity(quantityPerGrid);
    }

    /** Rests a buy on every idle grid below the price, and re-tries sells that could not be placed. */
    private void activate(StrategyContext ctx, double p) {
        for (GridLevel l : levels) {
            if (l.state == State.NOT_ACTIVE && !waitingForBase.contains(l) && l.buyPrice.doubleValue() < p) {
                OrderSnapshot s = ctx.submit(OrderRequest.limit(OrderSide.BUY, quantity(l), l.buyPrice));
                if (s.status() != OrderStatus.DENIED) track(l, s, State.OPEN_ORDER_PLACED);
            } else if (l.state == State.OPEN_ORDER_FILLED) {
                placeSell(ctx, l);
            }
        }
    }

    private void placeSell(StrategyContext ctx, GridLevel l) {
        OrderSnapshot s = ctx.submit(OrderRequest.limit(OrderSide.SELL, l.held, l.sellPrice)
                .closing(CloseReason.TAKE_PROFIT));
        if (s.status() != OrderStatus.DENIED) track(l, s, State.CLOSE_ORDER_PLACED);
        else l.state = State.OPEN_ORDER_FILLED;
    }

    private void track(GridLevel l, OrderSnapshot s, State state) {
        l.orderId = s.clientOrderId();
        l.state = state;
        byOrder.put(s.clientOrderId(), l);
    }

    private static void hold(GridLevel l, BigDecimal qty, BigDecimal cost) {
        l.held = qty;
        l.heldCost = cost;
        l.state = State.OPEN_ORDER_FILLED;
    }

    @Override
    public void onFill(StrategyContext ctx, OrderSnapshot order, Fill fill) {
        String id = order.clientOrderId();
        BigDecimal fee = fill.feeCurrency().equals(instrument.quoteAsset()) ? fill.fee() : BigDecimal.ZERO;
        if (exitReason != null) {
            // Closing: only the close counts. A grid order (or the start's market buy) that filled before its cancel
            // reached the exchange re-arms nothing; what it bought is sold with the rest.
            if (id.equals(exitOrder) && !order.isOpen()) finishExit(ctx);
            return;
        }
        if (id.equals(balancingOrder)) {
            balancingFees = balancingFees.add(fee);
            if (!order.isOpen()) settleBalancing(ctx, order);
            return;
        }
        GridLevel l = byOrder.get(id);
        if (l == null) return;
        BigDecimal value = fill.price().multiply(fill.quantity());
        if (fill.side() == OrderSide.BUY) {
            l.held = l.held.add(fill.quantity());
            l.heldCost = l.heldCost.add(value).add(fee);
            if (!order.isOpen()) {
                byOrder.remove(id);
                l.state = State.OPEN_ORDER_FILLED;
                placeSell(ctx, l);
            }
        } else {
            l.held = l.held.subtract(fill.quantity());
            l.proceeds = l.proceeds.add(value).subtract(fee);
            if (!order.isOpen()) {
                byOrder.remove(id);
                complete(ctx, l);
            }
        }
    }

    private void complete(StrategyContext ctx, GridLevel l) {
        l.state = State.COMPLETE;
        BigDecimal profit = l.proceeds.subtract(l.heldCost);
        gridProfit = gridProfit.add(profit);
        completed++;
        ctx.log(ActivityLevel.SUCCESS, "Grid " + l.buyPrice.toPlainString() + " → " + l.sellPrice.toPlainString()
                + " completed: " + profit.setScale(instrument.priceScale(), java.math.RoundingMode.HALF_EVEN)
                .toPlainString() + " " + instrument.quoteAsset());
        l.held = l.heldCost = l.proceeds = BigDecimal.ZERO;
        l.orderId = null;
        l.state = State.NOT_ACTIVE;
        if (!Double.isNaN(ctx.lastPrice())) activate(ctx, ctx.lastPrice());
    }

    private void settleBalancing(StrategyContext ctx, OrderSnapshot order) {
        BigDecimal left = order.filledQuantity();
        BigDecimal price = order.averagePrice();
        for (GridLevel l : waitingForBase) {
            BigDecimal q = quantity(l);
            if (price != null && left.compareTo(q) >= 0) {
                left = left.subtract(q);
                BigDecimal feeShare = balancingFees.multiply(q).divide(order.filledQuantity(), MC);
                hold(l, q, q.multiply(price).add(feeShare));
                placeSell(ctx, l);
            }
        }
        waitingForBase.clear();
        balancingOrder = null;
    }

    @Override
    public void onOrderUpdate(StrategyContext ctx, OrderSnapshot order, OrderEvent event) {
        if (order.isOpen()) return;
        String id = order.clientOrderId();
        if (exitReason != null) {
            if (id.equals(exitOrder)) exitOrder = null;   // the close did not fill: sent again on the next price
            return;
        }
        if (id.equals(balancingOrder)) settleBalancing(ctx, order);
        GridLevel l = byOrder.remove(id);
        if (l == null) return;
        // Canceled or rejected by the exchange: a buy goes idle (or sells what it got), a sell is placed again.
        l.orderId = null;
        l.state = l.held.signum() > 0 ? State.OPEN_ORDER_FILLED : State.NOT_ACTIVE;
    }

    private void trail(StrategyContext ctx, double p) {
        GridLevel top = levels.getLast();
        GridLevel bottom = levels.getFirst();
        if (trailingUp && p >= above(top.sellPrice).doubleValue() && bottom.held.signum() == 0
                && bottom.state != State.CLOSE_ORDER_PLACED) {
            drop(ctx, bottom);
            levels.add(new GridLevel(top.sellPrice, above(top.sellPrice)));
            ctx.log(ActivityLevel.INFO, "Grid trailed up to " + levels.getLast().sellPrice.toPlainString());
        } else if (trailingDown && p <= below(bottom.buyPrice).doubleValue() && top.state == State.CLOSE_ORDER_PLACED) {
            drop(ctx, top);
            GridLevel moved = new GridLevel(below(bottom.buyPrice), bottom.buyPrice);
            hold(moved, top.held, top.heldCost);
            levels.addFirst(moved);
            placeSell(ctx, moved);
            ctx.log(ActivityLevel.INFO, "Grid trailed down to " + moved.buyPrice.toPlainString());
        }
    }

    private void drop(StrategyContext ctx, GridLevel l) {
        if (l.orderId != null) {
            byOrder.remove(l.orderId);
            ctx.cancel(l.orderId);
        }
        levels.remove(l);
    }

    private BigDecimal above(BigDecimal line) {
        return instrument.roundPrice(geometric ? line.multiply(ratio, MC) : line.add(step));
    }

    private BigDecimal below(BigDecimal line) {
        return instrument.roundPrice(geometric ? line.divide(ratio, MC) : line.subtract(step));
    }

    private void exit(StrategyContext ctx, CloseReason reason) {
        exitReason = reason;
        ctx.log(ActivityLevel.WARNING, (reason == CloseReason.STOP_LOSS ? "Stop-loss" : "Take-profit")
                + " price reached: closing the grid");
        for (String id : byOrder.keySet()) ctx.cancel(id);
        byOrder.clear();
        if (balancingOrder != null) ctx.cancel(balancingOrder);
        sellEverything(ctx);
    }

    private void sellEverything(StrategyContext ctx) {
        BigDecimal qty = ctx.positionQuantity();
        if (qty.signum() <= 0) {
            closedIfSettled(ctx);
            return;
        }
        OrderSnapshot s = ctx.submit(OrderRequest.market(OrderSide.SELL, qty).closing(exitReason));
        if (s.status() == OrderStatus.DENIED) ctx.done("grid closed, " + qty.toPlainString() + " left unsold: " + s.reason());
        else exitOrder = s.clientOrderId();
    }

    private void finishExit(StrategyContext ctx) {
        exitOrder = null;
        if (ctx.positionQuantity().signum() <= 0) closedIfSettled(ctx);
    }

    /**
     * Flat: the grid is closed once none of its orders is still working. A buy whose cancel the exchange has not
     * confirmed yet may still fill; then the next price sells what it bought.
     */
    private void closedIfSettled(StrategyContext ctx) {
        if (ctx.openOrders().isEmpty()) ctx.done("grid closed: " + exitReason.name().toLowerCase().replace('_', ' '));
    }
}
