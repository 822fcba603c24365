package dev.botfleet.engine.kernel;

import dev.botfleet.engine.strategy.ActivityLevel;
import dev.botfleet.engine.position.FundingPayment;
import dev.botfleet.engine.order.Fill;
import dev.botfleet.engine.order.OrderEvent;
import dev.botfleet.engine.order.OrderSnapshot;
import dev.botfleet.engine.position.Deal;
import dev.botfleet.engine.position.PositionSnapshot;

/**
 * What a kernel tells the outside world: activity lines, order updates, fills, completed deals, and that the bot
 * stopped. Called synchronously on the bot's thread after the journal; keep it quick (hand off to a queue).
 */
public interface KernelListener {

    default void onActivity(ActivityEntry entry) {
    }

    /**
     * False if this listener drops activity lines of {@code level}: the kernel then does not build the routine ones
     * (order placed, filled, deal closed), which a backtest of thousands of orders would format only to discard.
     */
    default boolean wantsActivity(ActivityLevel level) {
        return true;
    }

    default void onOrderUpdated(OrderSnapshot order, OrderEvent event) {
    }

    /** A fill was booked; {@code position} is the position after it, null if {@link #wantsPositionOnFill} is false. */
    default void onFill(Fill fill, PositionSnapshot position) {
    }

    /**
     * False if {@link #onFill} does not read its position: the kernel then passes null rather than build a snapshot
     * (average entry, unrealized PnL at the last price) per fill, which a backtest of thousands of fills would discard.
     */
    default boolean wantsPositionOnFill() {
        return true;
    }

    /** A perpetual's funding settlement was booked; {@code position} already includes it. */
    default void onFunding(FundingPayment payment, PositionSnapshot position) {
    }

    /** A round trip completed: update the bot's pnl, totalTrades and lastFillTime from it. */
    default void onDealCompleted(Deal deal) {
    }

    /**
     * The bot stopped: by command, because the strategy said it is done, or because of an error ({@code error} true:
     * the bot's status becomes ERROR with {@code reason}).
     */
    default void onStopped(String reason, boolean error) {
    }

    /** The strategy's warm-up moved on (a candle counted); {@code progress.ready()} once it has all it needs. */
    default void onWarmup(dev.botfleet.engine.strategy.WarmupProgress progress) {
    }

    KernelListener NONE = new KernelListener() {
    };
}
