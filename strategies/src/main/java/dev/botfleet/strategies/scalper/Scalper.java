package dev.botfleet.strategies.scalper;

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
import dev.botfleet.engine.order.OrderType;
import dev.botfleet.engine.strategy.ActivityLevel;
import dev.botfleet.engine.strategy.Reconfigurable;
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
 *
 * <p>Hot reload ({@link Reconfigurable}): quantity, prices, trailing percent and loop take new values at the next turn.
 * A resting order whose price or quantity came from an old value is canceled and, once the cancel is confirmed,
 * placed again at the new price (an entry that filled meanwhile goes on to its exit; one that filled in part exits
 * what it bought). The same happens on a restart that finds such an order. The first order's side is not live.
 */
public final class Scalper implements Strategy, Reconfigurable {
    enum Phase { ENTRY, EXIT, DONE }

    private final Instrument instrument;
    private final OrderSide entrySide;
    private BigDecimal quantity;
    private BigDecimal entryPrice;
    private BigDecimal exitPrice;
    private double exitLevel;
    /** Fraction, e.g. 0.005 for 0.5%; 0 for a plain limit exit. */
    private double trailing;
    private boolean loop;

    private Phase phase = Phase.ENTRY;
    private String workingOrder;
    private boolean trailingActive;
    private double best;
    /** The working order canceled to be placed again at a new price; null when none is being re-priced. */
    private String repricing;

    public Scalper(StrategyConfig config, Instrument instrument) {
        this.instrument = instrument;
        this.entrySide = OrderSide.valueOf(config.text("firstOrder"));
        live(config);
    }

    /** Reads the parameters a running bot may change (all but firstOrder). */
    private void live(StrategyConfig config) {
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
            repriceIfStale(ctx);  // the config may have changed since the order was placed
            return;
        }
        if (phase == Phase.ENTRY) placeEntry(ctx);
        else beginExit(ctx, exitable);
    }

    @Override
    public void reconfigure(StrategyContext ctx, StrategyConfig config) {
        boolean wasTrailing = trailing > 0;
        live(config);
        if (phase == Phase.DONE || repricing != null) return;  // a re-placed order takes the new values anyway
        if (workingOrder != null) {
            repriceIfStale(ctx);
        } else if (phase == Phase.EXIT && wasTrailing && trailing <= 0) {
            // the exit was watched by the trailing logic; now it rests as a plain limit order
            beginExit(ctx, instrument.roundQuantity(ctx.positionQuantity().abs()));
        }
    }

    /** Cancels the working limit order if the config now asks for another price, quantity or a trailing exit. */
    private void repriceIfStale(StrategyContext ctx) {
        OrderSnapshot working = ctx.openOrders().stream().filter(o -> o.clientOrderId().equals(workingOrder))
                .findFirst().orElse(null);
        if (working == null || working.type() != OrderType.LIMIT || working.status() == OrderStatus.PENDING_CANCEL) {
            return;
        }
        boolean stale = phase == Phase.ENTRY
                ? working.price().compareTo(entryPrice) != 0 || working.quantity().compareTo(quantity) != 0
                : trailing > 0 || working.price().compareTo(exitPrice) != 0;
        if (!stale) return;
        repricing = working.clientOrderId();
        ctx.log(ActivityLevel.INFO, "Re-placing the " + working.side().name().toLowerCase() + " order at "
                + (phase == Phase.ENTRY ? entryPrice : exitPrice).toPlainString() + " (was "
                + working.price().toPlainString() + ")");
        ctx.cancel(repricing);
    }

    /** The re-priced order is canceled: place it again with the current config, for what the position now needs. */
    private void replaceAfterCancel(StrategyContext ctx) {
        BigDecimal exitable = instrument.roundQuantity(ctx.positionQuantity().abs());
        boolean holding = ctx.positionQuantity().signum() == entrySide.sign() && exitable.signum() > 0;
        if (holding) beginExit(ctx, exitable);
        else {
            phase = Phase.ENTRY;
            placeEntry(ctx);
        }
    }

    /**
     * A tick matters only while exiting with a trailing exit and no order working: before the exit level is reached,
     * a price at or beyond it; once trailing, a new best or a retrace to the trailing stop.
     */
    @Override
    public void quietBand(StrategyContext ctx, QuietBand band) {
        if (phase != Phase.EXIT || trailing <= 0 || workingOrder != null) return;  // onTick returns at once
        boolean longExit = entrySide == OrderSide.BUY;
        if (!trailingActive) {
            if (longExit) band.below(exitLevel);
            else band.above(exitLevel);
        } else if (longExit) {
            band.below(best);
            band.above(best * (1 - trailing));
        } else {
            band.above(best);
            band.below(best * (1 + trailing));
        }
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
        repricing = null;  // it filled before the cancel: carry on as if it had not been re-priced
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
        if (order.clientOrderId().equals(repricing) && event instanceof OrderEvent.OrderCancelRejected) {
            repricing = null;  // the exchange kept it: it stays the working order at its old price
            ctx.log(ActivityLevel.WARNING, "Could not re-price the order; it keeps its price");
            return;
        }
        if (!order.clientOrderId().equals(workingOrder) || !order.status().isTerminal()) return;
        if (order.status() == OrderStatus.FILLED) return;
        workingOrder = null;
        if (order.clientOrderId().equals(repricing)) {
            repricing = null;
            replaceAfterCancel(ctx);
            return;
        }
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
