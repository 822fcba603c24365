package dev.botfleet.fakes.perp;

import dev.botfleet.fakes.FakeAccount;
import dev.botfleet.fakes.FakeOrder;
import dev.botfleet.fakes.MatchingEngine;
import dev.botfleet.fakes.perp.PerpRefused.Reason;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The margin and position ledger of a fake perpetual venue: installed on a {@link MatchingEngine} market with
 * {@code engine.settleWith(symbol, ledger)}, it replaces spot balances for that market.
 *
 * <p>Units: sizes are in the <b>base asset</b>, signed (negative is short), whatever the venue counts in; prices in the
 * quote asset; margin, PnL, fees and funding in the settle asset, taken from and paid to the account's balance of it
 * ({@link FakeAccount} free/locked). The rules, all linear:
 * <ul>
 *   <li>Initial margin = price × size / leverage (8 decimals, rounded up), locked when an order is accepted for the
 *       part that would open or increase a position, and moved to the position as it fills. An order whose margin
 *       exceeds the free balance is refused ({@link Reason#INSUFFICIENT_MARGIN}).</li>
 *   <li>A fill that reduces the position realizes (price − entry) × size × sign and releases the same share of the
 *       position's margin; the entry price is the size-weighted average of the opening fills.</li>
 *   <li>Fee = price × size × the market's maker or taker rate (8 decimals, up), debited from the settle asset.</li>
 *   <li>Reduce-only orders are refused when the position is flat or on the order's side, or when the order plus the
 *       other open reduce-only orders on its side exceed the position (no venue doc we have says whether it trims
 *       instead; refusing is the stricter reading, and an adapter that sizes exits from its own position meets it).</li>
 *   <li>Funding: {@link #settleFunding} books −size × mark × rate for every open position (longs pay when the rate is
 *       positive).</li>
 *   <li>Isolated liquidation price: long = entry × (1 − 1/leverage + mmr), short = entry × (1 + 1/leverage − mmr).
 *       {@link #mark} liquidates a position the mark price reaches: it is closed and its whole margin is lost.
 *       Cross positions have no liquidation price here.</li>
 * </ul>
 * Hooks run under the engine's lock and take this ledger's lock (engine → ledger → account, never the reverse).
 */
public final class PerpLedger implements MatchingEngine.Settlement {

    public enum MarginMode { ISOLATED, CROSS }

    /** One liquidation {@link #mark} carried out. */
    public record Liquidation(FakeAccount account, String venueSymbol, BigDecimal size, BigDecimal entryPrice,
                              BigDecimal liquidationPrice, BigDecimal marginLost) {
    }

    private static final int SCALE = 8;

    private final Map<String, PerpTerms> terms = new LinkedHashMap<>();
    private final Map<FakeAccount, Map<String, Book>> books = new IdentityHashMap<>();
    private final Map<Long, Hold> holds = new LinkedHashMap<>();
    private final Map<String, BigDecimal> marks = new LinkedHashMap<>();
    private final List<FundingRecord> fundings = new ArrayList<>();
    private long nextFundingId = 1;

    /** Margin an open order holds, and how much of it is left to fill. */
    private static final class Hold {
        final FakeAccount account;
        final String symbol;
        final int sign;
        final boolean reduceOnly;
        BigDecimal remaining;
        BigDecimal margin;

        Hold(FakeOrder o, BigDecimal margin) {
            this.account = o.account;
            this.symbol = o.market.venueSymbol;
            this.sign = o.side == FakeOrder.Side.BUY ? 1 : -1;
            this.reduceOnly = o.reduceOnly;
            this.remaining = o.quantity;
            this.margin = margin;
        }
    }

    /** One account's position and settings in one market. */
    private static final class Book {
        BigDecimal size = BigDecimal.ZERO;
        BigDecimal entry = BigDecimal.ZERO;
        BigDecimal margin = BigDecimal.ZERO;
        BigDecimal realizedPnl = BigDecimal.ZERO;
        BigDecimal realizedFunding = BigDecimal.ZERO;
        BigDecimal commission = BigDecimal.ZERO;
        BigDecimal leverage;
        MarginMode mode = MarginMode.ISOLATED;

        Book(BigDecimal leverage) { this.leverage = leverage; }
    }

    /** Adds a perpetual; its market must also be listed in the engine and settled with this ledger. */
    public synchronized PerpLedger list(PerpTerms perp) {
        terms.put(perp.venueSymbol(), perp);
        return this;
    }

    public synchronized PerpTerms terms(String venueSymbol) { return terms.get(venueSymbol); }

    // ---- settings

    /**
     * Sets the leverage of the account's position and later orders in one market. An open isolated position's margin
     * is re-sized to notional at entry / leverage: more is locked (refused if the balance cannot) or the excess freed.
     */
    public synchronized void setLeverage(FakeAccount account, String venueSymbol, BigDecimal leverage) {
        PerpTerms t = require(venueSymbol);
        if (leverage.compareTo(BigDecimal.ONE) < 0 || leverage.compareTo(t.maxLeverage()) > 0) {
            throw new PerpRefused(Reason.LEVERAGE_OUT_OF_RANGE,
                    "leverage " + leverage.toPlainString() + " outside [1, " + t.maxLeverage().toPlainString() + "]");
        }
        Book b = book(account, venueSymbol);
        if (b.size.signum() != 0) {
            BigDecimal wanted = margin(b.size.abs(), b.entry, leverage);
            BigDecimal more = wanted.subtract(b.margin);
            if (more.signum() > 0 && !account.reserve(t.settleAsset(), more)) {
                throw new PerpRefused(Reason.INSUFFICIENT_MARGIN, "not enough " + t.settleAsset() + " for the margin");
            }
            if (more.signum() < 0) account.release(t.settleAsset(), more.negate());
            b.margin = wanted;
        }
        b.leverage = leverage;
    }

    public synchronized BigDecimal leverage(FakeAccount account, String venueSymbol) {
        return book(account, venueSymbol).leverage;
    }

    public synchronized void setMarginMode(FakeAccount account, String venueSymbol, MarginMode mode) {
        book(account, venueSymbol).mode = mode;
    }

    // ---- reads

    public synchronized PerpPosition position(FakeAccount account, String venueSymbol) {
        Book b = book(account, venueSymbol);
        PerpTerms t = require(venueSymbol);
        BigDecimal liq = b.size.signum() == 0 || b.mode == MarginMode.CROSS ? null
                : liquidationPrice(b.entry, b.leverage, t.maintenanceMarginRate(), b.size.signum() > 0);
        return new PerpPosition(venueSymbol, b.size, b.entry, b.leverage, b.mode, b.margin, liq, b.realizedPnl,
                b.realizedFunding, b.commission);
    }

    /** Every market the account ever had a book in (open or flat), in listing order. */
    public synchronized List<PerpPosition> positions(FakeAccount account) {
        List<PerpPosition> out = new ArrayList<>();
        for (String symbol : terms.keySet()) {
            if (books.getOrDefault(account, Map.of()).containsKey(symbol)) out.add(position(account, symbol));
        }
        return out;
    }

    /** Margin held by the account's open orders in one market (null symbol: all markets). */
    public synchronized BigDecimal orderMargin(FakeAccount account, String venueSymbol) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Hold h : holds.values()) {
            if (h.account == account && (venueSymbol == null || h.symbol.equals(venueSymbol))) sum = sum.add(h.margin);
        }
        return sum;
    }

    /** Margin held by the account's positions (all markets). */
    public synchronized BigDecimal positionMargin(FakeAccount account) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Book b : books.getOrDefault(account, Map.of()).values()) sum = sum.add(b.margin);
        return sum;
    }

    public synchronized List<FundingRecord> fundings(FakeAccount account) {
        return fundings.stream().filter(f -> f.apiKey().equals(account.apiKey)).toList();
    }

    public synchronized BigDecimal markPrice(String venueSymbol) { return marks.get(venueSymbol); }

    // ---- funding and liquidation

    /** Books one funding settlement at {@code time} on every open position of the market; returns what was booked. */
    public synchronized List<FundingRecord> settleFunding(String venueSymbol, BigDecimal rate, BigDecimal mark,
                                                          long time) {
        PerpTerms t = require(venueSymbol);
        List<FundingRecord> booked = new ArrayList<>();
        for (var e : books.entrySet()) {
            Book b = e.getValue().get(venueSymbol);
            if (b == null || b.size.signum() == 0) continue;
            BigDecimal amount = b.size.multiply(mark).multiply(rate).negate().setScale(SCALE, RoundingMode.HALF_EVEN);
            e.getKey().credit(t.settleAsset(), amount);
            b.realizedFunding = b.realizedFunding.add(amount);
            FundingRecord r = new FundingRecord(nextFundingId++, e.getKey().apiKey, venueSymbol, time, rate, mark, b.size,
                    amount, t.settleAsset());
            fundings.add(r);
            booked.add(r);
        }
        return booked;
    }

    /** The mark price moved: isolated positions it reaches are liquidated (closed, margin lost). */
    public synchronized List<Liquidation> mark(String venueSymbol, BigDecimal mark) {
        PerpTerms t = require(venueSymbol);
        marks.put(venueSymbol, mark);
        List<Liquidation> done = new ArrayList<>();
        for (var e : books.entrySet()) {
            Book b = e.getValue().get(venueSymbol);
            if (b == null || b.size.signum() == 0 || b.mode != MarginMode.ISOLATED) continue;
            boolean isLong = b.size.signum() > 0;
            BigDecimal liq = liquidationPrice(b.entry, b.leverage, t.maintenanceMarginRate(), isLong);
            boolean reached = isLong ? mark.compareTo(liq) <= 0 : mark.compareTo(liq) >= 0;
            if (!reached) continue;
            FakeAccount account = e.getKey();
            account.spendLocked(t.settleAsset(), b.margin);
            done.add(new Liquidation(account, venueSymbol, b.size, b.entry, liq, b.margin));
            b.realizedPnl = b.realizedPnl.subtract(b.margin);
            b.size = BigDecimal.ZERO;
            b.entry = BigDecimal.ZERO;
            b.margin = BigDecimal.ZERO;
        }
        return done;
    }

    /** Isolated, linear: long = entry × (1 − 1/leverage + mmr), short = entry × (1 + 1/leverage − mmr). */
    public static BigDecimal liquidationPrice(BigDecimal entry, BigDecimal leverage, BigDecimal mmr, boolean isLong) {
        BigDecimal perLeverage = entry.divide(leverage, SCALE, RoundingMode.HALF_EVEN);
        BigDecimal maintenance = entry.multiply(mmr);
        BigDecimal price = isLong ? entry.subtract(perLeverage).add(maintenance)
                : entry.add(perLeverage).subtract(maintenance);
        return price.setScale(SCALE, RoundingMode.HALF_EVEN).stripTrailingZeros();
    }

    // ---- MatchingEngine.Settlement

    @Override
    public synchronized void accept(FakeOrder order, BigDecimal referencePrice) {
        PerpTerms t = require(order.market.venueSymbol);
        Book b = book(order.account, order.market.venueSymbol);
        int sign = order.side == FakeOrder.Side.BUY ? 1 : -1;
        if (order.reduceOnly) {
            if (b.size.signum() == 0 || b.size.signum() == sign) {
                throw new PerpRefused(Reason.REDUCE_ONLY_WOULD_INCREASE, "reduce-only order would open or increase");
            }
            BigDecimal pending = BigDecimal.ZERO;
            for (Hold h : holds.values()) {
                if (h.account == order.account && h.symbol.equals(order.market.venueSymbol) && h.reduceOnly
                        && h.sign == sign) pending = pending.add(h.remaining);
            }
            if (order.quantity.add(pending).compareTo(b.size.abs()) > 0) {
                throw new PerpRefused(Reason.REDUCE_ONLY_WOULD_FLIP, "reduce-only order exceeds the position");
            }
            holds.put(order.orderId, new Hold(order, BigDecimal.ZERO));
            return;
        }
        BigDecimal reducible = b.size.signum() == -sign ? b.size.abs() : BigDecimal.ZERO;
        BigDecimal opening = order.quantity.subtract(reducible).max(BigDecimal.ZERO);
        BigDecimal margin = margin(opening, referencePrice, b.leverage);
        if (margin.signum() > 0 && !order.account.reserve(t.settleAsset(), margin)) {
            throw new PerpRefused(Reason.INSUFFICIENT_MARGIN, "not enough " + t.settleAsset() + " for the margin");
        }
        holds.put(order.orderId, new Hold(order, margin));
    }

    @Override
    public synchronized MatchingEngine.Charge fill(FakeOrder order, BigDecimal price, BigDecimal quantity,
                                                    boolean maker) {
        PerpTerms t = require(order.market.venueSymbol);
        String settle = t.settleAsset();
        FakeAccount account = order.account;
        Hold hold = holds.get(order.orderId);
        if (hold != null) {
            BigDecimal part = quantity.compareTo(hold.remaining) >= 0 ? hold.margin
                    : hold.margin.multiply(quantity).divide(hold.remaining, SCALE, RoundingMode.DOWN);
            account.release(settle, part);
            hold.margin = hold.margin.subtract(part);
            hold.remaining = hold.remaining.subtract(quantity);
        }
        BigDecimal rate = maker ? order.market.makerFee : order.market.takerFee;
        BigDecimal fee = price.multiply(quantity).multiply(rate).setScale(SCALE, RoundingMode.UP).stripTrailingZeros();
        account.credit(settle, fee.negate());
        Book b = book(account, order.market.venueSymbol);
        b.commission = b.commission.add(fee);
        int sign = order.side == FakeOrder.Side.BUY ? 1 : -1;
        BigDecimal left = quantity;
        if (b.size.signum() == -sign) {
            BigDecimal closing = left.min(b.size.abs());
            BigDecimal pnl = price.subtract(b.entry).multiply(closing).multiply(BigDecimal.valueOf(b.size.signum()));
            BigDecimal freed = closing.compareTo(b.size.abs()) == 0 ? b.margin
                    : b.margin.multiply(closing).divide(b.size.abs(), SCALE, RoundingMode.DOWN);
            account.release(settle, freed);
            account.credit(settle, pnl);
            b.margin = b.margin.subtract(freed);
            b.realizedPnl = b.realizedPnl.add(pnl);
            b.size = b.size.add(closing.multiply(BigDecimal.valueOf(sign)));
            if (b.size.signum() == 0) b.entry = BigDecimal.ZERO;
            left = left.subtract(closing);
        }
        if (left.signum() > 0) {
            if (b.size.signum() == 0) {
                // A new position: its "since opened" figures start again.
                b.realizedPnl = BigDecimal.ZERO;
                b.realizedFunding = BigDecimal.ZERO;
                b.commission = fee;
            }
            BigDecimal newAbs = b.size.abs().add(left);
            b.entry = b.size.abs().multiply(b.entry).add(left.multiply(price))
                    .divide(newAbs, SCALE, RoundingMode.HALF_EVEN).stripTrailingZeros();
            b.size = b.size.add(left.multiply(BigDecimal.valueOf(sign)));
            BigDecimal lock = margin(left, price, b.leverage).min(account.free(settle).max(BigDecimal.ZERO));
            account.reserve(settle, lock);
            b.margin = b.margin.add(lock);
        }
        return new MatchingEngine.Charge(fee, settle);
    }

    @Override
    public synchronized void finish(FakeOrder order) {
        Hold hold = holds.remove(order.orderId);
        if (hold != null && hold.margin.signum() > 0) {
            order.account.release(require(order.market.venueSymbol).settleAsset(), hold.margin);
        }
    }

    private static BigDecimal margin(BigDecimal size, BigDecimal price, BigDecimal leverage) {
        if (size.signum() == 0) return BigDecimal.ZERO;
        return size.multiply(price).divide(leverage, SCALE, RoundingMode.UP).stripTrailingZeros();
    }

    private PerpTerms require(String venueSymbol) {
        PerpTerms t = terms.get(venueSymbol);
        if (t == null) throw new PerpRefused(Reason.NOT_A_PERPETUAL, venueSymbol + " is not a perpetual");
        return t;
    }

    private Book book(FakeAccount account, String venueSymbol) {
        PerpTerms t = require(venueSymbol);
        return books.computeIfAbsent(account, a -> new LinkedHashMap<>())
                .computeIfAbsent(venueSymbol, s -> new Book(t.defaultLeverage()));
    }
}
