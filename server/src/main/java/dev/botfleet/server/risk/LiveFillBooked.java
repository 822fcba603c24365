package dev.botfleet.server.risk;

import java.util.UUID;

/**
 * A LIVE bot's fill was journaled (published by the runtime on the bot's turn, after the fill's transaction
 * committed): the owner's daily loss in {@code quoteAsset} may have reached its limit.
 */
public record LiveFillBooked(UUID ownerId, UUID botId, String quoteAsset) {
}
