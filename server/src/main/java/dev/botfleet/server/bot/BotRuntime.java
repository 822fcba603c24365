package dev.botfleet.server.bot;

/**
 * Where bots actually run. {@link BotService} calls it inside the transaction that changes a bot's status: an
 * exception aborts the change (the bot keeps its old status and no log entry is written). Implemented by the
 * trading runtime ({@code dev.botfleet.server.runtime.TradingRuntime}); the interface keeps {@code bot} free of it.
 */
public interface BotRuntime {
    /** The bot is about to become ACTIVE. */
    void start(Bot bot);

    /** The bot is about to become STOPPED; {@code reason} is for logs ("stopped by user", "stop-all"). */
    void stop(Bot bot, String reason);

    /**
     * Returns once the bot has no session still finishing after a stop (its last writes are journaled), or at once if
     * it has none. Called outside any transaction, before the bot's rows are deleted.
     */
    void awaitStopped(java.util.UUID botId);

    /**
     * The bot's stored config changed while it runs: once the transaction commits, its running strategy gets it at its
     * next turn (a bot that stopped meanwhile runs it from its next start).
     */
    void reconfigure(Bot bot);

    /** How far a running bot's strategy has warmed up; empty when it is not running or needs no history. */
    java.util.Optional<dev.botfleet.engine.strategy.WarmupProgress> warmup(java.util.UUID botId);
}
