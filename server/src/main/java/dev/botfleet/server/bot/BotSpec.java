package dev.botfleet.server.bot;

import java.util.Map;
import java.util.UUID;

/** What a user asked for, after validation and resolution against the strategy definition and the instrument. */
/** @param credentialId the key a LIVE bot trades with; null for PAPER */
public record BotSpec(String name, String exchange, String symbol, String strategy, BotMode mode, Map<String, Object> config,
                      UUID credentialId) {
}
