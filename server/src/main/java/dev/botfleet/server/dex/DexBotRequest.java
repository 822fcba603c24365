package dev.botfleet.server.dex;

import java.util.Map;

/**
 * Body of POST /dex/bots: a paper bot on a token pair of a configured network. Numbers as Objects so that a wrong type
 * gets our message naming the field.
 *
 * @param baseToken   the ERC-20 the bot buys and sells (address)
 * @param quoteToken  the ERC-20 it pays with and counts PnL in (address)
 * @param slippageBps how far from the last price a fill may be, in basis points (0 to 5000; default: the intelligence
 *                    level's tolerance from the slider table)
 * @param intelLevel  the intelligence level 1-10 stored for each session (default 5)
 * @param mode        PAPER (default) or LIVE (docs/dex-live.md)
 * @param walletKeyId for LIVE: the id of one of the caller's stored wallets (/api/v1/wallet-keys) the bot signs with
 */
public record DexBotRequest(String name, String network, String baseToken, String quoteToken, String strategy,
                            Map<String, Object> config, Object slippageBps, Object intelLevel, String mode,
                            String walletKeyId) {
    static final int DEFAULT_SLIPPAGE_BPS = 100;
    static final int DEFAULT_INTEL_LEVEL = 5;
}
