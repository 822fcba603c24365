package dev.botfleet.fakes;

import dev.botfleet.fakes.FakeOrder.Side;
import dev.botfleet.fakes.FakeOrder.Status;
import dev.botfleet.fakes.FakeOrder.TimeInForce;
import dev.botfleet.fakes.FakeOrder.Type;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;

/**
 * The matching engine behind every fake venue. Other market participants are represented by the prices the test
 * prints ({@link #printTrade}): a resting buy fills (as maker, at its own price) when a trade prints at or below it,
 * a resting sell when one prints at or above it, up to the printed size, oldest order first. Taker orders (MARKET, or a
 * LIMIT that crosses) fill at once against the market maker's quote: the ask is one tick above the last price, the bid
 * the last price. Balances are reserved when an order is accepted and settled per fill, with the commission charged in
 * the asset received (Binance's rule without BNB).
 */
public final class MatchingEngine {

    /** Why an order is refused; each venue fake maps it to its own code and words. */
    public enum Refusal {
        UNKNOWN_SYMBOL, MARKET_CLOSED, PRICE_FILTER, LOT_SIZE, MIN_QUANTITY, MIN_NOTIONAL, INSUFFICIENT_BALANCE,
        DUPLICATE_CLIENT_ID, WOULD_TAKE, UNKNOWN_ORDER, NO_TRADE_PERMISSION
    }

    public static final class Refused extends RuntimeException {
        public final Refusal refusal;

        Refused(Refusal refusal, String message) {
            super(message);
            this.refusal = refusal;
        }
    }

    /**
     * How a market's orders are paid for, when not spot. Spot (no settlement installed) reserves the quote for a buy and
     * the base for a sell and charges commission in the asset received. A perpetual's fake installs a margin ledger
     * ({@code fakes.perp.PerpLedger}): it locks initial margin, books positions and charges fees in the settle asset.
     * Every method runs under the engine's lock; a settlement must never call back into the engine.
     */
    public interface Settlement {
        /** Before the order is accepted: reserve what it needs, or throw (any RuntimeException) to refuse it unchanged. */
        void accept(FakeOrder order, BigDecimal referencePrice);

        /** One fill of the order: move balances and positions; returns the commission and the asset it was charged in. */
        Charge fill(FakeOrder order, BigDecimal price, BigDecimal quantity, boolean maker);

        /** The order ended (filled, canceled, expired): release what it still holds. */
        void finish(FakeOrder order);
    }

    /** A fill's commission as a {@link Settlement} charged it. */
    public record Charge(BigDecimal commission, String asset) {
    }

    /** What the engine tells the venue fake, which turns it into its stream's events. */
    public interface Listener {
        /** An order changed; {@code trade} is the fill that changed it, or null (new, canceled, expired). */
        default void onOrder(FakeOrder order, FakeTrade trade) {
        }

        /** Someone traded on the market (public trade stream). */
        default void onPublicTrade(FakeMarket market, long tradeId, BigDecimal price, BigDecimal quantity,
                                   boolean buyerMaker, long time) {
        }

        /** An account's balance of one asset moved. */
        default void onBalance(FakeAccount account, String asset) {
        }
    }

    private final LongSupplier clock;
    private final Map<String, FakeMarket> markets = new LinkedHashMap<>();
    private final Map<String, FakeAccount> accounts = new LinkedHashMap<>();
    private final Map<String, BigDecimal> lastPrice = new LinkedHashMap<>();
    private final Map<String, List<FakeOrder>> resting = new LinkedHashMap<>();
    private final List<FakeOrder> orders = new ArrayList<>();
    private final Map<String, Candles> candles = new LinkedHashMap<>();
    private final Map<String, Settlement> settlements = new LinkedHashMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    /** Every client order id this venue ever accepted, in order, duplicates included if they ever happened. */
    private final List<String> acceptedClientIds = new ArrayList<>();
    private long nextOrderId = 1000;
    /**
     * Coinbase's rule instead of Binance's: the commission is always charged in the quote asset, and a buy's hold
     * includes it (the order's quote hold is notional plus the highest fee rate). Off by default.
     */
    public volatile boolean feesInQuote;
    private long nextTradeId = 50_000;

