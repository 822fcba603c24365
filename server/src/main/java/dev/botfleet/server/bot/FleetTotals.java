package dev.botfleet.server.bot;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Adds an owner's bots up into a {@link BotRepository.Summary}: counts by status, pnl and trades, and pnl per quote
 * asset of the bots' symbols. The one rule for the database's groups and the bot directory's bots alike; the directory
 * keeps its totals as bots change, so it also takes bots away ({@link #remove}). Sums of decimals are exact either way.
 */
final class FleetTotals {
    private long total;
    private long active;
    private long stopped;
    private long errors;
    private long trades;
    private BigDecimal pnl = BigDecimal.ZERO;
    private final Map<String, BigDecimal> byQuote = new TreeMap<>();
    /** Bots per quote asset: a quote no bot trades any more leaves {@link #byQuote}, as it would from a fresh sum. */
    private final Map<String, Long> botsByQuote = new HashMap<>();

    /** {@code bots} bots of one symbol and status, with their pnl and trades added up. */
    void add(String symbol, BotStatus status, long bots, BigDecimal pnl, long trades) {
        total += bots;
        if (status == BotStatus.ACTIVE) active += bots;
        if (status == BotStatus.STOPPED) stopped += bots;
        if (status == BotStatus.ERROR) errors += bots;
        this.pnl = this.pnl.add(pnl);
        this.trades += trades;
        String quote = Bot.quoteAssetOf(symbol);
        if (botsByQuote.merge(quote, bots, Long::sum) == 0) {
            botsByQuote.remove(quote);
            byQuote.remove(quote);
        } else {
            byQuote.merge(quote, pnl, BigDecimal::add);
        }
    }

    void add(Bot bot) {
        add(bot.symbol(), bot.status(), 1, bot.pnl(), bot.totalTrades());
    }

    /** Takes away a bot {@link #add(Bot) added} before. */
    void remove(Bot bot) {
        add(bot.symbol(), bot.status(), -1, bot.pnl().negate(), -bot.totalTrades());
    }

    BotRepository.Summary summary() {
        return new BotRepository.Summary(total, active, stopped, errors, pnl, trades,
                Collections.unmodifiableMap(new TreeMap<>(byQuote)));
    }
}
