package dev.botfleet.strategies.scalper;

import dev.botfleet.engine.market.Instrument;
import dev.botfleet.engine.market.Tick;
import dev.botfleet.engine.order.CloseReason;
import dev.botfleet.engine.order.Fill;
import dev.botfleet.engine.order.OrderEvent;
import dev.botfleet.engine.order.OrderRequest;
import dev.botfleet.engine.order.OrderSide;
import dev.botfleet.engine.order.OrderSnapshot;
import dev.botfleet.engine.order.OrderStatus;
import dev.botfleet.engine.order.OrderType;
import dev.botfleet.engine.strategy.ActivityLevel;
import dev.botfleet.engine.strategy.Strategy;
import dev.botfleet.engine.strategy.StrategyContext;
import dev.botfleet.engine.strategy.definition.StrategyConfig;

import java.math.BigDecimal;
import java.util.List;

/**
 * The scalper (seed 000): a limit order at the entry price ({@code buyPrice} when the first order is BUY,
 * {@code sellPrice} when SELL); once it fills, the opposite limit order at the other price. With
 * {@code infiniteLoop} the cycle repeats, otherwise the bot is done after one round trip.
 *
 * <p>With {@code trailingPercent} &gt; 0 the exit does not rest: once the market reaches the exit price the strategy
 * tracks the best price since, and exits with a MARKET order when the price retraces by that percent from it.
 *
 * <p>Restart-safe: on start it reads its phase from the position and its open orders, so it never places an order it
 * already has.
 */
public final class Scalper implements Strategy {
    enum Phase { ENTRY, EXIT, DONE }

    private final Instrument instrument;
    private final OrderSide entrySide;
    private final BigDecimal quantity;
    private final BigDecimal entryPrice;
    private final BigDecimal exitPrice;
    private final double exitLevel;
    /** Fraction, e.g. 0.005 for 0.5%; 0 for a plain limit exit. */
    private final double trailing;
    private final boolean loop;

    private Phase phase = Phase.ENTRY;
    private String workingOrder;
    private boolean trailingActive;
    private double best;

    public Scalper(StrategyConfig config, Instrument instrument) {
        this.instrument = instrument;
        this.entrySide = OrderSide.valueOf(config.text("firstOrder"));
        this.quantity = instrument.roundQuantity(config.decimal("quantity"));
        BigDecimal buy = instrument.roundPrice(config.decimal("buyPrice"));
        BigDecimal sell = instrument.roundPrice(config.decimal("sellPrice"));
        this.entryPrice = entrySide == OrderSide.BUY ? buy : sell;
        this.exitPrice = entrySide == OrderSide.BUY ? sell : buy;
        this.exitLevel = exitPrice.doubleValue();
        BigDecimal pct = config.decimal("trailingPercent");
        this.trailing = pct == null ? 0 : pct.doubleValue() / 100.0;
        this.loop = config.bool("infiniteLoop");
    }

    Phase phase() { return phase; }

    @Override
    public void onStart(StrategyContext ctx) {
        BigDecimal held = ctx.positionQuantity();
        // What can be exited: the holding on the lot grid. A fee the venue took in the base asset leaves it off the
        // grid (bought 0.001 BTC, holding 0.000999), and an order for that quantity would be denied.
        BigDecimal exitable = instrument.roundQuantity(held.abs());
        // Holding the entry side's inventory means the entry filled and the exit is still to come (dust below one lot
        // is no inventory).
        boolean holding = held.signum() == entrySide.sign() && exitable.signum() > 0;
        phase = holding ? Phase.EXIT : Phase.ENTRY;
        OrderSide wanted = holding ? entrySide.opposite() : entrySide;
        List<OrderSnapshot> open = ctx.openOrders();
        for (OrderSnapshot o : open) {
            if (o.side() == wanted && workingOrder == null) workingOrder = o.clientOrderId();
            else ctx.cancel(o.clientOrderId());  // not ours to keep: a leftover from an earlier configuration
        }
        if (workingOrder != null) {
            ctx.log(ActivityLevel.INFO, "Scalper resumed, waiting for its " + wanted.name().toLowerCase() + " order");
            return;
        }
        if (phase == Phase.ENTRY) placeEntry(ctx);
        else beginExit(ctx, exitable);
    }

