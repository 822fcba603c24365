package dev.botfleet.engine.kernel;

import dev.botfleet.engine.strategy.ActivityLevel;

import java.util.ArrayList;

/**
 * How a running bot stops, inside its turn: the strategy's {@code onStop}, then (unless the builder said otherwise)
 * every open order canceled, the events that causes handled, and the listener told. Called by {@link BotKernel} for a
 * requested stop, a strategy that finished, and a failure.
 */
final class Stopping {
    private Stopping() {
    }

    /**
     * A stop that was decided (the bot is already STOPPED) but whose last turn never ran: the process died, or in a
     * cluster the bot's shard moved, between the user's stop and the bot's turn. The bot, rebuilt from its journal,
     * brings its in-flight orders in line with the exchange — sending none that was never placed, since a stopped bot
     * places nothing — and cancels what is still open. The strategy is not run (neither started nor told of the stop).
     */
    static void finish(BotKernel k, java.time.Instant now, String reason) {
        k.advanceClock(now.toEpochMilli());
        k.running = true;
        k.activity(ActivityLevel.INFO, "Finishing the stop on " + k.instrument.exchange() + " " + k.instrument.symbol()
                + ": " + k.openOrders.size() + " order(s) left in flight");
        Reconciliation.run(k, true);
        k.drain();
        now(k, reason, false);
    }

    static void now(BotKernel k, String reason, boolean error) {
        if (!k.running) return;
        if (k.started) {
            try {
                k.strategy.onStop(k.context);
            } catch (RuntimeException e) {
                k.activity(ActivityLevel.ERROR, "Strategy failed while stopping: " + e);
            }
        }
        k.running = false;
        if (k.cancelOrdersOnStop) {
            for (String id : new ArrayList<>(k.openOrders.keySet())) k.requestCancel(id);
        }
        k.drain();
        k.activity(error ? ActivityLevel.ERROR : ActivityLevel.INFO, "Bot stopped: " + reason);
        k.listener.onStopped(reason, error);
    }
}
