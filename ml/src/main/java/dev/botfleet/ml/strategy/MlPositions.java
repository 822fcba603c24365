package dev.botfleet.ml.strategy;

import dev.botfleet.engine.market.Instrument;
import dev.botfleet.engine.order.CloseReason;
import dev.botfleet.engine.order.Fill;
import dev.botfleet.engine.order.OrderRequest;
import dev.botfleet.engine.order.OrderSide;
import dev.botfleet.engine.order.OrderSnapshot;
import dev.botfleet.engine.order.OrderStatus;
import dev.botfleet.engine.strategy.ActivityLevel;
import dev.botfleet.engine.strategy.StrategyContext;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ml-signal bot's entries and positions (seed 001's pending → active → closed): an entry is a limit buy that
 * rests as a maker and is cancelled after the maker timeout (pending); its fills make a lot (active) with a resting
 * take-profit limit sell; the lot closes at the take profit, or at market on the stop loss or the holding time. Each
 * lot is one deal (the strategy's deal policy is PER_LOT). Times are the data's (trade times), never a wall clock.
 */
final class MlPositions {

    /** An entry order waiting to fill. */
    private static final class Pending {
        final long placedAt;
        boolean cancelRequested;

        Pending(long placedAt) {
            this.placedAt = placedAt;
        }
    }

    /** What one entry bought and how it is being sold. */
    private static final class Lot {
        final String entryOrderId;
        BigDecimal quantity = BigDecimal.ZERO;
        BigDecimal cost = BigDecimal.ZERO;
        BigDecimal sold = BigDecimal.ZERO;
        long openedAt;
        /** False while the entry order is still working: the take profit waits for the whole entry. */
        boolean entryDone;
        String takeProfitOrder;
        String exitOrder;
        /** Set when the stop loss or holding time fired: the market sell follows once the take profit is cancelled. */
        CloseReason exitReason;

        Lot(String entryOrderId, long openedAt) {
            this.entryOrderId = entryOrderId;
            this.openedAt = openedAt;
        }

        BigDecimal entryPrice() {
            return quantity.signum() == 0 ? BigDecimal.ZERO : cost.divide(quantity, MathContext.DECIMAL64);
        }

        BigDecimal remaining() {
            return quantity.subtract(sold);
        }
    }

    private final Instrument instrument;
    private final Map<String, Pending> pending = new LinkedHashMap<>();
    private final List<Lot> lots = new ArrayList<>();

    MlPositions(Instrument instrument) {
        this.instrument = instrument;
    }

    /** Pending entries plus open lots: what max_positions counts. */
    int open() {
        int n = pending.size();
        for (Lot lot : lots) {
            if (!pending.containsKey(lot.entryOrderId)) n++;
        }
        return n;
    }

    /**
     * A restart: the kernel restored the position and the open orders, not this bookkeeping. A held position becomes
     * one lot from now on (its take profit an open sell, if any); open buys are entries whose timeout starts now.
     */
    void resume(StrategyContext ctx, long now, MlSignalSettings settings) {
        BigDecimal held = ctx.positionQuantity();
        Lot adopted = null;
        if (held.signum() > 0) {
            adopted = new Lot("restored", now);
            adopted.quantity = held;
            adopted.cost = held.multiply(ctx.position().averageEntryPrice());
            adopted.entryDone = true;
            lots.add(adopted);
        }
        for (OrderSnapshot o : ctx.openOrders()) {
            if (o.side() == OrderSide.BUY) pending.put(o.clientOrderId(), new Pending(now));
            else if (adopted != null && adopted.takeProfitOrder == null) adopted.takeProfitOrder = o.clientOrderId();
        }
        if (adopted != null && adopted.takeProfitOrder == null) placeTakeProfit(ctx, adopted, settings);
    }

    /**
     * Places an entry: a limit buy at the highest tick strictly below the last trade (it rests; the engine has no
     * post-only flag, and a buy at or above the last trade would take liquidity) for {@code capital} worth.
     *
     * @return the order's client id, or null (with the reason in {@code why[0]}) when nothing was placed
     */
    String enter(StrategyContext ctx, double lastPrice, BigDecimal capital, long now, String[] why) {
        BigDecimal tick = instrument.tickSize();
        BigDecimal price = BigDecimal.valueOf(lastPrice).divide(tick, 0, RoundingMode.CEILING)
                .subtract(BigDecimal.ONE).multiply(tick).setScale(instrument.priceScale(), RoundingMode.UNNECESSARY);
        if (price.signum() <= 0) {
            why[0] = "no price below the last trade";
            return null;
        }
        BigDecimal quantity = instrument.roundQuantity(capital.divide(price, MathContext.DECIMAL64));
        if (quantity.signum() <= 0 || quantity.compareTo(instrument.minQuantity()) < 0
                || quantity.multiply(price).compareTo(instrument.minNotional()) < 0) {
            why[0] = "capital_per_trade " + capital.toPlainString() + " " + instrument.quoteAsset()
                    + " is below the minimum order";
            return null;
        }
        OrderSnapshot s = ctx.submit(OrderRequest.limit(OrderSide.BUY, quantity, price));
        if (s.status() == OrderStatus.DENIED) {
            why[0] = "entry denied: " + s.reason();
            return null;
        }
        pending.put(s.clientOrderId(), new Pending(now));
        return s.clientOrderId();
    }

    /** Every trade: entry timeouts, stop losses and holding times. */
    void onPrice(StrategyContext ctx, double price, long now, MlSignalSettings settings) {
        for (Map.Entry<String, Pending> e : pending.entrySet()) {
            Pending p = e.getValue();
            if (!p.cancelRequested && now - p.placedAt >= settings.makerTimeoutMillis()) {
                p.cancelRequested = true;
                ctx.cancel(e.getKey());
            }
        }
        for (Lot lot : List.copyOf(lots)) {
            if (!lot.entryDone || lot.exitReason != null || lot.remaining().signum() <= 0) continue;
            double stop = lot.entryPrice().doubleValue() * (1 - settings.stopLoss().doubleValue());
            if (price <= stop) {
                exit(ctx, lot, CloseReason.STOP_LOSS);
            } else if (now - lot.openedAt >= settings.holdingMillis()) {
                exit(ctx, lot, CloseReason.TIME_LIMIT);
            }
        }
    }

    void onFill(StrategyContext ctx, OrderSnapshot order, Fill fill, MlSignalSettings settings) {
        String id = order.clientOrderId();
        if (fill.side() == OrderSide.BUY) {
            Lot lot = lotOfEntry(id);
            if (lot == null) {
                lot = new Lot(id, fill.executedAt().toEpochMilli());
                lots.add(lot);
            }
            lot.quantity = lot.quantity.add(fill.quantity());
            lot.cost = lot.cost.add(fill.quantity().multiply(fill.price()));
            if (!order.isOpen()) entryFinished(ctx, id, settings);
            return;
        }
        for (Lot lot : lots) {
            if (id.equals(lot.takeProfitOrder) || id.equals(lot.exitOrder)) {
                lot.sold = lot.sold.add(fill.quantity());
                // done when sold out, or when the exit is done and nothing the bot holds is left to sell (base fee)
                if (lot.remaining().signum() <= 0 || !order.isOpen() && sellable(ctx, lot).signum() <= 0) {
                    lots.remove(lot);
                    // the other exit may still rest (a take profit that filled while its cancel was on the way)
                    String other = id.equals(lot.takeProfitOrder) ? lot.exitOrder : lot.takeProfitOrder;
                    if (other != null) ctx.cancel(other);
                }
                return;
            }
        }
    }

    /** Cancels, rejections and expiries: an entry ends, a cancelled take profit makes way for the market exit. */
    void onOrderClosed(StrategyContext ctx, OrderSnapshot order, MlSignalSettings settings) {
        String id = order.clientOrderId();
        if (order.side() == OrderSide.BUY) {
            if (pending.containsKey(id)) entryFinished(ctx, id, settings);
            return;
        }
        for (Lot lot : lots) {
            if (id.equals(lot.takeProfitOrder)) {
                lot.takeProfitOrder = null;
                if (lot.exitReason != null) sellAtMarket(ctx, lot);
                return;
            }
            if (id.equals(lot.exitOrder)) {
                lot.exitOrder = null;  // refused: the next trade tries again
                lot.exitReason = null;
                return;
            }
        }
    }

    /** The entry order is done (filled, or cancelled with or without a partial fill): its lot becomes active. */
    private void entryFinished(StrategyContext ctx, String entryId, MlSignalSettings settings) {
        pending.remove(entryId);
        Lot lot = lotOfEntry(entryId);
        if (lot == null || lot.entryDone) return;
        lot.entryDone = true;
        placeTakeProfit(ctx, lot, settings);
    }

    private void placeTakeProfit(StrategyContext ctx, Lot lot, MlSignalSettings settings) {
        BigDecimal target = lot.entryPrice().multiply(BigDecimal.ONE.add(settings.profitTarget()));
        BigDecimal tick = instrument.tickSize();
        BigDecimal price = target.divide(tick, 0, RoundingMode.CEILING).multiply(tick)
                .setScale(instrument.priceScale(), RoundingMode.UNNECESSARY);
        BigDecimal quantity = sellable(ctx, lot);
        if (quantity.signum() <= 0) return;
        OrderSnapshot tp = ctx.submit(OrderRequest.limit(OrderSide.SELL, quantity, price)
                .closing(CloseReason.TAKE_PROFIT));
        if (tp.status() != OrderStatus.DENIED) lot.takeProfitOrder = tp.clientOrderId();
    }

    private void exit(StrategyContext ctx, Lot lot, CloseReason reason) {
        lot.exitReason = reason;
        ctx.log(ActivityLevel.INFO, "Closing the position of " + lot.entryOrderId + ": "
                + (reason == CloseReason.STOP_LOSS ? "stop loss" : "holding time reached"));
        if (lot.takeProfitOrder != null) {
            if (!ctx.cancel(lot.takeProfitOrder)) {
                lot.takeProfitOrder = null;
                sellAtMarket(ctx, lot);
            }
        } else {
            sellAtMarket(ctx, lot);
        }
    }

    private void sellAtMarket(StrategyContext ctx, Lot lot) {
        BigDecimal quantity = sellable(ctx, lot);
        if (quantity.signum() <= 0 || lot.exitOrder != null) return;
        OrderSnapshot s = ctx.submit(OrderRequest.market(OrderSide.SELL, quantity).closing(lot.exitReason));
        if (s.status() == OrderStatus.DENIED) {
            lot.exitReason = null;  // the next trade tries again
        } else {
            lot.exitOrder = s.clientOrderId();
        }
    }

    /**
     * What is left of the lot, but never more than the bot holds, on the lot grid: a venue that takes a buy's fee in the
     * base asset leaves less than was bought.
     */
    private BigDecimal sellable(StrategyContext ctx, Lot lot) {
        BigDecimal held = ctx.positionQuantity();
        return instrument.roundQuantity(lot.remaining().min(held.signum() > 0 ? held : BigDecimal.ZERO));
    }

    private Lot lotOfEntry(String entryId) {
        for (Lot lot : lots) {
            if (lot.entryOrderId.equals(entryId)) return lot;
        }
        return null;
    }
}
