package dev.botfleet.server.bot;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Turns stored bots into API answers with what only the runtime knows (the warm-up of a running bot). The runtime is
 * looked up lazily: it publishes to the event stream, which answers bots with this, so a direct reference would be a
 * cycle.
 */
@Component
public class BotViews {
    private final ObjectProvider<BotRuntime> runtime;
    private final dev.botfleet.server.signal.SignalTokens signalTokens;

    public BotViews(ObjectProvider<BotRuntime> runtime, dev.botfleet.server.signal.SignalTokens signalTokens) {
        this.runtime = runtime;
        this.signalTokens = signalTokens;
    }

    public BotResponse of(Bot bot) {
        BotRuntime r = runtime.getIfAvailable();
        return BotResponse.of(bot, r == null ? null : r.warmup(bot.id()).orElse(null), signalTokens.view(bot));
    }
}
