package dev.botfleet.server.bot;

import dev.botfleet.server.common.LazyBean;
import dev.botfleet.server.signal.SignalTokens;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Turns stored bots into API answers with what only the runtime knows (the warm-up of a running bot). The runtime is
 * looked up lazily: it publishes to the event stream, which answers bots with this, so a direct reference would be a
 * cycle.
 */
@Component
public class BotViews {
    private final LazyBean<BotRuntime> runtime;
    private final SignalTokens signalTokens;

    public BotViews(ObjectProvider<BotRuntime> runtime, SignalTokens signalTokens) {
        this.runtime = new LazyBean<>(runtime);
        this.signalTokens = signalTokens;
    }

    public BotResponse of(Bot bot) {
        BotRuntime r = runtime.getIfAvailable();
        // only an ACTIVE bot warms up (in a cluster, asking costs a round trip to the bot's node)
        boolean asks = r != null && bot.status() == BotStatus.ACTIVE;
        // asked only for a bot that has a webhook: the repository's proxy costs each call, paid per bot listed
        return BotResponse.of(bot, asks ? r.warmup(bot.id()).orElse(null) : null,
                SignalTokens.hasWebhook(bot) ? signalTokens.view(bot) : null);
    }
}
