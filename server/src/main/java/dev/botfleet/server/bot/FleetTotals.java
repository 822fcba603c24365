package dev.botfleet.server.bot;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/**
 * Adds an owner's bots up into a {@link BotRepository.Summary}: counts by status, pnl and trades, and pnl per quote
 * asset of the bots' symbols. The one rule for the database's groups and the bot directory's bots alike.
 */
final class FleetTotals {
    private long total;
    private long active;
    private long stopped;
    private long errors;
    private long trades;
    private BigDecimal pnl = BigDecimal.ZERO;
    private final Map<String, BigDecimal> byQuote = new TreeMap<>();

    /** {@code bots} bots of one symbol and status, with their pnl and trades added up. */
    void add(String symbol, BotStatus status, long bots, BigDecimal pnl, long trades) {
        total += bots;
        if (status == BotStatus.ACTIVE) active += bots;
        if (status == BotStatus.STOPPED) stopped += bots;
        if (status == BotStatus.ERROR) errors += bots;
        this.pnl = this.pnl.add(pnl);
        this.trades += trades;
        byQuote.merge(Bot.quoteAssetOf(symbol), pnl, BigDecimal::add);
    }

    BotRepository.Summary summary() {
        return new BotRepository.Summary(total, active, stopped, errors, pnl, trades, byQuote);
    }
}
