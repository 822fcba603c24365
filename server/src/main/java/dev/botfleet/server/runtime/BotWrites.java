package dev.botfleet.server.runtime;

import dev.botfleet.server.common.CommitLane;

import java.util.UUID;

/** Where a running bot's turn queues a row about what it just did, so it is stored with or after the bot's writes. */
public interface BotWrites {

    /**
     * The running bot's write-behind, or null when it does not run here or waits for its writes: a row its turn writes
     * about an order it just placed goes there, so it is never stored before that order (one queue, whole batches).
     */
    CommitLane.Backlog writesBehind(UUID botId);
}
