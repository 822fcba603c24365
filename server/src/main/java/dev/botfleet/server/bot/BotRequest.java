package dev.botfleet.server.bot;

import java.util.Map;

/** Body of POST and PUT /bots. Strings (not enums) so that a wrong value gets our message naming the field. */
/** @param credentialId the stored key a LIVE bot trades with (required for LIVE, ignored for PAPER) */
public record BotRequest(String name, String exchange, String symbol, String strategy, String mode,
                         Map<String, Object> config, String credentialId) {
    public BotRequest(String name, String exchange, String symbol, String strategy, String mode,
                      Map<String, Object> config) {
        this(name, exchange, symbol, strategy, mode, config, null);
    }
}
