package dev.botfleet.server.runtime;

import dev.botfleet.engine.strategy.ExternalSignal;
import dev.botfleet.engine.strategy.WarmupProgress;

import java.util.Optional;
import java.util.UUID;

/**
 * Where bots run when the server is one node of a cluster (docs/cluster.md): the runtime hands starts, stops and
 * reconfigurations to it instead of acting locally, and the placement calls the runtime back on the node that owns the
 * bot ({@link TradingRuntime#launchFenced}, {@link TradingRuntime#stopLocal}, {@link TradingRuntime#reconfigureLocal},
 * {@link TradingRuntime#abandon}). Without a cluster there is no placement bean and the runtime runs every bot itself.
 * Calls come after the transaction that changed the bot committed.
 *
 * <p>Commands and reads that need the running bot itself reach it on its owner node through the placement when it
 * does not run here (the {@code ...Here} methods of the runtime answer them there). Each waits a bounded time and throws
 * {@link dev.botfleet.server.common.ApiException.BotNodeUnavailable} (503) when the owner does not answer.
 */
public interface BotPlacement {
    void start(UUID ownerId, UUID botId);

    void stop(UUID ownerId, UUID botId, String reason);

    void reconfigure(UUID ownerId, UUID botId);

    /** The bot's session on this node ended by itself or by a stop: its entity need not run any more. */
    void ended(UUID ownerId, UUID botId);

    /** Manual cancel in the running bot, wherever it runs: false if it has no such open order; 409 if it runs nowhere. */
    boolean cancel(UUID botId, String clientOrderId);

    /** Queues a webhook signal in the running bot, wherever it runs; false if it runs nowhere. */
    boolean signal(UUID botId, ExternalSignal signal);

    /** True if the bot runs on some node. */
    boolean isRunning(UUID botId);

    /** The warm-up of the running bot, wherever it runs; empty when it runs nowhere, needs none, or did not answer. */
    Optional<WarmupProgress> warmup(UUID botId);

    /** Returns once the bot's stopping session, wherever it is, has finished its last turn (see BotRuntime). */
    void awaitStopped(UUID botId);

    /**
     * May this node still send orders under {@code fence}, judged by its own monotonic clock since the lease was last
     * confirmed (no database round trip: asked before every order and cancel leaves for the exchange)?
     */
    boolean fresh(dev.botfleet.server.order.LeaseFence fence);
}
