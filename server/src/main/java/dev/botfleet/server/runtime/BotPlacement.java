package dev.botfleet.server.runtime;

import java.util.UUID;

/**
 * Where bots run when the server is one node of a cluster (docs/cluster.md): the runtime hands starts, stops and
 * reconfigurations to it instead of acting locally, and the placement calls the runtime back on the node that owns the
 * bot ({@link TradingRuntime#launchFenced}, {@link TradingRuntime#stopLocal}, {@link TradingRuntime#reconfigureLocal},
 * {@link TradingRuntime#abandon}). Without a cluster there is no placement bean and the runtime runs every bot itself.
 * Calls come after the transaction that changed the bot committed.
 */
public interface BotPlacement {
    void start(UUID ownerId, UUID botId);

    void stop(UUID ownerId, UUID botId, String reason);

    void reconfigure(UUID ownerId, UUID botId);

    /** The bot's session on this node ended by itself or by a stop: its entity need not run any more. */
    void ended(UUID ownerId, UUID botId);
}
