package dev.botfleet.server.bot;

import dev.botfleet.engine.market.MarginSettings;
import java.util.Map;
import java.util.UUID;

/** What a user asked for, after validation and resolution against the strategy definition and the instrument. */
/**
 * @param credentialId the key a LIVE bot trades with; null for PAPER
 * @param margin leverage and margin mode on a perpetual; null on spot
 */
public record BotSpec(String name, String exchange, String symbol, String strategy, BotMode mode, Map<String, Object> config,
                      UUID credentialId, MarginSettings margin) {
}
