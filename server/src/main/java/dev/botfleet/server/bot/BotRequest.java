package dev.botfleet.server.bot;

import java.util.Map;

/** Body of POST and PUT /bots. Strings (not enums) so that a wrong value gets our message naming the field. */
/**
 * @param credentialId the stored key a LIVE bot trades with (required for LIVE, ignored for PAPER)
 * @param leverage a perpetual's leverage (a decimal, as text or number; default 1); refused on spot unless 1
 * @param marginMode a perpetual's margin mode, ISOLATED (default) or CROSS
 */
public record BotRequest(String name, String exchange, String symbol, String strategy, String mode,
                         Map<String, Object> config, String credentialId, Object leverage, String marginMode) {
    public BotRequest(String name, String exchange, String symbol, String strategy, String mode,
                      Map<String, Object> config) {
        this(name, exchange, symbol, strategy, mode, config, null);
    }

    public BotRequest(String name, String exchange, String symbol, String strategy, String mode,
                      Map<String, Object> config, String credentialId) {
        this(name, exchange, symbol, strategy, mode, config, credentialId, null, null);
    }
}
