package dev.botfleet.server.bot;

import java.util.Map;

/** Body of POST and PUT /bots. Strings (not enums) so that a wrong value gets our message naming the field. */
public record BotRequest(String name, String exchange, String symbol, String strategy, String mode,
                         Map<String, Object> config) {
}
