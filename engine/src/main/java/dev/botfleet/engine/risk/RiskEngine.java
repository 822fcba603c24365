package dev.botfleet.engine.risk;

import dev.botfleet.engine.market.Instrument;
import dev.botfleet.engine.order.OrderRequest;
import dev.botfleet.engine.order.OrderSide;
import dev.botfleet.engine.order.OrderType;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Pre-trade checks run on every submit (trading-formulas.md §1.5). The first failed check wins. Cancels never come
 * here: stopping risk must always be possible.
 */
public final class RiskEngine {
    private final RiskLimits limits;
    private final BooleanSupplier killSwitch;

    /** @param killSwitch read on every check; true denies every new order (the fleet-wide emergency stop) */
    public RiskEngine(RiskLimits limits, BooleanSupplier killSwitch) {
        this.limits = limits;
        this.killSwitch = killSwitch;
    }

    public RiskEngine(RiskLimits limits) {
        this(limits, () -> false);
    }

    public RiskLimits limits() { return limits; }

    public Optional<Denial> check(OrderRequest request, Instrument instrument, RiskState state) {
        Denial denial = firstFailure(request, instrument, state);
        return Optional.ofNullable(denial);
    }

    private Denial firstFailure(OrderRequest r, Instrument in, RiskState s) {
        String base = in.baseAsset();
        String quote = in.quoteAsset();
        if (killSwitch.getAsBoolean()) {
            return deny(DenialReason.KILL_SWITCH, "The kill switch is on: no new orders are sent until it is released.");
        }
        if (r.quantity().signum() <= 0) {
            return deny(DenialReason.NON_POSITIVE_QUANTITY, "Quantity must be above 0, was " + plain(r.quantity()) + ".");
        }
        if (r.type() == OrderType.LIMIT && r.price().signum() <= 0) {
            return deny(DenialReason.NON_POSITIVE_PRICE, "Price must be above 0, was " + plain(r.price()) + ".");
        }
        if (r.type() == OrderType.LIMIT && !in.isOnTick(r.price())) {
            return deny(DenialReason.PRICE_PRECISION, "Price " + plain(r.price()) + " is not a multiple of the tick size "
                    + plain(in.tickSize()) + " of " + in.symbol() + ".");
        }
        if (r.type() == OrderType.STOP_MARKET && r.triggerPrice().signum() <= 0) {
            return deny(DenialReason.NON_POSITIVE_TRIGGER_PRICE, "Trigger price must be above 0, was "
                    + plain(r.triggerPrice()) + ".");
        }
        if (r.type() == OrderType.STOP_MARKET && !in.isOnTick(r.triggerPrice())) {
            return deny(DenialReason.TRIGGER_PRICE_PRECISION, "Trigger price " + plain(r.triggerPrice())
                    + " is not a multiple of the tick size " + plain(in.tickSize()) + " of " + in.symbol() + ".");
        }
        if (!in.isOnLot(r.quantity())) {
            return deny(DenialReason.QUANTITY_PRECISION, "Quantity " + plain(r.quantity())
                    + " is not a multiple of the lot size " + plain(in.lotSize()) + " " + base + ".");
        }
        if (r.quantity().compareTo(in.minQuantity()) < 0) {
            return deny(DenialReason.QUANTITY_BELOW_MIN, "Quantity " + plain(r.quantity()) + " " + base
                    + " is below the minimum " + plain(in.minQuantity()) + " " + base + ".");
        }
        // A stop is valued (and a stop buy's quote checked) at its trigger: the price it is meant to fill at.
        BigDecimal price = switch (r.type()) {
            case LIMIT -> r.price();
            case STOP_MARKET -> r.triggerPrice();
            case MARKET -> s.referencePrice();
        };
        if (price == null) {
            return deny(DenialReason.NO_MARKET_PRICE, "No market price for " + in.symbol()
                    + " yet, so a market order cannot be checked.");
        }
        BigDecimal notional = price.multiply(r.quantity());
        if (notional.compareTo(in.minNotional()) < 0) {
            return deny(DenialReason.NOTIONAL_BELOW_MIN, "Order value " + money(notional, in) + " " + quote
                    + " is below the minimum " + plain(in.minNotional()) + " " + quote + ".");
        }
        if (limits.maxOrderNotional() != null && notional.compareTo(limits.maxOrderNotional()) > 0) {
            return deny(DenialReason.MAX_ORDER_NOTIONAL_EXCEEDED, "Order value " + money(notional, in) + " " + quote
                    + " is above this bot's limit of " + plain(limits.maxOrderNotional()) + " " + quote + ".");
        }
        if (s.openOrders() >= limits.maxOpenOrders()) {
            return deny(DenialReason.MAX_OPEN_ORDERS_EXCEEDED, "This bot already has " + s.openOrders()
                    + " open orders, its limit is " + limits.maxOpenOrders() + ".");
        }
        if (limits.maxPositionQuantity() != null) {
            BigDecimal pending = r.side() == OrderSide.BUY ? s.openBuyQuantity() : s.openSellQuantity().negate();
            BigDecimal after = s.position().add(pending)
                    .add(r.side() == OrderSide.BUY ? r.quantity() : r.quantity().negate());
            if (after.abs().compareTo(limits.maxPositionQuantity()) > 0) {
                return deny(DenialReason.MAX_POSITION_EXCEEDED, "The position would reach " + plain(after.abs()) + " "
                        + base + ", above this bot's limit of " + plain(limits.maxPositionQuantity()) + " " + base + ".");
            }
        }
        if (in.isPerpetual()) return PerpetualChecks.check(r, in, s, price, notional);
        if (r.side() == OrderSide.BUY && s.availableQuote() != null) {
            BigDecimal needed = notional.add(notional.multiply(in.takerFee().max(in.makerFee())));
            if (needed.compareTo(s.availableQuote()) > 0) {
                return deny(DenialReason.INSUFFICIENT_BALANCE, "Buying " + plain(r.quantity()) + " " + base
                        + " needs " + money(needed, in) + " " + quote + " with fees, only "
                        + money(s.availableQuote(), in) + " " + quote + " is available.");
            }
        }
        if (r.side() == OrderSide.SELL && s.availableBase() != null && r.quantity().compareTo(s.availableBase()) > 0) {
            return deny(DenialReason.INSUFFICIENT_BALANCE, "Selling " + plain(r.quantity()) + " " + base + " needs "
                    + plain(r.quantity()) + " " + base + ", only " + plain(s.availableBase()) + " " + base
                    + " is available.");
        }
        return null;
    }

    private static Denial deny(DenialReason reason, String message) {
        return new Denial(reason, message);
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static String money(BigDecimal value, Instrument in) {
        return value.setScale(in.priceScale(), java.math.RoundingMode.HALF_EVEN).toPlainString();
    }
}
