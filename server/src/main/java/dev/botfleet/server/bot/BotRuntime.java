package dev.botfleet.server.bot;

/**
 * Where bots actually run. {@link BotService} calls it inside the transaction that changes a bot's status: an
 * exception aborts the change (the bot keeps its old status and no log entry is written). The trading runtime
 * provides its own bean; until then {@link IdleBotRuntime} only accepts the commands.
 */
public interface BotRuntime {
    /** The bot is about to become ACTIVE. */
    void start(Bot bot);

    /** The bot is about to become STOPPED; {@code reason} is for logs ("stopped by user", "stop-all"). */
    void stop(Bot bot, String reason);
}
