package dev.botfleet.engine.runtime;

import dev.botfleet.engine.market.Tick;

/**
 * Told on the bot's turn, right after the kernel handled a tick (matching, timers and the strategy's decision are
 * done). On the hot path: implementations must not allocate, block or throw.
 */
@FunctionalInterface
public interface TickObserver {
    void handled(Tick tick);

    TickObserver NONE = tick -> { };
}