    public MatchingEngine(LongSupplier clock) {
        this.clock = clock;
    }

    public long now() { return clock.getAsLong(); }

    public synchronized FakeMarket list(FakeMarket market, String lastPrice) {
        markets.put(market.venueSymbol, market);
        this.lastPrice.put(market.venueSymbol, new BigDecimal(lastPrice));
        resting.put(market.venueSymbol, new ArrayList<>());
        candles.put(market.venueSymbol, new Candles());
        return market;
    }

    public synchronized FakeAccount open(FakeAccount account) {
        accounts.put(account.apiKey, account);
        return account;
    }

    public void addListener(Listener listener) { listeners.add(listener); }

    /** Makes a listed market settle through {@code settlement} (a perpetual's margin ledger) instead of spot balances. */
    public synchronized void settleWith(String venueSymbol, Settlement settlement) {
        settlements.put(venueSymbol, settlement);
    }

    public synchronized FakeAccount account(String apiKey) { return accounts.get(apiKey); }

    public synchronized FakeMarket market(String venueSymbol) { return markets.get(venueSymbol); }

    public synchronized List<FakeMarket> markets() { return List.copyOf(markets.values()); }

    public synchronized BigDecimal lastPrice(String venueSymbol) { return lastPrice.get(venueSymbol); }

    public synchronized BigDecimal bid(String venueSymbol) { return lastPrice.get(venueSymbol); }

    public synchronized BigDecimal ask(String venueSymbol) {
        return lastPrice.get(venueSymbol).add(markets.get(venueSymbol).tickSize);
    }

    public synchronized List<String> acceptedClientIds() { return List.copyOf(acceptedClientIds); }

    public synchronized List<FakeOrder> orders(FakeAccount account) {
        return orders.stream().filter(o -> o.account == account).toList();
    }

    public synchronized FakeOrder find(FakeAccount account, String venueSymbol, String clientOrderId, Long orderId) {
        for (int i = orders.size() - 1; i >= 0; i--) {
            FakeOrder o = orders.get(i);
            if (o.account != account || !o.market.venueSymbol.equals(venueSymbol)) continue;
            if (orderId != null && o.orderId == orderId) return o;
            if (clientOrderId != null && clientOrderId.equals(o.clientOrderId)) return o;
        }
        return null;
    }

    public synchronized List<FakeOrder> openOrders(FakeAccount account, String venueSymbol) {
        return orders.stream().filter(o -> o.account == account && o.isOpen()
                && (venueSymbol == null || o.market.venueSymbol.equals(venueSymbol))).toList();
    }

    public synchronized List<FakeTrade> trades(FakeAccount account, String venueSymbol) {
        List<FakeTrade> all = new ArrayList<>();
        for (FakeOrder o : orders) {
            if (o.account == account && o.market.venueSymbol.equals(venueSymbol)) all.addAll(o.trades);
        }
        all.sort((a, b) -> Long.compare(a.tradeId(), b.tradeId()));
        return all;
    }

    /** 1m candles of the market with open time in [from, to), oldest first. Each: {open time, o, h, l, c, volume}. */
    public synchronized List<Object[]> klines(String venueSymbol, long from, long to, int limit) {
        return candles.get(venueSymbol).between(from, to, limit);
    }

    /** Puts history in place (a test's made-up past). */
    public synchronized void seedCandle(String venueSymbol, long openTime, String o, String h, String l, String c,
                                        String volume) {
        candles.get(venueSymbol).put(openTime, new BigDecimal(o), new BigDecimal(h), new BigDecimal(l),
                new BigDecimal(c), new BigDecimal(volume));
    }

