package dev.botfleet.server.runtime;

import dev.botfleet.engine.exchange.ExchangeConnector;
import dev.botfleet.engine.market.Instrument;
import dev.botfleet.engine.order.Fill;
import dev.botfleet.server.bot.Bot;

import java.util.List;

/**
 * A kind of market whose paper bots do not trade on the simulated exchange but through a port of their own (DEX
 * markets: paper swaps on live pools, package {@code server.dex}). The runtime asks each one whether it handles a
 * bot's exchange.
 */
public interface PaperVenue {
    boolean handles(String exchange);

    /**
     * Opens what a paper bot on this venue needs: its exchange port (balances rebuilt from {@code fills}) and its
     * market feed.
     *
     * @return the connector for the kernel, and what to release when the bot's run ends
     */
    Opened open(Bot bot, Instrument instrument, List<Fill> fills);

    /** The paper account of a bot that is not running, rebuilt from its journaled fills; assets in the order asked. */
    List<dev.botfleet.engine.exchange.Balance> balances(Bot bot, List<String> assets, List<Fill> fills);

    record Opened(ExchangeConnector connector, Runnable release) {
    }
}
