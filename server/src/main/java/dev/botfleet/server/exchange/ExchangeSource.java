package dev.botfleet.server.exchange;

import java.util.List;

/**
 * More exchanges for the catalog, provided by a feature outside this package (the DEX markets: {@code dex:<network>}
 * with the token pairs users registered). Asked on every lookup, so it answers from memory.
 */
public interface ExchangeSource {
    List<Exchange> exchanges();
}