    /** Places an order for the account. Refusals throw {@link Refused}; nothing changes then. */
    public FakeOrder place(FakeAccount account, String venueSymbol, String clientOrderId, Side side, Type type,
                           TimeInForce tif, BigDecimal price, BigDecimal quantity) {
        return place(account, venueSymbol, clientOrderId, side, type, tif, price, quantity, false);
    }

    /**
     * As {@link #place(FakeAccount, String, String, Side, Type, TimeInForce, BigDecimal, BigDecimal)}, for a perpetual:
     * a {@code reduceOnly} order may only shrink the position (its market's {@link Settlement} enforces it). A
     * settlement's own refusals (margin, reduce-only) are thrown as they are.
     */
    public FakeOrder place(FakeAccount account, String venueSymbol, String clientOrderId, Side side, Type type,
                           TimeInForce tif, BigDecimal price, BigDecimal quantity, boolean reduceOnly) {
        List<Runnable> events = new ArrayList<>();
        FakeOrder order;
        synchronized (this) {
            FakeMarket m = markets.get(venueSymbol);
            if (m == null) throw new Refused(Refusal.UNKNOWN_SYMBOL, "Invalid symbol.");
            if (!account.canTrade) throw new Refused(Refusal.NO_TRADE_PERMISSION, "This account may not trade.");
            if (!m.trading) throw new Refused(Refusal.MARKET_CLOSED, "Market is closed.");
            if (clientOrderId != null) {
                for (FakeOrder o : orders) {
                    if (o.account == account && clientOrderId.equals(o.clientOrderId) && o.isOpen()) {
                        throw new Refused(Refusal.DUPLICATE_CLIENT_ID, "Duplicate order sent.");
                    }
                }
            }
            if (type == Type.LIMIT && (price == null || price.remainder(m.tickSize).signum() != 0)) {
                throw new Refused(Refusal.PRICE_FILTER, "Filter failure: PRICE_FILTER");
            }
            if (quantity.remainder(m.lotSize).signum() != 0) throw new Refused(Refusal.LOT_SIZE, "Filter failure: LOT_SIZE");
            if (quantity.compareTo(m.minQuantity) < 0) throw new Refused(Refusal.MIN_QUANTITY, "Filter failure: LOT_SIZE");
            BigDecimal refPrice = type == Type.MARKET ? (side == Side.BUY ? ask(venueSymbol) : bid(venueSymbol)) : price;
            if (refPrice.multiply(quantity).compareTo(m.minNotional) < 0) {
                throw new Refused(Refusal.MIN_NOTIONAL, "Filter failure: NOTIONAL");
            }
            boolean crosses = type == Type.MARKET
                    || (side == Side.BUY ? price.compareTo(ask(venueSymbol)) >= 0 : price.compareTo(bid(venueSymbol)) <= 0);
            if (tif == TimeInForce.POST_ONLY && crosses) {
                throw new Refused(Refusal.WOULD_TAKE, "Order would immediately match and take.");
            }
            Settlement settlement = settlements.get(venueSymbol);
            String reserveAsset = settlement != null ? null : side == Side.BUY ? m.quote : m.base;
            BigDecimal reserve = side == Side.BUY ? refPrice.multiply(quantity) : quantity;
            if (feesInQuote && side == Side.BUY) reserve = reserve.multiply(BigDecimal.ONE.add(m.makerFee.max(m.takerFee)));
            if (settlement == null && !account.reserve(reserveAsset, reserve)) {
                throw new Refused(Refusal.INSUFFICIENT_BALANCE, "Account has insufficient balance for requested action.");
            }
            long now = clock.getAsLong();
            order = new FakeOrder(nextOrderId, clientOrderId, account, m, side, type, tif, price, quantity, now);
            order.reduceOnly = reduceOnly;
            if (settlement != null) settlement.accept(order, refPrice);
            else order.reserved = reserve;
            nextOrderId++;
            orders.add(order);
            if (clientOrderId != null) acceptedClientIds.add(clientOrderId);
            FakeOrder placed = order;
            events.add(() -> listeners.forEach(l -> l.onOrder(placed, null)));
            if (reserveAsset != null) events.add(() -> listeners.forEach(l -> l.onBalance(account, reserveAsset)));
            if (crosses) {
                BigDecimal at = side == Side.BUY ? ask(venueSymbol) : bid(venueSymbol);
                fill(order, at, order.remaining(), false, events);
            }
            if (order.isOpen()) {
                if (tif == TimeInForce.IOC || tif == TimeInForce.FOK || type == Type.MARKET) {
                    finish(order, Status.EXPIRED, events);
                } else {
                    resting.get(venueSymbol).add(order);
                }
            }
        }
        events.forEach(Runnable::run);
        return order;
    }

