package dev.botfleet.server.dex;

import dev.botfleet.dex.mempool.MempoolEvent;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/**
 * Refuses a DEX bot's buy while liquidity is being pulled from its market: a pending liquidity removal of at least
 * {@link MempoolProperties#refuseBuyRemovalShare()} of one of the market's pools that the node still holds unmined
 * (asked at the moment of the buy, so a removal that was mined or dropped no longer blocks). Buying into a pool about
 * to lose its liquidity is the classic rug pull; a sell is never held back (it is the way out).
 */
@Component
class MempoolGuard {
    private final DexMempool mempool;
    private final MempoolProperties properties;

    MempoolGuard(DexMempool mempool, MempoolProperties properties) {
        this.mempool = mempool;
        this.properties = properties;
    }

    /** Why the bot must not buy now, or empty. */
    Optional<String> refuseBuy(UUID botId) {
        for (DexMempool.Seen seen : mempool.recent(botId)) {
            if (!(seen.event() instanceof MempoolEvent.PendingLiquidityRemoval removal)) continue;
            if (removal.shareOfLiquidity().compareTo(properties.refuseBuyRemovalShare()) < 0) continue;
            boolean pending;
            try {
                pending = mempool.stillPending(botId, removal.txHash());
            } catch (RuntimeException e) {
                // the node did not answer: a removal we cannot rule out still counts (refusing a buy is the safe side)
                return Optional.of("not buying: the node did not say whether the pending liquidity removal "
                        + removal.txHash() + " is still pending (" + e.getMessage() + ")");
            }
            if (!pending) continue;
            return Optional.of("not buying while liquidity is being pulled: a pending transaction (" + removal.txHash()
                    + ") removes " + MempoolEventView.percent(seen.view().share()) + " of the "
                    + seen.view().pool() + " pool's liquidity (the limit is "
                    + MempoolEventView.percent(properties.refuseBuyRemovalShare().toPlainString()) + ")");
        }
        return Optional.empty();
    }
}
