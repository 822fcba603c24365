package dev.botfleet.engine.kernel;

import dev.botfleet.engine.strategy.ActivityLevel;
import dev.botfleet.engine.strategy.ExternalSignal;
import dev.botfleet.engine.strategy.Reconfigurable;
import dev.botfleet.engine.strategy.SignalReceiver;
import dev.botfleet.engine.strategy.definition.StrategyConfig;

/**
 * Inputs that come to a running bot from outside its market and its exchange — a new config (hot reload) and a signal
 * from a webhook — handed to the strategy if it takes them. Called by {@link BotKernel} inside its turn.
 */
final class ExternalInputs {
    private ExternalInputs() {
    }

    /**
     * A {@link Reconfigurable} strategy applies the config now, keeping its position, open orders and deal; any other
     * strategy keeps its config until the next start.
     */
    static void reconfigure(BotKernel kernel, StrategyConfig config) {
        if (!(kernel.strategy instanceof Reconfigurable r)) {
            kernel.activity(ActivityLevel.WARNING, "This strategy cannot change its parameters while running; the new "
                    + "configuration applies from the next start");
            return;
        }
        try {
            r.reconfigure(kernel.context, config);
            kernel.activity(ActivityLevel.INFO, "New configuration applied");
        } catch (RuntimeException e) {
            kernel.fail(e);
        }
    }

    /**
     * Not journaled: the orders a signal causes are, and the server keeps each signal id once, so nothing is replayed.
     */
    static void signal(BotKernel kernel, ExternalSignal signal, boolean running) {
        if (!(kernel.strategy instanceof SignalReceiver receiver)) {
            kernel.activity(ActivityLevel.WARNING, "Signal " + signal.label() + " ignored: this strategy does not take signals");
        } else if (!running) {
            kernel.activity(ActivityLevel.WARNING, "Signal " + signal.label() + " ignored: the bot is not running");
        } else {
            try {
                receiver.onSignal(kernel.context, signal);
            } catch (RuntimeException e) {
                kernel.fail(e);
            }
        }
    }

    /**
     * Not journaled, like a signal: an alert is about a moment (a pending transaction seen before a crash may be mined
     * or gone after it, so replaying it would be wrong); the orders it causes are journaled.
     */
    static void alert(BotKernel kernel, dev.botfleet.engine.market.MarketAlert alert) {
        try {
            kernel.strategy.onMarketAlert(kernel.context, alert);
        } catch (RuntimeException e) {
            kernel.fail(e);
        }
    }
}