    /** Cancels an open order; refuses (UNKNOWN_ORDER) one that is gone, as venues do. */
    public FakeOrder cancel(FakeAccount account, String venueSymbol, String clientOrderId, Long orderId) {
        List<Runnable> events = new ArrayList<>();
        FakeOrder order;
        synchronized (this) {
            order = find(account, venueSymbol, clientOrderId, orderId);
            if (order == null || !order.isOpen()) throw new Refused(Refusal.UNKNOWN_ORDER, "Unknown order sent.");
            finish(order, Status.CANCELED, events);
        }
        events.forEach(Runnable::run);
        return order;
    }

    /**
     * Someone else traded {@code quantity} at {@code price}: resting orders it reaches fill (maker, at their own price),
     * oldest first, up to that quantity; the trade prints on the public stream and the market's price moves there.
     */
    public void printTrade(String venueSymbol, String price, String quantity) {
        List<Runnable> events = new ArrayList<>();
        synchronized (this) {
            FakeMarket m = markets.get(venueSymbol);
            BigDecimal p = new BigDecimal(price);
            BigDecimal left = new BigDecimal(quantity);
            long now = clock.getAsLong();
            long tradeId = nextTradeId++;
            boolean buyerMaker = p.compareTo(lastPrice.get(venueSymbol)) <= 0;
            lastPrice.put(venueSymbol, p);
            candles.get(venueSymbol).add(now, p, new BigDecimal(quantity));
            for (FakeOrder o : new ArrayList<>(resting.get(venueSymbol))) {
                if (left.signum() <= 0) break;
                boolean reached = o.side == Side.BUY ? p.compareTo(o.price) <= 0 : p.compareTo(o.price) >= 0;
                if (!reached) continue;
                BigDecimal qty = o.remaining().min(left);
                left = left.subtract(qty);
                fill(o, o.price, qty, true, events);
            }
            BigDecimal q = new BigDecimal(quantity);
            events.add(0, () -> listeners.forEach(l -> l.onPublicTrade(m, tradeId, p, q, buyerMaker, now)));
        }
        events.forEach(Runnable::run);
    }