    @Override
    public void onTick(StrategyContext ctx, Tick tick) {
        if (phase != Phase.EXIT || trailing <= 0 || workingOrder != null) return;
        double p = tick.price();
        boolean longExit = entrySide == OrderSide.BUY;
        if (!trailingActive) {
            if (longExit ? p >= exitLevel : p <= exitLevel) {
                trailingActive = true;
                best = p;
                ctx.log(ActivityLevel.INFO, "Exit price reached, trailing by " + trailing * 100 + "%");
            }
            return;
        }
        best = longExit ? Math.max(best, p) : Math.min(best, p);
        boolean retraced = longExit ? p <= best * (1 - trailing) : p >= best * (1 + trailing);
        if (retraced) {
            BigDecimal qty = ctx.positionQuantity().abs();
            OrderSnapshot exit = ctx.submit(OrderRequest.market(entrySide.opposite(), qty)
                    .closing(CloseReason.TRAILING_STOP));
            if (exit.status() != OrderStatus.DENIED) workingOrder = exit.clientOrderId();
        }
    }

    @Override
    public void onFill(StrategyContext ctx, OrderSnapshot order, Fill fill) {
        if (!order.clientOrderId().equals(workingOrder) || order.status() != OrderStatus.FILLED) return;
        workingOrder = null;
        if (phase == Phase.ENTRY) {
            beginExit(ctx, order.filledQuantity());
            return;
        }
        // the exit filled: one round trip complete
        if (loop) {
            phase = Phase.ENTRY;
            placeEntry(ctx);
        } else {
            phase = Phase.DONE;
            ctx.done("one round trip completed");
        }
    }

    @Override
    public void onOrderUpdate(StrategyContext ctx, OrderSnapshot order, OrderEvent event) {
        if (!order.clientOrderId().equals(workingOrder) || !order.status().isTerminal()) return;
        if (order.status() == OrderStatus.FILLED) return;
        workingOrder = null;
        if (phase == Phase.EXIT && order.type() == OrderType.MARKET && order.filledQuantity().signum() > 0) {
            // A market exit the exchange filled only in part (IOC, thin volume): exit the rest the same way.
            BigDecimal rest = ctx.positionQuantity().abs();
            if (rest.signum() > 0 && ctx.positionQuantity().signum() == entrySide.sign()) {
                afterSubmit(ctx, ctx.submit(OrderRequest.market(entrySide.opposite(), rest)
                        .closing(CloseReason.TRAILING_STOP)));
                return;
            }
        }
        // Canceled (by hand), rejected or expired: the plan cannot continue as configured.
        phase = Phase.DONE;
        ctx.done("the " + order.side().name().toLowerCase() + " order was " + order.status().name().toLowerCase()
                + (order.reason() == null ? "" : ": " + order.reason()));
    }

    private void placeEntry(StrategyContext ctx) {
        OrderSnapshot entry = ctx.submit(OrderRequest.limit(entrySide, quantity, entryPrice));
        afterSubmit(ctx, entry);
    }

    private void beginExit(StrategyContext ctx, BigDecimal qty) {
        phase = Phase.EXIT;
        trailingActive = false;
        if (trailing > 0) return;  // the exit is placed by onTick once the price gets there
        OrderSnapshot exit = ctx.submit(OrderRequest.limit(entrySide.opposite(), qty, exitPrice)
                .closing(CloseReason.TAKE_PROFIT));
        afterSubmit(ctx, exit);
    }

    private void afterSubmit(StrategyContext ctx, OrderSnapshot order) {
        if (order.status() == OrderStatus.DENIED) {
            phase = Phase.DONE;
            ctx.done("order denied: " + order.reason());
        } else {
            workingOrder = order.clientOrderId();
        }
    }
}
