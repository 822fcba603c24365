package dev.botfleet.engine.position;

import dev.botfleet.engine.order.CloseReason;
import dev.botfleet.engine.order.OrderEvent.OrderFilled;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Cuts a stream of fills into deals, by a {@link DealPolicy} (default {@link DealPolicy#FLAT_POSITION}). Feed it each
 * fill together with the position before and after it and the PnL the position says the fill realized.
 */
public final class DealTracker {
    private final String botId;
    private final String symbol;
    private final String quoteAsset;

    private Deal.Direction direction;
    private Instant openedAt;
    private BigDecimal peak = BigDecimal.ZERO;
    private BigDecimal entryQty = BigDecimal.ZERO;
    private BigDecimal entryValue = BigDecimal.ZERO;
    private BigDecimal exitQty = BigDecimal.ZERO;
    private BigDecimal exitValue = BigDecimal.ZERO;
    private BigDecimal pnl = BigDecimal.ZERO;
    private BigDecimal fees = BigDecimal.ZERO;
    private final DealPolicy policy;
    /** Set for the per-lot policies, which then do all the work. */
    private final LotDeals lots;

    public DealTracker(String botId, String symbol, String quoteAsset) {
        this(botId, symbol, quoteAsset, null, DealPolicy.FLAT_POSITION);
    }

    /** @param baseAsset needed by {@link DealPolicy#PER_LOT} (a base-asset fee shrinks the lots) */
    public DealTracker(String botId, String symbol, String quoteAsset, String baseAsset, DealPolicy policy) {
        this.botId = botId;
        this.symbol = symbol;
        this.quoteAsset = quoteAsset;
        this.policy = policy;
        this.lots = policy.perLot() ? new LotDeals(botId, symbol, quoteAsset, baseAsset, policy) : null;
    }

    public DealPolicy policy() { return policy; }

    /**
     * True while a deal is open (FLAT_POSITION: the position is off zero; PER_LOT: a lot is open). After a restart,
     * replay the journaled fills to restore it.
     */
    public boolean isOpen() { return lots == null ? direction != null : lots.isOpen(); }

    /** Per lot: the open lots, oldest first, as "LONG remaining/quantity@price"; FLAT_POSITION: empty. */
    public List<String> openLots() { return lots == null ? List.of() : lots.openLots(); }

    /** The open deal marked at {@code markPrice}, or null when no deal is open. */
    public OpenDeal openDeal(BigDecimal markPrice) {
        if (lots != null) return lots.openDeal(markPrice);
        BigDecimal open = entryQty.subtract(exitQty);
        if (direction == null || open.signum() <= 0) return null;
        int sign = direction == Deal.Direction.LONG ? 1 : -1;
        BigDecimal entry = entryValue.divide(entryQty, 12, RoundingMode.HALF_EVEN);
        BigDecimal unrealized = pnl.add(markPrice.subtract(entry).multiply(open).multiply(BigDecimal.valueOf(sign)));
        return new OpenDeal(direction, sign > 0 ? open : open.negate(), entry.stripTrailingZeros(), openedAt,
                markPrice, unrealized);
    }

    /**
     * Like {@link #onFill} but for any policy: PER_LOT can complete several deals with one fill (an exit that closes
     * several lots), FLAT_POSITION at most one.
     */
    public List<Deal> completed(OrderFilled fill, BigDecimal before, BigDecimal after, BigDecimal realized,
                                CloseReason reason) {
        if (lots != null) return lots.onFill(fill, reason);
        return onFill(fill, before, after, realized, reason).map(List::of).orElseGet(List::of);
    }

    /**
     * @param before signed position before the fill
     * @param after signed position after it
     * @param realized what {@link Position#apply} returned for this fill
     * @return the deal this fill completed, if any (per lot: the first of them; use {@link #completed})
     */
    public Optional<Deal> onFill(OrderFilled fill, BigDecimal before, BigDecimal after, BigDecimal realized,
                                 CloseReason reason) {
        if (lots != null) return lots.onFill(fill, reason).stream().findFirst();
        BigDecimal fee = fill.feeCurrency().equals(quoteAsset) ? fill.fee() : BigDecimal.ZERO;
        if (direction == null) {
            if (after.signum() == 0) return Optional.empty();
            open(after.signum(), fill.timestamp());
        }
        boolean grows = before.signum() == 0 || before.signum() == fill.side().sign();
        pnl = pnl.add(realized);
        fees = fees.add(fee);
        if (grows) {
            entryQty = entryQty.add(fill.quantity());
            entryValue = entryValue.add(fill.notional());
            peak = peak.max(after.abs());
            return Optional.empty();
        }
        BigDecimal closing = fill.quantity().min(before.abs());
        exitQty = exitQty.add(closing);
        exitValue = exitValue.add(closing.multiply(fill.price()));
        if (after.signum() != 0 && after.signum() == before.signum()) return Optional.empty();
        Deal deal = new Deal(botId, symbol, direction, peak, average(entryValue, entryQty),
                average(exitValue, exitQty), pnl, fees, reason == null ? CloseReason.SIGNAL : reason, openedAt,
                fill.timestamp());
        direction = null;
        if (after.signum() != 0) {
            // Flipped through zero: the remainder opens the next deal at the fill price, its fee stays with this one.
            open(after.signum(), fill.timestamp());
            entryQty = after.abs();
            entryValue = after.abs().multiply(fill.price());
            peak = after.abs();
        }
        return Optional.of(deal);
    }

    /**
     * A perpetual's funding settlement while a deal is open becomes part of that deal's PnL (with FLAT_POSITION; per
     * lot it stays in the position's realized PnL only, as a lot has no share of it).
     */
    public void addFunding(BigDecimal amount) {
        if (lots == null && direction != null) pnl = pnl.add(amount);
    }

    private void open(int sign, Instant at) {
        direction = sign > 0 ? Deal.Direction.LONG : Deal.Direction.SHORT;
        openedAt = at;
        peak = BigDecimal.ZERO;
        entryQty = entryValue = exitQty = exitValue = pnl = fees = BigDecimal.ZERO;
    }

    private static BigDecimal average(BigDecimal value, BigDecimal qty) {
        if (qty.signum() == 0) return null;
        return value.divide(qty, 12, RoundingMode.HALF_EVEN).stripTrailingZeros();
    }
}
