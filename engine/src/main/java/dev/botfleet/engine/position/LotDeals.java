package dev.botfleet.engine.position;

import dev.botfleet.engine.order.CloseReason;
import dev.botfleet.engine.order.OrderEvent.OrderFilled;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The per-lot deal policies ({@link DealPolicy#PER_LOT}, {@link DealPolicy#PER_LOT_NEAREST}). A lot is what one entry
 * order bought (or sold short): its partial fills join the lot while it is open. Quote-asset fees stay with the lot
 * they belong to (an entry fee with its lot, an exit fee split over the lots the exit closed, by quantity), so a lot
 * bought by one order and closed by one order realizes exactly (exit − entry) · qty − entry fees − exit fees. A
 * base-asset fee closes that much of the lots at a price of zero, as {@link Position} does, so the open lots always
 * add up to the position.
 */
final class LotDeals {
    private static final int SCALE = 12;

    private final String botId;
    private final String symbol;
    private final String quoteAsset;
    private final String baseAsset;
    private final boolean nearest;
    /** Open lots, oldest first; all on the same side. */
    private final List<Lot> lots = new ArrayList<>();

    LotDeals(String botId, String symbol, String quoteAsset, String baseAsset, DealPolicy policy) {
        this.botId = botId;
        this.symbol = symbol;
        this.quoteAsset = quoteAsset;
        this.baseAsset = baseAsset;
        this.nearest = policy == DealPolicy.PER_LOT_NEAREST;
    }

    boolean isOpen() { return !lots.isEmpty(); }

    /** The open lots as "LONG remaining/quantity@entry", oldest first (for tests and diagnostics). */
    List<String> openLots() {
        return lots.stream().map(l -> l.direction + " " + l.remaining.stripTrailingZeros().toPlainString() + "/"
                + l.quantity.stripTrailingZeros().toPlainString() + "@" + l.entryPrice().toPlainString()).toList();
    }

    /** The open lots as one position marked at {@code mark}; null when none is open. */
    OpenDeal openDeal(BigDecimal mark) {
        if (lots.isEmpty()) return null;
        BigDecimal open = BigDecimal.ZERO;
        BigDecimal openCost = BigDecimal.ZERO;
        BigDecimal unrealized = BigDecimal.ZERO;
        for (Lot l : lots) {
            open = open.add(l.remaining);
            openCost = openCost.add(l.remaining.multiply(l.entryPrice()));
            BigDecimal gross = l.exitValue.add(l.remaining.multiply(mark)).subtract(l.cost);
            unrealized = unrealized.add(l.sign > 0 ? gross : gross.negate()).subtract(l.fees);
        }
        Lot first = lots.getFirst();
        BigDecimal entry = openCost.divide(open, SCALE, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return new OpenDeal(first.direction, first.sign > 0 ? open : open.negate(), entry, first.openedAt, mark,
                unrealized);
    }

    List<Deal> onFill(OrderFilled fill, CloseReason reason) {
        List<Deal> done = new ArrayList<>();
        BigDecimal quoteFee = fill.feeCurrency().equals(quoteAsset) ? fill.fee() : BigDecimal.ZERO;
        int sign = fill.side().sign();
        BigDecimal rest = fill.quantity();
        if (!lots.isEmpty() && lots.getFirst().sign != sign) {
            BigDecimal closable = rest.min(openQuantity());
            BigDecimal exitFee = closable.compareTo(rest) == 0 ? quoteFee
                    : quoteFee.multiply(closable).divide(rest, SCALE, RoundingMode.HALF_EVEN);
            close(closable, fill.price(), exitFee, reason, fill.timestamp(), done);
            quoteFee = quoteFee.subtract(exitFee);
            rest = rest.subtract(closable);
        }
        if (rest.signum() > 0) {
            // An entry, or the remainder of a flip: joins its order's open lot, or opens one, with what is left of the fee.
            Lot lot = lots.isEmpty() || !lots.getLast().orderId.equals(fill.clientOrderId()) ? null : lots.getLast();
            if (lot == null) {
                lot = new Lot(sign, fill.clientOrderId(), fill.timestamp());
                lots.add(lot);
            }
            lot.add(rest, fill.price(), quoteFee);
        }
        if (fill.feeCurrency().equals(baseAsset) && fill.fee().signum() > 0 && !lots.isEmpty()) {
            close(fill.fee().min(openQuantity()), BigDecimal.ZERO, BigDecimal.ZERO, reason, fill.timestamp(), done);
        }
        return done;
    }

    private BigDecimal openQuantity() {
        BigDecimal sum = BigDecimal.ZERO;
        for (Lot l : lots) sum = sum.add(l.remaining);
        return sum;
    }

    /** The lot an exit at {@code price} closes next. */
    private Lot next(BigDecimal price) {
        Lot pick = null;
        if (nearest && price.signum() > 0) {
            for (Lot l : lots) {
                BigDecimal entry = l.entryPrice();
                boolean profitable = l.sign > 0 ? entry.compareTo(price) < 0 : entry.compareTo(price) > 0;
                if (!profitable) continue;
                // strictly nearer only: among equal entries the older lot goes first
                if (pick == null || (l.sign > 0 ? entry.compareTo(pick.entryPrice()) > 0
                        : entry.compareTo(pick.entryPrice()) < 0)) pick = l;
            }
        }
        return pick == null ? lots.getFirst() : pick;
    }

    /** Closes {@code qty} of the lots at {@code price}; {@code fee} is split over them by quantity. */
    private void close(BigDecimal qty, BigDecimal price, BigDecimal fee, CloseReason reason, Instant at,
                       List<Deal> done) {
        BigDecimal left = qty;
        BigDecimal feeLeft = fee;
        while (left.signum() > 0) {
            Lot lot = next(price);
            BigDecimal closing = left.min(lot.remaining);
            BigDecimal share = closing.compareTo(left) == 0 ? feeLeft
                    : fee.multiply(closing).divide(qty, SCALE, RoundingMode.HALF_EVEN);
            lot.remaining = lot.remaining.subtract(closing);
            lot.exitQty = lot.exitQty.add(closing);
            lot.exitValue = lot.exitValue.add(closing.multiply(price));
            lot.fees = lot.fees.add(share);
            left = left.subtract(closing);
            feeLeft = feeLeft.subtract(share);
            if (lot.remaining.signum() == 0) {
                lots.remove(lot);
                done.add(lot.deal(reason, at));
            }
        }
    }

    private final class Lot {
        final int sign;
        final Deal.Direction direction;
        final String orderId;
        final Instant openedAt;
        BigDecimal quantity = BigDecimal.ZERO;
        BigDecimal cost = BigDecimal.ZERO;
        BigDecimal remaining = BigDecimal.ZERO;
        BigDecimal fees = BigDecimal.ZERO;
        BigDecimal exitQty = BigDecimal.ZERO;
        BigDecimal exitValue = BigDecimal.ZERO;

        Lot(int sign, String orderId, Instant openedAt) {
            this.sign = sign;
            this.direction = sign > 0 ? Deal.Direction.LONG : Deal.Direction.SHORT;
            this.orderId = orderId;
            this.openedAt = openedAt;
        }

        void add(BigDecimal qty, BigDecimal price, BigDecimal fee) {
            quantity = quantity.add(qty);
            remaining = remaining.add(qty);
            cost = cost.add(qty.multiply(price));
            fees = fees.add(fee);
        }

        BigDecimal entryPrice() {
            return cost.divide(quantity, SCALE, RoundingMode.HALF_EVEN).stripTrailingZeros();
        }

        Deal deal(CloseReason reason, Instant closedAt) {
            BigDecimal gross = exitValue.subtract(cost);
            BigDecimal pnl = (sign > 0 ? gross : gross.negate()).subtract(fees);
            BigDecimal exitPrice = exitValue.divide(exitQty, SCALE, RoundingMode.HALF_EVEN).stripTrailingZeros();
            return new Deal(botId, symbol, direction, quantity, entryPrice(), exitPrice, pnl, fees,
                    reason == null ? CloseReason.SIGNAL : reason, openedAt, closedAt);
        }
    }
}
