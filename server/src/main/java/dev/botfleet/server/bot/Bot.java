package dev.botfleet.server.bot;

import dev.botfleet.engine.market.MarginSettings;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A configured, owned, start/stoppable runner of one strategy on one symbol.
 *
 * @param config the validated, normalized strategy config (decimals as exact strings rounded to the instrument)
 * @param statusReason why the bot is in ERROR (null otherwise)
 * @param credentialId the stored key a LIVE bot trades with; null for PAPER
 * @param margin leverage and margin mode on a perpetual; null on spot
 */
public record Bot(UUID id, UUID ownerId, String name, String exchange, String symbol, String strategy, BotMode mode,
                  BotStatus status, String statusReason, Map<String, Object> config, BigDecimal pnl, long totalTrades,
                  Instant lastFillTime, Instant createdAt, Instant updatedAt, UUID credentialId,
                  MarginSettings margin) {
    /** The asset the bot's prices, pnl and quote fees are in: "BTC/USDT" -> USDT. */
    public String quoteAsset() {
        return quoteAssetOf(symbol);
    }

    /** The quote asset of a symbol as our API spells it (base/quote). */
    public static String quoteAssetOf(String symbol) {
        return symbol.substring(symbol.indexOf('/') + 1);
    }
}
