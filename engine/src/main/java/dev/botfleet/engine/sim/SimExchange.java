package dev.botfleet.engine.sim;

import dev.botfleet.engine.exchange.Balance;
import dev.botfleet.engine.exchange.ExchangePort;
import dev.botfleet.engine.exchange.ExecutionListener;
import dev.botfleet.engine.exchange.OrderReport;
import dev.botfleet.engine.market.Candle;
import dev.botfleet.engine.market.Instrument;
import dev.botfleet.engine.market.MarginSettings;
import dev.botfleet.engine.position.FundingPayment;
import dev.botfleet.engine.market.MarketDataListener;
import dev.botfleet.engine.market.QuietBand;
import dev.botfleet.engine.market.TickGrid;
import dev.botfleet.engine.market.Tick;
import dev.botfleet.engine.order.Liquidity;
import dev.botfleet.engine.order.OrderEvent;
import dev.botfleet.engine.order.OrderEvent.OrderFilled;
import dev.botfleet.engine.order.OrderSide;
import dev.botfleet.engine.order.OrderSnapshot;
import dev.botfleet.engine.order.OrderStatus;
import dev.botfleet.engine.order.OrderType;
import dev.botfleet.engine.order.TimeInForce;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The simulated exchange {@code sim}: one matching engine for paper trading and backtests (there is no second,
 * simpler paper model). One instance serves one paper account trading one instrument — in practice one bot — so it is
 * driven by that bot's kernel on the bot's own thread: the kernel forwards each tick or candle here before its
 * strategy sees it, and resting orders fill first.
 *
 * <p>Matching, per trade at price p: a resting buy limit fills when p trades below its price (at its price, if
 * {@link SimFillModel#fillOnTouch()}) — at its limit price, as maker. A market order fills at the first trade after
 * it arrived, p plus slippage, as taker; so does a limit that is marketable on arrival (at the better of p and its
 * price). IOC remainders are canceled after that first trade. Fills can be limited to a share of each trade's size.
 *
 * <p>Stops: a STOP_MARKET sell triggers on the first trade at or below its trigger price (a buy: at or above) and fills
 * as taker. If the trade before it was still on the untriggered side and the triggering trade is not an opening trade,
 * the price moved continuously through the trigger, so it fills at the trigger (minus slippage for a sell, plus for a
 * buy). Otherwise it fills at the triggering trade's price (with slippage), which is worse than the trigger: when the
 * triggering trade is a bar's open (the market gapped past the trigger between bars), the first trade this exchange
 * sees (after a start or restart), or the market was already past the trigger when the stop was placed. A triggered
 * stop that could not fill completely (volume limit) keeps filling as a market order.
 *
 * <p>Balances: submitting reserves what the order can cost (quote for a buy, including the fee; base for a sell) and
 * is rejected if the account cannot cover it; fills settle, cancels release. A stop buy reserves at its trigger price
 * plus the market order's margin (slippage ticks and 1%); a gap fill above that is settled all the same. Fees are charged in the quote asset.
 * On a perpetual the wallet holds only the settle asset: orders reserve initial margin instead, and either side may
 * open a position ({@link PerpetualSettlement}).
 *
 * <p>Idempotent by client order id: a second submit of a known id changes nothing. Known means working, or among the
 * last {@value #CLOSED_KEPT} closed orders (which {@link #query} also still answers): a paper bot trades for months in
 * one process, and an exchange that kept every order it was ever sent grew without end (at a fill every few seconds,
 * megabytes a day per bot). Like a venue, which refuses a duplicate id only among its open orders. Restartable:
 * {@link #restore} re-rests journaled open orders.
 */
public final class SimExchange implements ExchangePort, MarketDataListener, QuietBand.Source {
    /**
     * Closed orders still known by id, beyond the working ones (see the class). Few: nothing in process resubmits or
     * queries an order long after its close (a restart builds a new exchange from the journal), while each one kept
     * lives for minutes in a trading fleet, copied by every young collection (docs/fleet-scale.md, "Closed orders kept
     * for minutes": at 32 on both sides, a quarter of what each young pause copied).
     */
    static final int CLOSED_KEPT = 8;

    private final Instrument instrument;
    /** The tick size's decimals, fixed per instrument: read on every fill price, computed once. */
    private final int priceScale;
    private final SimFillModel model;
    private final SimAccount account;
    private final OrderIndex orders = new OrderIndex();
    /** Ids of the closed orders still in {@link #orders}, oldest first. */
    private final ArrayDeque<String> closed = new ArrayDeque<>(CLOSED_KEPT + 1);
    /** Orders that can still fill, in arrival order (their fill priority). A list: walked on every trade. */
    private final List<SimOrder> working = new ArrayList<>();
    private final List<OrderEvent> outbox = new ArrayList<>();
    private final SimSettlement settlement;
    private ExecutionListener listener = e -> { };
    private double lastPrice = Double.NaN;
    private long lastTimestamp;
    /*
     * The quiet band, so most trades skip the walk over the working orders (and the memory it touches): the highest
     * resting buy limit, the lowest resting sell limit, and whether any order fills whatever the price (a market
     * order, or one still arriving). Recomputed whenever the working orders change; see quiet().
     */
    private double highestBuy = Double.NEGATIVE_INFINITY;
    private double lowestSell = Double.POSITIVE_INFINITY;
    private boolean anyUnconditional;
    /** The same for untriggered stops: the highest sell trigger and the lowest buy trigger. */
    private double highestSellStop = Double.NEGATIVE_INFINITY;
    private double lowestBuyStop = Double.POSITIVE_INFINITY;

    /** @param balances the paper account's holdings per asset, e.g. {USDT: 10000, BTC: 0} */
    public SimExchange(Instrument instrument, SimFillModel model, Map<String, BigDecimal> balances) {
        this(instrument, model, balances, MarginSettings.DEFAULT);
    }

    /**
     * @param balances the paper wallet; on a perpetual only its settle asset matters (e.g. {USDT: 10000})
     * @param margin the bot's leverage on a perpetual (ignored on spot)
     */
    public SimExchange(Instrument instrument, SimFillModel model, Map<String, BigDecimal> balances,
                       MarginSettings margin) {
        this.instrument = instrument;
        this.priceScale = instrument.priceScale();
        this.model = model;
        this.account = new SimAccount(balances);
        this.settlement = instrument.isPerpetual() ? new PerpetualSettlement(instrument, account, margin)
                : new SpotSettlement(instrument, account);
    }

    /**
     * After a restart of a perpetual bot: the position its journaled fills built, so its margin is locked again. The
     * wallet given to the constructor must already hold the deposit plus realized PnL, fees and funding.
     */
    public void restorePosition(BigDecimal quantity, BigDecimal averageEntry) {
        if (!(settlement instanceof PerpetualSettlement perp) || quantity.signum() == 0) return;
        perp.settle(quantity.signum() > 0 ? OrderSide.BUY : OrderSide.SELL, quantity.abs(), averageEntry, BigDecimal.ZERO);
    }

    /** Connects the one listener (the bot's kernel). Usable as an {@code ExchangeConnector}: {@code sim::connect}. */
    public ExchangePort connect(ExecutionListener listener) {
        this.listener = listener;
        return this;
    }

    /**
     * Re-rests journaled open orders after a restart, reserving their unfilled part again. Only orders the exchange had
     * acknowledged are restored; unacknowledged ones are resubmitted by the kernel's reconciliation. Emits nothing.
     * The balances given to the constructor must already reflect every journaled fill.
     */
    public void restore(List<OrderSnapshot> openOrders) {
        for (OrderSnapshot s : openOrders) {
            if (!s.acknowledged() || !s.isOpen() || orders.containsKey(s.clientOrderId())) continue;
            SimOrder o = newOrder(s, s.type() == OrderType.STOP_MARKET ? stopReservePrice(s.triggerPrice()) : s.price());
            o.filled = s.filledQuantity();
            o.status = o.filled.signum() > 0 ? OrderStatus.PARTIALLY_FILLED : OrderStatus.ACCEPTED;
            o.arriving = false;
            account.reserve(o.reserveAsset, o.reservePerUnit.multiply(o.remaining()));
            orders.put(o.clientOrderId, o);
            working.add(o);
        }
        refreshBand();
    }

    @Override
    public String exchange() { return instrument.exchange(); }

    @Override
    public void submit(OrderSnapshot s) {
        if (orders.containsKey(s.clientOrderId())) return;  // idempotent: the exchange already has this order
        Instant at = time(s.updatedAt());
        String problem = validate(s);
        BigDecimal priceForReserve = switch (s.type()) {
            case LIMIT -> s.price();
            case MARKET -> marketReservePrice();
            case STOP_MARKET -> problem == null ? stopReservePrice(s.triggerPrice()) : null;
        };
        if (problem == null && priceForReserve == null) problem = "no market price yet for a market order";
        SimOrder o = newOrder(s, priceForReserve);
        orders.put(o.clientOrderId, o);
        if (problem == null && o.reservePerUnit.multiply(o.quantity).compareTo(account.available(o.reserveAsset)) > 0) {
            problem = "insufficient balance: " + o.reserveAsset + " available "
                    + account.available(o.reserveAsset).stripTrailingZeros().toPlainString() + ", needed "
                    + o.reservePerUnit.multiply(o.quantity).stripTrailingZeros().toPlainString();
        }
        if (problem != null) {
            o.status = OrderStatus.REJECTED;
            o.reason = problem;
            closed(o);
            emit(new OrderEvent.OrderRejected(o.clientOrderId, problem, at));
        } else {
            account.reserve(o.reserveAsset, o.reservePerUnit.multiply(o.quantity));
            o.acceptedAt = at.toEpochMilli();
            // A limit that does not cross the last trade rests at once; one that does takes liquidity next trade.
            if (o.type == OrderType.LIMIT && !Double.isNaN(lastPrice)) {
                o.arriving = o.side == OrderSide.BUY ? lastPrice <= o.limit : lastPrice >= o.limit;
            }
            if (o.type == OrderType.STOP_MARKET) o.arriving = false;  // rests until triggered, never IOC
            working.add(o);
            refreshBand();
            emit(new OrderEvent.OrderAccepted(o.clientOrderId, o.exchangeOrderId, at));
        }
        flush();
    }

    private String validate(OrderSnapshot s) {
        if (!s.symbol().equals(instrument.symbol())) return "symbol " + s.symbol() + " is not traded on this account";
        if (s.quantity().signum() <= 0 || !instrument.isOnLot(s.quantity())) return "invalid quantity " + s.quantity();
        if (s.type() == OrderType.LIMIT && (s.price().signum() <= 0 || !instrument.isOnTick(s.price()))) {
            return "invalid price " + s.price();
        }
        if (s.type() == OrderType.STOP_MARKET && (s.triggerPrice() == null || s.triggerPrice().signum() <= 0
                || !instrument.isOnTick(s.triggerPrice()))) {
            return "invalid trigger price " + s.triggerPrice();
        }
        return null;
    }

    private SimOrder newOrder(OrderSnapshot s, BigDecimal reservePrice) {
        SimSettlement.Reserve reserve = settlement.reserveFor(s.side(), s.quantity(), reservePrice);
        return new SimOrder(s, reserve.perUnit(), reserve.asset());
    }

    /** What a market buy may cost per unit: the last price plus its slippage and a 1% margin for the next trade. */
    private BigDecimal marketReservePrice() {
        if (Double.isNaN(lastPrice)) return null;
        BigDecimal p = onGrid(lastPrice).add(instrument.tickSize().multiply(BigDecimal.valueOf(model.marketSlippageTicks())));
        return p.add(p.movePointLeft(2));
    }

    /** What a stop buy may cost per unit: its trigger plus the same margin a market buy reserves. */
    private BigDecimal stopReservePrice(BigDecimal trigger) {
        BigDecimal p = trigger.add(instrument.tickSize().multiply(BigDecimal.valueOf(model.marketSlippageTicks())));
        return p.add(p.movePointLeft(2));
    }

    @Override
    public void cancel(String clientOrderId) {
        SimOrder o = orders.get(clientOrderId);
        Instant at = Instant.ofEpochMilli(lastTimestamp);
        if (o == null) {
            emit(new OrderEvent.OrderCancelRejected(clientOrderId, "unknown order", at));
        } else if (!o.working()) {
            emit(new OrderEvent.OrderCancelRejected(clientOrderId, "order is already " + o.status, at));
        } else {
            close(o, OrderStatus.CANCELED);
            emit(new OrderEvent.OrderCanceled(clientOrderId, at));
        }
        flush();
    }

    @Override
    public Optional<OrderReport> query(String clientOrderId) {
        SimOrder o = orders.get(clientOrderId);
        if (o == null) return Optional.empty();
        return Optional.of(new OrderReport(o.clientOrderId, o.exchangeOrderId, o.status, o.filled, o.fills, o.reason));
    }

    @Override
    public Optional<Balance> balance(String asset) { return account.balance(asset); }

    @Override
    public void settleFunding(FundingPayment payment) { settlement.settleFunding(payment); }

    /** Orders known by id: the working ones and the last closed ones (tests). */
    int knownOrders() {
        return orders.size();
    }

    /** Every asset of the paper account. */
    public Map<String, Balance> balances() {
        Map<String, Balance> all = new LinkedHashMap<>();
        for (String asset : account.totals().keySet()) all.put(asset, account.balance(asset).orElseThrow());
        return all;
    }

    // ---------------------------------------------------------------- matching

    @Override
    public void onTick(Tick tick) {
        if (quiet(tick.price())) {  // nothing can fill: only the last trade moves
            lastPrice = tick.price();
            lastTimestamp = Math.max(lastTimestamp, tick.timestamp());
            return;
        }
        // The first trade after a start or restart has no known path from a previous one: it counts as an opening.
        match(tick.price(), tick.size(), tick.timestamp(), tick.timestamp(), Double.isNaN(lastPrice));
        flush();
    }

    /**
     * A bar becomes four trades at its close time, open → high → low → close, or open → low → high → close when the
     * open is nearer the low (trading-formulas.md §1.3), each with a quarter of the volume. The open is an opening
     * trade (the market may have gapped since the last close); the other three follow it continuously. Only orders
     * accepted at or before the bar's open take part: the bar's high and low may have printed before a later order.
     */
    @Override
    public void onCandle(Candle c) {
        long t = c.closeTime();
        if (working.isEmpty()) {
            // Nothing rests (a backtest's usual bar): the four trades could only move the last trade, so that is all
            // that happens, as it would through match() and quiet().
            lastPrice = c.close();
            lastTimestamp = Math.max(lastTimestamp, t);
            return;
        }
        double v = c.volume() / 4;
        long from = c.openTime();
        boolean lowFirst = c.open() - c.low() < c.high() - c.open();
        match(c.open(), v, t, from, true);
        match(lowFirst ? c.low() : c.high(), v, t, from, false);
        match(lowFirst ? c.high() : c.low(), v, t, from, false);
        match(c.close(), v, t, from, false);
        flush();
    }

    /**
     * @param dataFrom the earliest instant the trade may have happened (a tick's time, a bar's open): orders accepted
     *                 after it do not take part, so nothing fills at a price traded before the order existed
     * @param opening  true if the path from the previous trade to this one is unknown (a bar's open, a first tick)
     */
    private void match(double price, double size, long timestamp, long dataFrom, boolean opening) {
        double previous = opening ? Double.NaN : lastPrice;
        lastPrice = price;
        lastTimestamp = Math.max(lastTimestamp, timestamp);
        if (quiet(price)) return;
        double budget = model.volumeLimited() ? size * model.volumeParticipation() : Double.POSITIVE_INFINITY;
        Instant at = null;
        boolean anyClosed = false;
        for (int i = 0, n = working.size(); i < n; i++) {
            SimOrder o = working.get(i);
            if (o.acceptedAt > dataFrom) continue;  // this trade may predate the order: it stays as it is
            BigDecimal fillPrice = fillPrice(o, price, previous);
            Liquidity liquidity = o.arriving || o.type == OrderType.STOP_MARKET ? Liquidity.TAKER : Liquidity.MAKER;
            boolean wasArriving = o.arriving;
            o.arriving = false;
            if (fillPrice != null && budget > 0) {
                BigDecimal qty = o.remaining();
                if (budget != Double.POSITIVE_INFINITY) {
                    qty = qty.min(instrument.roundQuantity(BigDecimal.valueOf(budget)));
                }
                if (qty.signum() > 0) {
                    if (at == null) at = Instant.ofEpochMilli(lastTimestamp);
                    budget -= qty.doubleValue();
                    fill(o, qty, fillPrice, liquidity, at);
                }
            }
            if (o.working() && wasArriving && o.timeInForce == TimeInForce.IOC) {
                if (at == null) at = Instant.ofEpochMilli(lastTimestamp);
                o.status = OrderStatus.CANCELED;
                account.release(o.reserveAsset, o.reservePerUnit.multiply(o.remaining()));
                emit(new OrderEvent.OrderCanceled(o.clientOrderId, at));
            }
            if (!o.working()) anyClosed = true;
        }
        if (anyClosed) {
            working.removeIf(o -> {
                if (o.working()) return false;
                closed(o);
                return true;
            });
        }
        refreshBand();  // arrivals are over and fills may have closed orders
    }

    /**
     * True if a trade at {@code p} fills nothing and cancels nothing, i.e. the walk in {@link #match} would only clear
     * arrival flags that are already clear. Exact, not a heuristic: a resting buy fills iff p is below its limit (or at
     * it, on touch), so one fills iff the highest does; likewise for sells with the lowest.
     */
    private boolean quiet(double p) {
        if (anyUnconditional) return false;
        boolean touch = model.fillOnTouch();
        boolean buyFills = p < highestBuy || touch && p == highestBuy;
        boolean sellFills = p > lowestSell || touch && p == lowestSell;
        boolean stopTriggers = p <= highestSellStop || p >= lowestBuyStop;
        return !buyFills && !sellFills && !stopTriggers;
    }

    /**
     * The trades {@link #quiet} says fill nothing, as a band: above the highest resting buy and sell-stop trigger,
     * below the lowest resting sell and buy-stop trigger (exclusive both ways, so a touch is never quiet); none while an
     * order fills whatever the price, or before the first trade (which is an opening).
     */
    @Override
    public void narrow(QuietBand band) {
        if (anyUnconditional || Double.isNaN(lastPrice)) {
            band.none();
            return;
        }
        band.above(Math.max(highestBuy, highestSellStop));
        band.below(Math.min(lowestSell, lowestBuyStop));
    }

    private void refreshBand() {
        double buy = Double.NEGATIVE_INFINITY;
        double sell = Double.POSITIVE_INFINITY;
        double sellStop = Double.NEGATIVE_INFINITY;
        double buyStop = Double.POSITIVE_INFINITY;
        boolean unconditional = false;
        for (SimOrder o : working) {
            if (o.type == OrderType.STOP_MARKET && !o.triggered) {
                if (o.side == OrderSide.SELL) sellStop = Math.max(sellStop, o.trigger);
                else buyStop = Math.min(buyStop, o.trigger);
            } else if (o.arriving || o.type != OrderType.LIMIT || Double.isNaN(o.limit)) unconditional = true;
            else if (o.side == OrderSide.BUY) buy = Math.max(buy, o.limit);
            else sell = Math.min(sell, o.limit);
        }
        highestBuy = buy;
        lowestSell = sell;
        anyUnconditional = unconditional;
        highestSellStop = sellStop;
        lowestBuyStop = buyStop;
    }

    /**
     * The price this order fills at on a trade at {@code p}, or null if it does not fill.
     *
     * @param previous the trade before this one, NaN if this is an opening trade (its path from the last is unknown)
     */
    private BigDecimal fillPrice(SimOrder o, double p, double previous) {
        boolean buy = o.side == OrderSide.BUY;
        if (o.type == OrderType.STOP_MARKET && !o.triggered) {
            boolean triggers = buy ? p >= o.trigger : p <= o.trigger;
            if (!triggers) return null;
            o.triggered = true;
            // NaN compares false: no known previous trade means no continuous path through the trigger.
            boolean through = buy ? previous < o.trigger : previous > o.trigger;
            return taker(buy, through ? o.triggerPrice : onGrid(p));
        }
        if (o.type == OrderType.MARKET || o.type == OrderType.STOP_MARKET) return taker(buy, onGrid(p));

        if (o.arriving) {  // marketable on arrival: takes liquidity at the trade price, never worse than its limit
            boolean crosses = buy ? p <= o.limit : p >= o.limit;
            return crosses ? onGrid(p) : null;
        }
        boolean fills = buy ? (p < o.limit || model.fillOnTouch() && p == o.limit)
                : (p > o.limit || model.fillOnTouch() && p == o.limit);
        return fills ? o.price : null;
    }

    /** A taker's fill price: {@code px} moved by the slippage ticks against the taker, never below one tick. */
    private BigDecimal taker(boolean buy, BigDecimal px) {
        BigDecimal slip = instrument.tickSize().multiply(BigDecimal.valueOf(model.marketSlippageTicks()));
        BigDecimal filled = buy ? px.add(slip) : px.subtract(slip);
        return filled.signum() > 0 ? filled : instrument.tickSize();
    }

    private void fill(SimOrder o, BigDecimal qty, BigDecimal price, Liquidity liquidity, Instant at) {
        BigDecimal notional = price.multiply(qty);
        BigDecimal fee = notional.multiply(liquidity == Liquidity.MAKER ? instrument.makerFee() : instrument.takerFee());
        o.filled = o.filled.add(qty);
        account.release(o.reserveAsset, o.reservePerUnit.multiply(qty));
        settlement.settle(o.side, qty, price, fee);
        String quote = settlement.feeAsset();
        // Trade ids are deterministic and unique per order: the cumulative filled quantity only grows.
        String tradeId = o.clientOrderId + "-" + o.filled.stripTrailingZeros().toPlainString();
        OrderFilled event = new OrderFilled(o.clientOrderId, tradeId, o.side, price, qty, fee, quote, liquidity, at);
        o.fills.add(event);
        if (o.filled.compareTo(o.quantity) >= 0) o.status = OrderStatus.FILLED;
        else o.status = OrderStatus.PARTIALLY_FILLED;
        emit(event);
    }

    private void close(SimOrder o, OrderStatus status) {
        o.status = status;
        working.remove(o);
        refreshBand();
        account.release(o.reserveAsset, o.reservePerUnit.multiply(o.remaining()));
        closed(o);
    }

    /** {@code o} can no longer fill: it stays known by id until {@value #CLOSED_KEPT} more orders have closed. */
    private void closed(SimOrder o) {
        closed.addLast(o.clientOrderId);
        if (closed.size() > CLOSED_KEPT) orders.remove(closed.removeFirst());
    }

    private BigDecimal onGrid(double p) {
        return TickGrid.snap(p, instrument.tickSize()).setScale(priceScale, RoundingMode.UNNECESSARY);
    }

    private Instant time(Instant orderTime) {
        long t = Math.max(lastTimestamp, orderTime.toEpochMilli());
        return Instant.ofEpochMilli(t);
    }

    private void emit(OrderEvent event) {
        outbox.add(event);
    }

    /** Events leave after the exchange's own state is consistent, so a listener may call back in safely. */
    private void flush() {
        if (outbox.isEmpty()) return;
        if (outbox.size() == 1) {  // the usual case (one ack, one fill): no copy of the list
            OrderEvent only = outbox.getFirst();
            outbox.clear();
            listener.onOrderEvent(only);
            return;
        }
        List<OrderEvent> out = new ArrayList<>(outbox);
        outbox.clear();
        for (OrderEvent e : out) listener.onOrderEvent(e);
    }

    public Instrument instrument() { return instrument; }

    /** Last trade price seen, NaN before the first. */
    public double lastPrice() { return lastPrice; }
}
