package dev.botfleet.server.bot;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Stands in until the trading runtime exists: statuses change and are logged, no orders are placed. */
public class IdleBotRuntime implements BotRuntime {
    private static final Logger log = LoggerFactory.getLogger(IdleBotRuntime.class);

    @Override
    public void start(Bot bot) {
        log.debug("Bot {} marked ACTIVE; no trading runtime is installed", bot.id());
    }

    @Override
    public void stop(Bot bot, String reason) {
        log.debug("Bot {} marked STOPPED ({})", bot.id(), reason);
    }
}
