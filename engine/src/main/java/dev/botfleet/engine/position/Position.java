package dev.botfleet.engine.position;

import dev.botfleet.engine.market.Instrument;
import dev.botfleet.engine.market.MarginSettings;
import dev.botfleet.engine.order.FeeMap;
import dev.botfleet.engine.order.OrderEvent.OrderFilled;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Map;

/**
 * A bot's net position in one symbol, built only from fills. Average entry is weighted by <em>base</em> quantity
 * (trading-formulas.md §2.4: 100 USDT at 100 plus 100 USDT at 50 averages 66.67, not 75).
 *
 * <p>Internally the position keeps its cost basis (what the open quantity cost, in quote) rather than the average, so
 * a round trip back to flat realizes exactly sum(sell value) − sum(buy value) − quote fees, with no rounding. A
 * partial close removes cost proportionally, rounded to 12 decimals. A fill larger than the position closes it and
 * opens the other way at the fill price (a flip).
 *
 * <p>On a perpetual, selling from flat opens a short, funding payments are booked into realized PnL (and summed in
 * {@link #funding()}), and the snapshot carries the liquidation price: the venue's figure when it reported one, else
 * the isolated-margin estimate of {@link Liquidation} at the bot's leverage.
 *
 * <p>Fees: in the quote asset they reduce realized PnL; in the base asset they reduce the quantity held (the exchange
 * kept that much of the asset) at no proceeds; in any other currency they are recorded only.
 */
public final class Position {
    private static final int COST_SCALE = 12;

    private final String botId;
    private final Instrument instrument;
    private BigDecimal quantity = BigDecimal.ZERO;
    private BigDecimal cost = BigDecimal.ZERO;
    private BigDecimal realizedPnl = BigDecimal.ZERO;
    /** Replaced (never mutated) on each fee, so snapshots can share it. */
    private Map<String, BigDecimal> fees = Map.of();
    private BigDecimal funding = BigDecimal.ZERO;
    private BigDecimal venueLiquidationPrice;
    private BigDecimal lastPrice;
    private Instant updatedAt;
    private final MarginSettings margin;

    public Position(String botId, Instrument instrument) {
        this(botId, instrument, instrument.isPerpetual() ? MarginSettings.DEFAULT : null);
    }

    /** @param margin the bot's leverage on a perpetual; null on spot */
    public Position(String botId, Instrument instrument, MarginSettings margin) {
        this.botId = botId;
        this.instrument = instrument;
        this.margin = margin;
    }

    /**
     * Books one funding settlement: what the position received (negative: paid) goes into realized PnL.
     *
     * @return the amount booked
     */
    public BigDecimal applyFunding(FundingPayment payment) {
        realizedPnl = realizedPnl.add(payment.amount());
        funding = funding.add(payment.amount());
        updatedAt = payment.time();
        return payment.amount();
    }

    /**
     * Starts this new position where the bot last stood flat (a restart that replays only the fills after it).
     *
     * @throws IllegalStateException if the position has booked anything already
     */
    public void startAt(FlatPoint point) {
        if (quantity.signum() != 0 || realizedPnl.signum() != 0 || !fees.isEmpty() || funding.signum() != 0) {
            throw new IllegalStateException("position of bot " + botId + " has booked fills already");
        }
        realizedPnl = point.realizedPnl();
        fees = FeeMap.frozen(point.fees(), Map.of());
        updatedAt = point.at();
    }

    /** The venue's own liquidation price for this position (null: it reports none, use the estimate). */
    public void venueLiquidationPrice(BigDecimal price) {
        this.venueLiquidationPrice = price;
    }

    /** Funding received minus funding paid, in the settle asset; zero on spot. */
    public BigDecimal funding() { return funding; }

    /** Where the position is liquidated: the venue's figure, else the isolated estimate; null on spot or flat. */
    public BigDecimal liquidationPrice() {
        if (!instrument.isPerpetual() || quantity.signum() == 0) return null;
        if (venueLiquidationPrice != null) return venueLiquidationPrice;
        return Liquidation.price(quantity, averageEntryPrice(), margin.leverage(),
                instrument.derivative().maintenanceMarginRate(), instrument.tickSize());
    }

