package dev.botfleet.server.bot;

import java.util.Map;

/** What a user asked for, after validation and resolution against the strategy definition and the instrument. */
public record BotSpec(String name, String exchange, String symbol, String strategy, BotMode mode, Map<String, Object> config) {
}
