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
}
