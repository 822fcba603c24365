package dev.botfleet.server.runtime;

import dev.botfleet.engine.market.Instrument;
import dev.botfleet.engine.order.Fill;
import dev.botfleet.server.bot.Bot;

import java.util.List;

/**
 * A kind of market whose LIVE bots trade through a port of their own rather than an exchange adapter with an API key
 * (DEX markets: swaps signed with the owner's wallet, package {@code server.dex}). The runtime asks each one whether
 * it handles a LIVE bot's exchange.
 */
public interface LiveVenue {
    boolean handlesLive(String exchange);

    /**
     * Opens what a LIVE bot on this venue needs: its exchange port and its market feed. Throws, with a reason the
     * user can act on, when the bot cannot trade (its wallet is gone): the bot then stops in ERROR with it.
     */
    PaperVenue.Opened openLive(Bot bot, Instrument instrument, List<Fill> fills);
}
