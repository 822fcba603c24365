package dev.botfleet.engine.strategy;

import dev.botfleet.engine.market.Candle;
import dev.botfleet.engine.market.QuietBand;
import dev.botfleet.engine.market.Tick;
import dev.botfleet.engine.order.Fill;
import dev.botfleet.engine.order.OrderEvent;
import dev.botfleet.engine.order.OrderSnapshot;
import dev.botfleet.engine.position.DealPolicy;

/**
 * Code that reacts to market data and order events by submitting and canceling orders. The same instance runs in a
 * backtest, on paper and live; only the events differ. Every callback runs on the bot's single writer, one at a time,
 * so a strategy keeps plain fields and needs no locks.
 *
 * <p>Order of events for one market datum: resting orders are matched first (their fills arrive via
 * {@link #onFill}), then {@link #onTick} / {@link #onCandle}. Events caused by an order the strategy just submitted
 * arrive after the current callback returns, within the same turn.
 */
public interface Strategy {

    /**
     * The bot starts, or restarts after a crash. On a restart the context already holds the restored position and
     * open orders: derive where you are from them rather than placing orders again.
     */
    default void onStart(StrategyContext ctx) {
    }

    default void onTick(StrategyContext ctx, Tick tick) {
    }

    /**
     * The ticks this strategy would do nothing on, in its state now: narrow {@code band} to them (called at the end of
     * each of the bot's turns; must not allocate or submit). A tick inside the band may then not be handed to
     * {@link #onTick} at all; the last one is, before the next event — so only a strategy whose {@code onTick} changes
     * nothing but what the last tick also sets may narrow. A candle inside the band is skipped the same way unless the
     * strategy calls {@link QuietBand#candlesMatter}: one whose {@link #onCandle} does more than a tick at the candle's
     * close would (feeds an indicator, aggregates candles, decides at a close) must call it. The default says every
     * tick and candle matters.
     */
    default void quietBand(StrategyContext ctx, QuietBand band) {
        band.none();
    }

    /** A completed candle (called at its close time). */
    default void onCandle(StrategyContext ctx, Candle candle) {
    }

    /**
     * The history this strategy needs before its first decision (see {@link Warmup}); asked once, when the kernel
     * is built. The default needs none.
     */
    default Warmup warmup() {
        return Warmup.NONE;
    }

    /**
     * A completed candle from before the bot started, oldest first, handed over before {@link #onStart}: feed your
     * indicators, never trade — the market has moved on (an order placed here is refused and fails the bot).
     */
    default void onHistory(StrategyContext ctx, Candle candle) {
    }

    /** Any order event except fills: accepted, canceled, rejected, denied, expired, ... */
    default void onOrderUpdate(StrategyContext ctx, OrderSnapshot order, OrderEvent event) {
    }

    /** A fill of one of this bot's orders, already applied to the position; {@code order} is after the fill. */
    default void onFill(StrategyContext ctx, OrderSnapshot order, Fill fill) {
    }

    /** A timer set with {@link StrategyContext#scheduleTimer} is due. */
    default void onTimer(StrategyContext ctx, String name) {
    }

    /**
     * Something about to happen to the bot's market (a {@link MarketAlert}: on a DEX, a pending liquidity removal or
     * a large swap seen in the mempool), on the bot's turn like every other event. Alerts are not journaled (a pending
     * transaction seen before a crash may be long mined after it); the orders a strategy sends on one are. None of
     * them comes in a backtest. Ignored by default.
     */
    default void onMarketAlert(StrategyContext ctx, dev.botfleet.engine.market.MarketAlert alert) {
    }

    /** The bot stops. Open orders are canceled by the kernel after this returns. */
    default void onStop(StrategyContext ctx) {
    }

    /**
     * How this strategy's fills form deals; asked once, when the kernel is built. The default counts a deal each
     * time the position returns to zero; a strategy that always holds inventory (a grid) wants
     * {@link DealPolicy#PER_LOT}.
     */
    default DealPolicy dealPolicy() {
        return DealPolicy.FLAT_POSITION;
    }
}
