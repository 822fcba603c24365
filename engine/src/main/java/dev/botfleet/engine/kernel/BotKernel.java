package dev.botfleet.engine.kernel;

import dev.botfleet.engine.exchange.ExchangePort;
import dev.botfleet.engine.market.Candle;
import dev.botfleet.engine.market.QuietBand;
import dev.botfleet.engine.market.Timeframe;
import dev.botfleet.engine.market.Instrument;
import dev.botfleet.engine.market.MarketDataListener;
import dev.botfleet.engine.market.Tick;
import dev.botfleet.engine.order.InvalidOrderTransitionException;
import dev.botfleet.engine.order.Order;
import dev.botfleet.engine.order.OrderEvent;
import dev.botfleet.engine.order.OrderEvent.OrderFilled;
import dev.botfleet.engine.order.OrderRequest;
import dev.botfleet.engine.order.OrderSnapshot;
import dev.botfleet.engine.order.OrderStatus;
import dev.botfleet.engine.market.MarginSettings;
import dev.botfleet.engine.position.Deal;
import dev.botfleet.engine.position.FundingPayment;
import dev.botfleet.engine.position.DealTracker;
import dev.botfleet.engine.position.Position;
import dev.botfleet.engine.position.PositionSnapshot;
import dev.botfleet.engine.risk.RiskEngine;
import dev.botfleet.engine.strategy.ActivityLevel;
import dev.botfleet.engine.strategy.ExternalSignal;
import dev.botfleet.engine.strategy.Strategy;
import dev.botfleet.engine.strategy.definition.StrategyConfig;
import dev.botfleet.engine.strategy.WarmupProgress;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One bot: its strategy, risk checks, orders, position and exchange port. The same kernel runs backtests, paper and
 * live; only the events fed in differ.
 *
 * <p><b>Threading.</b> Not thread-safe by design: feed it from one thread at a time (the bot's mailbox). Every public
 * method is one "turn": it handles its input, then drains the order events the exchange produced meanwhile (a
 * simulated exchange answers synchronously), letting the strategy react to each, until nothing is pending — so a
 * cascade such as "fill → place the exit order → accepted" settles within the same timestamp.
 *
 * <p><b>Time.</b> The kernel's clock is the latest event timestamp it has seen; it never reads a wall clock. Timers
 * fire when an event (or {@link #advanceTo}) moves the clock past them, before that event is handled.
 *
 * <p><b>Life of an order.</b> {@code submit} → risk checks (DENIED stops here, journaled) → status SUBMITTED →
 * {@link OrderJournal#recordNew} → {@link ExchangePort#submit}. Every later event is applied to the order's state
 * machine, journaled, published to the {@link KernelListener}, and handed to the strategy. A fill also updates the
 * position and may complete a {@link Deal}.
 */
public final class BotKernel {
    final String botId;
    final Instrument instrument;
    final Strategy strategy;
    final RiskEngine risk;
    final OrderJournal journal;
    final KernelListener listener;
    final ExchangePort port;
    /** The simulated exchange, if that is the port; null for a real venue. */
    private final MarketDataListener simulatedMatching;
    /** Which stream the simulated exchange matches on; null for a real venue. */
    private final MatchingData matchOn;
    final boolean cancelOrdersOnStop;

    final Position position;
    /** Leverage and margin mode on a perpetual; null on spot. */
    final MarginSettings margin;
    final DealTracker deals;
    /** Working orders by client order id, oldest first. */
    final Map<String, Order> openOrders = new LinkedHashMap<>();
    /** Recently closed orders, kept so a fill that races a cancel still finds its order. */
    private final RecentOrders recentOrders;
    private final ArrayDeque<OrderEvent> pending = new ArrayDeque<>();
    private final WarmupTracker warmup;
    /** True while history is handed to the strategy: it may not trade then. */
    boolean inHistory;
    final Timers timers = new Timers();
    final KernelContext context;

    long nextSequence;
    long nowMillis = Long.MIN_VALUE;
    double lastPrice = Double.NaN;
    private boolean inTurn;
    boolean running;
    boolean started;
    private String doneReason;

    BotKernel(KernelBuilder b) {
        this.botId = b.botId;
        this.instrument = b.instrument;
        this.strategy = b.strategy;
        this.risk = b.risk;
        this.journal = b.journal;
        this.listener = b.listener;
        this.cancelOrdersOnStop = b.cancelOrdersOnStop;
        this.margin = !instrument.isPerpetual() ? null : b.margin != null ? b.margin : MarginSettings.DEFAULT;
        this.position = new Position(botId, instrument, margin);
        this.deals = new DealTracker(botId, instrument.symbol(), instrument.quoteAsset(), instrument.baseAsset(),
                strategy.dealPolicy());
        this.context = new KernelContext(this);
        this.warmup = new WarmupTracker(strategy.warmup());
        JournalRestore.apply(this, b.state);
        this.port = b.connector.connect(this::onExecution);
        this.simulatedMatching = port instanceof MarketDataListener m ? m : null;
        if (simulatedMatching != null && b.matchOn == null) {
            throw new IllegalStateException("bot " + botId + " trades on a simulated exchange: say which market data it"
                    + " matches on, matchOn(TICKS) on a live or paper feed, matchOn(CANDLES) when candles are the only data");
        }
        this.matchOn = simulatedMatching == null ? null : b.matchOn;
        this.recentOrders = new RecentOrders(simulatedMatching == null ? RecentOrders.VENUE : RecentOrders.SIMULATED);
    }

    public static KernelBuilder builder(String botId, Instrument instrument, Strategy strategy) {
        return new KernelBuilder(botId, instrument, strategy);
    }

    // ---------------------------------------------------------------- inputs (each one turn)

    /** Starts the bot with no history; see {@link #start(Instant, List)}. */
    public void start(Instant now) {
        start(now, List.of());
    }

    /**
     * Starts the bot: reconciles restored in-flight orders against the exchange, hands the strategy its history
     * ({@link Strategy#onHistory}, candles that closed by {@code now}, oldest first), then {@link Strategy#onStart}.
     *
     * @param now     the start time (from the caller's clock)
     * @param history completed candles from before {@code now}, for the strategy's {@link Strategy#warmup()}
     */
    public void start(Instant now, List<Candle> history) {
        if (running) return;
        turn(() -> {
            advanceClock(now.toEpochMilli());
            running = true;
            activity(ActivityLevel.INFO, "Bot started on " + instrument.exchange() + " " + instrument.symbol());
            Reconciliation.run(this, false);
            drain();
            try {
                warmup.replay(this, history);
                started = true;
                strategy.onStart(context);
            } catch (RuntimeException e) {
                fail(e);
            }
        });
    }

    /** A trade on the market. The simulated exchange (if that is the port) matches resting orders first. */
    public void onTick(Tick tick) {
        boolean outer = enter();
        try {
            advanceClock(tick.timestamp());
            lastPrice = tick.price();
            if (matchOn == MatchingData.TICKS) {
                simulatedMatching.onTick(tick);
                drain();
            }
            if (started && running) {
                try {
                    strategy.onTick(context, tick);
                } catch (RuntimeException e) {
                    fail(e);
                }
            }
        } finally {
            if (outer) exit();
        }
    }

    /**
     * Narrows {@code band} to the ticks and candles that would change nothing here but the last price and the clock
     * (see {@link QuietBand}): none fills a resting paper order, reaches a timer or makes the strategy act. Call between
     * turns, on the bot's thread. Without a strategy that narrows, or with a port that cannot say, no tick is quiet.
     */
    public void quietBand(QuietBand band) {
        boolean settled = !inTurn && doneReason == null && pending.isEmpty();
        QuietTicks.narrow(this, band, settled, matchOn == MatchingData.TICKS ? simulatedMatching : null,
                matchOn == MatchingData.CANDLES);
    }

    /**
     * The same as {@link #onCandle(Candle)} for a candle of this bot's instrument given by its values (a backtest's
     * columns). The candle is built here, in the method that uses it, so the compiler can keep it out of the heap
     * when nothing holds on to it (a million candles per run otherwise cost a million short-lived objects).
     */
    public void onCandle(Timeframe timeframe, long openTime, double open, double high, double low, double close,
                         double volume) {
        onCandle(new Candle(instrument.exchange(), instrument.symbol(), timeframe, openTime, open, high, low, close,
                volume));
    }

    /**
     * A completed candle, handled at its close time. The simulated exchange replays it only when candles are the
     * matching data; on a tick feed the same trades were matched one by one already.
     */
    public void onCandle(Candle candle) {
        boolean outer = enter();
        try {
            advanceClock(candle.closeTime());
            if (matchOn == MatchingData.CANDLES) {
                simulatedMatching.onCandle(candle);
                drain();
            }
            lastPrice = candle.close();
            if (started) countWarmup(candle);
            if (started && running) {
                try {
                    strategy.onCandle(context, candle);
                } catch (RuntimeException e) {
                    fail(e);
                }
            }
        } finally {
            if (outer) exit();
        }
    }

    void countWarmup(Candle candle) {
        if (warmup.count(candle)) listener.onWarmup(warmup.progress());
    }

    /** How much of its warm-up the strategy has received; readable from any thread. */
    public WarmupProgress warmupProgress() {
        return warmup.progress();
    }

    /** An order event from an exchange port that reports asynchronously (via the bot's mailbox). */
    public void onOrderEvent(OrderEvent event) {
        pending.add(event);
        if (!inTurn) {
            enter();
            exit();
        }
    }

    /** Moves the clock forward without market data, firing due timers. */
    public void advanceTo(Instant now) {
        turn(() -> advanceClock(now.toEpochMilli()));
    }

    /** Stops the bot: {@link Strategy#onStop}, then its open orders are canceled. */
    public void stop(String reason) { turn(() -> Stopping.now(this, reason, false)); }

    /** The same because something outside the strategy failed (e.g. its journal): the stop is logged as an error. */
    public void stopInError(String reason) { turn(() -> Stopping.now(this, reason, true)); }

    /** Carries out a stop decided but never run, on a bot rebuilt from its journal ({@link Stopping#finish}). */
    public void finishStop(Instant now, String reason) {
        if (!running) turn(() -> Stopping.finish(this, now, reason));
    }

    /** A funding settlement the venue reported (live): booked into the position's PnL and journaled. */
    public void onFunding(FundingPayment payment) {
        turn(() -> Funding.book(this, payment));
    }

    /** A funding rate fixing on the simulated exchange: the bot's position pays or receives at {@code markPrice}. */
    public void onFundingRate(Instant at, BigDecimal rate, BigDecimal markPrice) {
        turn(() -> Funding.settle(this, at, rate, markPrice));
    }

    /** The venue's liquidation price of the bot's perpetual position (null: none reported, show our estimate). */
    public void onVenueLiquidationPrice(BigDecimal price) {
        position.venueLiquidationPrice(price);
        journal.recordVenueLiquidationPrice(botId, price);
    }

    /**
     * A new config for the running strategy (hot reload), applied on this turn by {@link ExternalInputs#reconfigure}.
     * Ignored when stopped.
     */
    public void reconfigure(StrategyConfig config) {
        turn(() -> {
            if (running && started) ExternalInputs.reconfigure(this, config);
        });
    }

    /** A signal from outside (the server's signal webhook), handed over on this turn by {@link ExternalInputs#signal}. */
    public void onSignal(ExternalSignal signal) {
        turn(() -> {
            advanceClock(signal.at().toEpochMilli());
            ExternalInputs.signal(this, signal, started && running);
        });
    }

    /**
     * Something about to happen to the market (a DEX's mempool), handed to the running strategy on this turn by
     * {@link ExternalInputs#alert}; ignored when stopped.
     */
    public void onMarketAlert(dev.botfleet.engine.market.MarketAlert alert) {
        turn(() -> {
            advanceClock(alert.at().toEpochMilli());
            if (started && running) ExternalInputs.alert(this, alert);
        });
    }

    /** A manual cancel (from the API). Cancels are never denied. */
    public boolean cancel(String clientOrderId) {
        boolean outer = enter();
        try {
            return requestCancel(clientOrderId);
        } finally {
            if (outer) exit();
        }
    }

    // ---------------------------------------------------------------- turn mechanics

    /** Runs one input as a turn (or as part of the current one, when called from inside a turn). */
    private void turn(Runnable step) {
        boolean outer = enter();
        try {
            step.run();
        } finally {
            if (outer) exit();
        }
    }

    private boolean enter() {
        if (inTurn) return false;
        inTurn = true;
        return true;
    }

    private void exit() {
        try {
            drain();
            if (doneReason != null && running) {
                String reason = doneReason;
                doneReason = null;
                Stopping.now(this, reason, false);
                drain();
            }
        } finally {
            inTurn = false;
        }
    }

    /** The port's listener. A synchronous port calls it mid-turn: the event waits for the end of the current step. */
    private void onExecution(OrderEvent event) {
        onOrderEvent(event);
    }

    void drain() {
        if (pending.isEmpty()) return;  // the usual case; saves reading the deque's array
        OrderEvent event;
        while ((event = pending.poll()) != null) {
            handle(event);
        }
    }

    void advanceClock(long millis) {
        if (millis > nowMillis) nowMillis = millis;
        String due;
        while ((due = timers.pollDue(nowMillis)) != null) {
            if (started && running) {
                try {
                    strategy.onTimer(context, due);
                } catch (RuntimeException e) {
                    fail(e);
                }
                drain();
            }
        }
    }

    // ---------------------------------------------------------------- orders

    OrderSnapshot submit(OrderRequest request) {
        return Submission.submit(this, request);
    }

    boolean requestCancel(String clientOrderId) {
        Order order = openOrders.get(clientOrderId);
        if (order == null || !order.status().isOpen()) return false;
        if (order.status() != OrderStatus.PENDING_CANCEL) {
            OrderEvent pendingCancel = new OrderEvent.OrderPendingCancel(clientOrderId, now());
            order.apply(pendingCancel);
            OrderSnapshot s = order.snapshot();
            journal.recordEvent(s, pendingCancel);
            listener.onOrderUpdated(s, pendingCancel);
        }
        port.cancel(clientOrderId);
        return true;
    }

    private void handle(OrderEvent event) {
        Order order = openOrders.get(event.clientOrderId());
        if (order == null) order = recentOrders.get(event.clientOrderId());
        if (order == null) {
            activity(ActivityLevel.WARNING, "Ignored " + event.getClass().getSimpleName() + " for unknown order "
                    + event.clientOrderId());
            return;
        }
        if (event instanceof OrderFilled fill) {
            FillBooking.book(this, order, fill);
            return;
        }
        try {
            if (!order.apply(event)) return;  // a repeat (the venue's second ack): nothing to journal or tell
        } catch (InvalidOrderTransitionException e) {
            activity(ActivityLevel.WARNING, "Ignored an out-of-order event: " + e.getMessage());
            return;
        }
        if (order.status().isTerminal()) close(order);
        OrderSnapshot s = order.snapshot();
        journal.recordEvent(s, event);
        listener.onOrderUpdated(s, event);
        Messages.forEvent(s, event, instrument).ifPresent(m -> activity(m.level(), m.message()));
        if (started && running) {
            try {
                strategy.onOrderUpdate(context, s, event);
            } catch (RuntimeException e) {
                fail(e);
            }
        }
    }

    void close(Order order) {
        openOrders.remove(order.clientOrderId());
        recentOrders.put(order.clientOrderId(), order);
    }

    /** Re-applies an event produced by reconciliation through the normal path (journal, position, listener). */
    void replay(OrderEvent event) {
        handle(event);
    }

    Order findOrder(String clientOrderId) {
        Order o = openOrders.get(clientOrderId);
        return o != null ? o : recentOrders.get(clientOrderId);
    }

    // ---------------------------------------------------------------- lifecycle

    void fail(RuntimeException e) {
        activity(ActivityLevel.ERROR, "Strategy failed: " + e);
        Stopping.now(this, "strategy error: " + e.getMessage(), true);
    }

    void done(String reason) {
        if (doneReason == null) doneReason = reason;
    }

    void activity(ActivityLevel level, String message) {
        listener.onActivity(new ActivityEntry(botId, level, message, now()));
    }

    Instant now() {
        return Instant.ofEpochMilli(nowMillis == Long.MIN_VALUE ? 0 : nowMillis);
    }

    // ---------------------------------------------------------------- read access

    public String botId() { return botId; }
    public Instrument instrument() { return instrument; }
    public boolean isRunning() { return running; }
    /** Next client-order sequence (persist it with the bot, or derive it from the journal). */
    public long nextSequence() { return nextSequence; }
    public PositionSnapshot position() { return context.position(); }
    public BigDecimal positionQuantity() { return position.quantity(); }  // signed; builds no snapshot
    public List<OrderSnapshot> openOrders() { return context.openOrders(); }
    /** The exchange account's balance of {@code asset} (read it on the bot's turn: the exchange is not thread-safe). */
    public Optional<dev.botfleet.engine.exchange.Balance> balance(String asset) { return port.balance(asset); }
    /** The deal still open, marked at {@code markPrice}; null when flat (a backtest's open position at the end). */
    public dev.botfleet.engine.position.OpenDeal openDeal(BigDecimal markPrice) { return deals.openDeal(markPrice); }
    public Instant clock() { return now(); }
}
