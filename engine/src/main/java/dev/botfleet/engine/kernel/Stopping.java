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
