package dev.botfleet.engine.runtime;

import dev.botfleet.engine.market.Tick;

/**
 * Told on the bot's turn, right after the kernel handled a tick (matching, timers and the strategy's decision are
 * done). On the hot path: implementations must not allocate, block or throw.
 */
@FunctionalInterface
public interface TickObserver {
    void handled(Tick tick);

    /** {@code bots} bots decided on {@code tick} now without a turn: it was quiet for each of them. */
    default void handled(Tick tick, int bots) {
        for (int i = 0; i < bots; i++) handled(tick);
    }

    TickObserver NONE = tick -> { };
}
