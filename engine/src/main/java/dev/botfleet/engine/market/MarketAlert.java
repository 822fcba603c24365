package dev.botfleet.engine.market;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * Something about to happen to the bot's market that is not a trade yet — on a DEX, a pending (unmined) transaction
 * seen in the mempool: someone pulling the pool's liquidity, or a large swap on its way. Venue-neutral so the engine
 * and strategies need not know where it came from; handed to {@code Strategy.onMarketAlert} on the bot's own turn.
 *
 * @param kind   what is about to happen
 * @param market where in the bot's market (on a DEX the pool: {@code V2}, {@code V3 0.3%})
 * @param share  how much of the market it moves, as a fraction (0.25 = 25 %): of the pool's liquidity for a
 *               removal, of the pool's reserve of the token named for a swap; null when unknown (an addition)
 * @param text   one line for people, e.g. "pending removal of 50 % of the V2 pool's liquidity"
 * @param id     the source's id (a transaction hash), for the activity log; may be null
 * @param at     when it was seen: the kernel's clock moves to it
 */
public record MarketAlert(Kind kind, String market, BigDecimal share, String text, String id, Instant at) {
    public enum Kind {
        /** Liquidity is about to leave the market (a rug pull looks like this). */
        LIQUIDITY_REMOVAL,
        /** Liquidity is about to be added. */
        LIQUIDITY_ADDITION,
        /** Someone else is about to buy the bot's base asset. */
        BUY,
        /** Someone else is about to sell the bot's base asset. */
        SELL
    }

    public MarketAlert {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(at, "at");
        if (share != null && share.signum() < 0) throw new IllegalArgumentException("share must not be negative");
    }

    /** Whether the share is known and at least {@code fraction} (0.2 = 20 %). */
    public boolean atLeast(BigDecimal fraction) {
        return share != null && share.compareTo(fraction) >= 0;
    }
}
