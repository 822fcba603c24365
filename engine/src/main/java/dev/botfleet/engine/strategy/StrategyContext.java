package dev.botfleet.engine.strategy;

import dev.botfleet.engine.exchange.Balance;
import dev.botfleet.engine.market.Instrument;
import dev.botfleet.engine.order.OrderRequest;
import dev.botfleet.engine.order.OrderSnapshot;
import dev.botfleet.engine.position.PositionSnapshot;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What a strategy can see and do. Only valid inside a callback of its own bot. */
public interface StrategyContext {

    String botId();

    /** The market this bot trades, with tick size, lot size and fees. */
    Instrument instrument();

    /** Time of the event being handled (from the market data or exchange, never a wall clock). */
    Instant now();

    /** Last traded price seen by this bot, or {@code Double.NaN} before the first tick. */
    double lastPrice();

    /**
     * Submits an order: risk checks, journal, exchange. Never throws for a refused order: the returned snapshot is
     * DENIED (with the reason) or SUBMITTED; later events arrive through the strategy callbacks.
     */
    OrderSnapshot submit(OrderRequest request);

    /** Requests a cancel. Returns false if the order is unknown or no longer open. Cancels are never denied. */
    boolean cancel(String clientOrderId);

    void cancelAll();

    /** This bot's working orders, oldest first. */
    List<OrderSnapshot> openOrders();

    /** Signed base quantity held by this bot (fast path of {@link #position()}). */
    BigDecimal positionQuantity();

    PositionSnapshot position();

    Optional<Balance> balance(String asset);

    /** Adds a line to the activity log. */
    void log(ActivityLevel level, String message);

    /** Calls {@link Strategy#onTimer} with {@code name} at {@code at}; replaces a timer of the same name. */
    void scheduleTimer(String name, Instant at);

    void cancelTimer(String name);

    /** The strategy has finished its work (e.g. one round trip without loop): the bot stops after this turn. */
    void done(String reason);
}
