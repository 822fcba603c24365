package dev.botfleet.server.dex;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.math.BigDecimal;

/**
 * {@code botfleet.dex.mempool.*}: what a DEX bot does with pending transactions on its pools (docs/dex-mempool.md).
 *
 * @param logShare              a pending swap of at least this share of the pool's reserve, or a liquidity change of at
 *                              least this share of its liquidity, gets a line in the bot's activity log (default 0.01
 *                              = 1 %); smaller ones only go to the event stream and the recent list
 * @param refuseBuyRemovalShare a buy is refused while a pending liquidity removal of at least this share of one of the
 *                              market's pools is in the mempool (default 0.10 = 10 %)
 * @param recentEvents          how many recent events per bot {@code GET /bots/{id}/mempool} keeps (default 50)
 */
@ConfigurationProperties("botfleet.dex.mempool")
public record MempoolProperties(BigDecimal logShare, BigDecimal refuseBuyRemovalShare, Integer recentEvents) {

    public MempoolProperties {
        if (logShare == null) logShare = new BigDecimal("0.01");
        if (refuseBuyRemovalShare == null) refuseBuyRemovalShare = new BigDecimal("0.10");
        if (recentEvents == null) recentEvents = 50;
        requireShare("log-share", logShare);
        requireShare("refuse-buy-removal-share", refuseBuyRemovalShare);
        if (recentEvents < 1 || recentEvents > 1000) {
            throw new IllegalArgumentException("botfleet.dex.mempool.recent-events must be 1-1000, was " + recentEvents);
        }
    }

    private static void requireShare(String name, BigDecimal value) {
        if (value.signum() <= 0 || value.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("botfleet.dex.mempool." + name + " must be a share above 0 and at most 1,"
                    + " was " + value.toPlainString());
        }
    }
}
