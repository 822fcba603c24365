package dev.botfleet.strategies.support;

import dev.botfleet.engine.kernel.ActivityEntry;
import dev.botfleet.engine.kernel.BotKernel;
import dev.botfleet.engine.kernel.KernelListener;
import dev.botfleet.engine.kernel.KernelState;
import dev.botfleet.engine.kernel.MatchingData;
import dev.botfleet.engine.market.Candle;
import dev.botfleet.engine.market.Instrument;
import dev.botfleet.engine.market.Tick;
import dev.botfleet.engine.market.Timeframe;
import dev.botfleet.engine.order.Fill;
import dev.botfleet.engine.order.OrderEvent;
import dev.botfleet.engine.order.OrderSide;
import dev.botfleet.engine.order.OrderSnapshot;
import dev.botfleet.engine.position.Deal;
import dev.botfleet.engine.position.PositionSnapshot;
import dev.botfleet.engine.sim.SimExchange;
import dev.botfleet.engine.sim.SimFillModel;
import dev.botfleet.engine.sim.SimMarkets;
import dev.botfleet.engine.strategy.Strategy;
import dev.botfleet.engine.strategy.StrategyFactory;
import dev.botfleet.engine.strategy.definition.StrategyConfig;
import dev.botfleet.engine.strategy.definition.StrategyDefinition;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strategy on the real kernel and simulated exchange, driven by hand-built prices: what the tests of every strategy
 * run on. Records orders, fills, deals and activity in order.
 */
public final class Harness implements KernelListener {
    public static final Instrument BTC = SimMarkets.find("BTC/USDT").orElseThrow().instrument();
    public static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    public final List<OrderSnapshot> orders = new ArrayList<>();
    public final List<Fill> fills = new ArrayList<>();
    public final List<Deal> deals = new ArrayList<>();
    public final List<String> activity = new ArrayList<>();
    public final List<String> stops = new ArrayList<>();
    public final SimExchange sim;
    /** The port the kernel talks to: {@link #sim}, with faults on demand. */
    public final FaultyExchange exchange;
    public final BotKernel kernel;
    public final Strategy strategy;

    public Harness(Strategy strategy, Instrument instrument, Map<String, BigDecimal> balances) {
        this(strategy, instrument, balances, KernelState.EMPTY);
    }

    /** A bot restarted from its journal: {@code balances} must already reflect the journaled fills. */
    public Harness(Strategy strategy, Instrument instrument, Map<String, BigDecimal> balances, KernelState state) {
        this(strategy, instrument, balances, state, SimFillModel.DEFAULT);
    }

    /** With another fill model, e.g. volume-limited to get partial fills. Matches on ticks, as paper trading does. */
    public Harness(Strategy strategy, Instrument instrument, Map<String, BigDecimal> balances, KernelState state,
                   SimFillModel model) {
        this(strategy, instrument, balances, state, model, MatchingData.TICKS);
    }

    /** {@code matchOn} CANDLES replays candles through the exchange, as a backtest on candle files does. */
    public Harness(Strategy strategy, Instrument instrument, Map<String, BigDecimal> balances, KernelState state,
                   SimFillModel model, MatchingData matchOn) {
        this.strategy = strategy;
        this.sim = new SimExchange(instrument, model, balances);
        this.exchange = new FaultyExchange(sim);
        this.kernel = BotKernel.builder("b1", instrument, strategy).exchange(exchange::connect).matchOn(matchOn)
                .listener(this).state(state).build();
    }

    /** A validated config of {@code definition} (fails the test with the violations if invalid). */
    public static StrategyConfig config(StrategyDefinition definition, Map<String, ?> raw) {
        StrategyDefinition.Validation v = definition.validate(raw);
        if (!v.valid()) throw new AssertionError("invalid config: " + v.violations());
        return v.config();
    }

    /** Matches on ticks (paper trading): candles only feed the strategy. */
    public static Harness of(StrategyDefinition definition, StrategyFactory factory, Map<String, ?> raw) {
        return new Harness(factory.create(config(definition, raw), BTC), BTC, usdt("100000"));
    }

    /** Matches on candles: for strategies tested on candles alone, as in a backtest. */
    public static Harness onCandles(StrategyDefinition definition, StrategyFactory factory, Map<String, ?> raw) {
        return new Harness(factory.create(config(definition, raw), BTC), BTC, usdt("100000"), KernelState.EMPTY,
                SimFillModel.DEFAULT, MatchingData.CANDLES);
    }

    public static Map<String, BigDecimal> usdt(String amount) {
        Map<String, BigDecimal> m = new LinkedHashMap<>();
        m.put("USDT", new BigDecimal(amount));
        m.put("BTC", BigDecimal.ZERO);
        return m;
    }

    public Harness start() {
        kernel.start(T0);
        return this;
    }

    /** Starts at T0 with this history (1m candles before T0, oldest first) for the strategy's warm-up. */
    public Harness start(List<Candle> history) {
        kernel.start(T0, history);
        return this;
    }

    public Harness tick(long second, double price) {
        return tick(second, price, 1000);
    }

    public Harness tick(long second, double price, double volume) {
        kernel.onTick(new Tick("sim", BTC.symbol(), T0.plusSeconds(second).toEpochMilli(), price, volume));
        return this;
    }

    /** A flat 1m candle at {@code close} (open = high = low = close) with index {@code minute}. */
    public Harness close(long minute, double close) {
        return candle(minute, close, close, close, close);
    }

    public Harness candle(long minute, double open, double high, double low, double close) {
        kernel.onCandle(new Candle("sim", BTC.symbol(), Timeframe.M1, T0.plusSeconds(60 * minute).toEpochMilli(),
                open, high, low, close, 1000));
        return this;
    }

    /** Feeds closes as consecutive 1m candles starting at minute {@code from}; returns the next minute. */
    public long closes(long from, double... closes) {
        for (double c : closes) close(from++, c);
        return from;
    }

    /** Delivers the reports the exchange held back, as a live exchange's arrive: between trades, via the mailbox. */
    public Harness deliverHeld() {
        exchange.release().forEach(kernel::onOrderEvent);
        return this;
    }

    public BigDecimal position() { return kernel.position().quantity(); }

    public List<OrderSnapshot> open() { return kernel.openOrders(); }

    public List<Fill> fills(OrderSide side) { return fills.stream().filter(f -> f.side() == side).toList(); }

    /** Latest snapshot of each order, in first-seen order. */
    public List<OrderSnapshot> latestOrders() {
        Map<String, OrderSnapshot> latest = new LinkedHashMap<>();
        for (OrderSnapshot o : orders) latest.put(o.clientOrderId(), o);
        return new ArrayList<>(latest.values());
    }

    @Override public void onActivity(ActivityEntry entry) { activity.add(entry.level() + " " + entry.message()); }

    @Override public void onOrderUpdated(OrderSnapshot order, OrderEvent event) { orders.add(order); }

    @Override public void onFill(Fill fill, PositionSnapshot position) { fills.add(fill); }

    @Override public void onDealCompleted(Deal deal) { deals.add(deal); }

    @Override public void onStopped(String reason, boolean error) { stops.add((error ? "error: " : "") + reason); }
}