    private void fill(FakeOrder o, BigDecimal price, BigDecimal qty, boolean maker, List<Runnable> events) {
        FakeMarket m = o.market;
        long now = clock.getAsLong();
        BigDecimal quoteQty = price.multiply(qty);
        Settlement settlement = settlements.get(m.venueSymbol);
        String received;
        BigDecimal commission;
        String commissionAsset;
        if (settlement != null) {
            Charge charge = settlement.fill(o, price, qty, maker);
            received = charge.asset();
            commission = charge.commission();
            commissionAsset = received;
        } else {
            BigDecimal rate = maker ? m.makerFee : m.takerFee;
            received = o.side == Side.BUY ? m.base : m.quote;
            BigDecimal gross = o.side == Side.BUY ? qty : quoteQty;
            boolean quoteFee = feesInQuote && o.side == Side.BUY;
            commission = (quoteFee ? quoteQty : gross).multiply(rate).setScale(8, RoundingMode.UP).stripTrailingZeros();
            commissionAsset = quoteFee ? m.quote : received;
            if (o.side == Side.BUY) {
                BigDecimal spend = (quoteFee ? quoteQty.add(commission) : quoteQty).min(o.reserved);
                o.account.spendLocked(m.quote, spend);
                o.reserved = o.reserved.subtract(spend);
            } else {
                o.account.spendLocked(m.base, qty);
                o.reserved = o.reserved.subtract(qty);
            }
            o.account.credit(received, quoteFee ? gross : gross.subtract(commission));
        }
        o.executedQuantity = o.executedQuantity.add(qty);
        o.cumulativeQuote = o.cumulativeQuote.add(quoteQty);
        o.status = o.remaining().signum() == 0 ? Status.FILLED : Status.PARTIALLY_FILLED;
        o.updatedAt = now;
        FakeTrade trade = new FakeTrade(nextTradeId++, o.orderId, o.clientOrderId, m.venueSymbol, o.side, price, qty,
                commission, commissionAsset, maker, now);
        o.trades.add(trade);
        if (o.status == Status.FILLED) {
            resting.get(m.venueSymbol).remove(o);
            releaseRest(o);
        }
        events.add(() -> listeners.forEach(l -> l.onOrder(o, trade)));
        if (settlement != null) {
            events.add(() -> listeners.forEach(l -> l.onBalance(o.account, received)));
            return;
        }
        events.add(() -> listeners.forEach(l -> l.onBalance(o.account, m.base)));
        events.add(() -> listeners.forEach(l -> l.onBalance(o.account, m.quote)));
    }

    private void finish(FakeOrder o, Status status, List<Runnable> events) {
        o.status = status;
        o.updatedAt = clock.getAsLong();
        resting.get(o.market.venueSymbol).remove(o);
        releaseRest(o);
        events.add(() -> listeners.forEach(l -> l.onOrder(o, null)));
        String asset = o.side == Side.BUY ? o.market.quote : o.market.base;
        events.add(() -> listeners.forEach(l -> l.onBalance(o.account, asset)));
    }

    private void releaseRest(FakeOrder o) {
        Settlement settlement = settlements.get(o.market.venueSymbol);
        if (settlement != null) {
            settlement.finish(o);
            return;
        }
        if (o.reserved.signum() > 0) {
            o.account.release(o.side == Side.BUY ? o.market.quote : o.market.base, o.reserved);
            o.reserved = BigDecimal.ZERO;
        }
    }

    /** 1m candles built from printed trades (and seeded history). */
    private static final class Candles {
        private final java.util.TreeMap<Long, BigDecimal[]> byOpen = new java.util.TreeMap<>();

        void add(long time, BigDecimal price, BigDecimal qty) {
            long open = time - Math.floorMod(time, 60_000L);
            BigDecimal[] c = byOpen.get(open);
            if (c == null) {
                byOpen.put(open, new BigDecimal[] {price, price, price, price, qty});
            } else {
                c[1] = c[1].max(price);
                c[2] = c[2].min(price);
                c[3] = price;
                c[4] = c[4].add(qty);
            }
        }

        void put(long open, BigDecimal o, BigDecimal h, BigDecimal l, BigDecimal c, BigDecimal v) {
            byOpen.put(open, new BigDecimal[] {o, h, l, c, v});
        }

        List<Object[]> between(long from, long to, int limit) {
            List<Object[]> out = new ArrayList<>();
            for (var e : byOpen.subMap(from, true, to, false).entrySet()) {
                if (out.size() >= limit) break;
                BigDecimal[] c = e.getValue();
                out.add(new Object[] {e.getKey(), c[0], c[1], c[2], c[3], c[4]});
            }
            return Collections.unmodifiableList(out);
        }
    }
}
