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
        // only an ACTIVE bot warms up (in a cluster, asking costs a round trip to the bot's node)
        boolean asks = r != null && bot.status() == BotStatus.ACTIVE;
        return BotResponse.of(bot, asks ? r.warmup(bot.id()).orElse(null) : null, signalTokens.view(bot));
    }
}