    /**
     * Applies one fill.
     *
     * @return the PnL this fill realized, net of any quote-asset fee (negative for a pure fee on an entry)
     */
    public BigDecimal apply(OrderFilled fill) {
        BigDecimal before = realizedPnl;
        trade(fill.side().sign(), fill.quantity(), fill.price());
        fees = FeeMap.plus(fees, fill.feeCurrency(), fill.fee());
        if (fill.feeCurrency().equals(instrument.quoteAsset())) {
            realizedPnl = realizedPnl.subtract(fill.fee());
        } else if (fill.feeCurrency().equals(instrument.baseAsset()) && fill.fee().signum() > 0) {
            // The fee was paid out of the asset itself, at a price of zero: on spot the base held always drops by it
            // (a spot position a little short after fees grows shorter, as the venue's balance does); on a perpetual
            // a short's size shrinks toward zero as before.
            int sign = instrument.isPerpetual() && quantity.signum() < 0 ? 1 : -1;
            trade(sign, fill.fee(), BigDecimal.ZERO);
        }
        updatedAt = fill.timestamp();
        return realizedPnl.subtract(before);
    }

    private void trade(int sign, BigDecimal qty, BigDecimal price) {
        if (quantity.signum() == 0 || quantity.signum() == sign) {
            quantity = sign > 0 ? quantity.add(qty) : quantity.subtract(qty);
            cost = cost.add(qty.multiply(price));
            return;
        }
        BigDecimal open = quantity.abs();
        BigDecimal closing = qty.min(open);
        BigDecimal costRemoved = closing.compareTo(open) == 0 ? cost
                : cost.multiply(closing).divide(open, COST_SCALE, RoundingMode.HALF_EVEN);
        BigDecimal proceeds = closing.multiply(price);
        BigDecimal pnl = quantity.signum() > 0 ? proceeds.subtract(costRemoved) : costRemoved.subtract(proceeds);
        realizedPnl = realizedPnl.add(pnl);
        cost = cost.subtract(costRemoved);
        quantity = sign > 0 ? quantity.add(closing) : quantity.subtract(closing);
        BigDecimal rest = qty.subtract(closing);
        if (rest.signum() > 0) {
            quantity = sign > 0 ? rest : rest.negate();
            cost = rest.multiply(price);
        }
        if (quantity.signum() == 0) cost = BigDecimal.ZERO;
    }

    /** Marks the position to a market price, for unrealized PnL. */
    public void mark(BigDecimal price) {
        this.lastPrice = price;
    }

    public BigDecimal quantity() { return quantity; }

    public boolean isFlat() { return quantity.signum() == 0; }

    /** Base-weighted average entry of the open quantity; null when flat. */
    public BigDecimal averageEntryPrice() {
        if (quantity.signum() == 0) return null;
        return dev.botfleet.engine.order.Order.average(cost, quantity.abs());
    }

    public BigDecimal realizedPnl() { return realizedPnl; }

    public BigDecimal unrealizedPnl(BigDecimal markPrice) {
        if (quantity.signum() == 0 || markPrice == null) return BigDecimal.ZERO;
        BigDecimal value = quantity.abs().multiply(markPrice);
        return quantity.signum() > 0 ? value.subtract(cost) : cost.subtract(value);
    }

    public BigDecimal unrealizedPnl() { return unrealizedPnl(lastPrice); }

    /** The fees paid so far, per currency (unmodifiable; later fees do not show in it). */
    public Map<String, BigDecimal> fees() { return fees; }

    public Instrument instrument() { return instrument; }

    public PositionSnapshot snapshot() {
        return new PositionSnapshot(botId, instrument.exchange(), instrument.symbol(), quantity, averageEntryPrice(),
                realizedPnl, unrealizedPnl(), lastPrice, fees, updatedAt, funding, liquidationPrice(),
                margin == null ? null : margin.leverage());
    }
}
