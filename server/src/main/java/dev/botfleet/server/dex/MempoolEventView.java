package dev.botfleet.server.dex;

import dev.botfleet.dex.mempool.MempoolEvent;
import dev.botfleet.dex.mempool.WatchedPool;
import dev.botfleet.engine.market.MarketAlert;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.UUID;

/**
 * A pending transaction on one of a bot's pools as the API, the event stream ({@code "mempool"}) and the dashboard
 * show it: amounts in whole tokens (exact, the token's decimals), shares as fractions, decimals as strings.
 *
 * @param kind   {@code SWAP}, {@code LIQUIDITY_REMOVAL} or {@code LIQUIDITY_ADDITION}
 * @param pool   {@code V2} or {@code V3 0.3%}
 * @param amount SWAP: the exact side's amount ({@code amountToken}); removal: null (liquidity units are not tokens)
 * @param limit  SWAP: exact-in the least out, exact-out the most in, in the other token; null when unknown
 * @param share  SWAP: of the pool's reserve of {@code amountToken}; removal: of the pool's liquidity; addition: null
 * @param large  at or above {@code botfleet.dex.mempool.log-share}: also written to the activity log
 */
public record MempoolEventView(UUID botId, Instant seenAt, String txHash, String from, String kind, String pool,
                               String poolAddress, String tokenIn, String tokenOut, Boolean exactIn,
                               String amountToken, String amount, String limit, String share, boolean large) {

    static MempoolEventView of(UUID botId, Instant seenAt, MempoolEvent event, DexMarket market, BigDecimal logShare) {
        String pool = poolName(event.pool());
        return switch (event) {
            case MempoolEvent.PendingSwap s -> {
                String exactToken = s.exactIn() ? s.tokenIn() : s.tokenOut();
                String otherToken = s.exactIn() ? s.tokenOut() : s.tokenIn();
                yield new MempoolEventView(botId, seenAt, s.txHash(), s.from(), "SWAP", pool, s.pool().address(),
                        symbol(market, s.tokenIn()), symbol(market, s.tokenOut()), s.exactIn(),
                        symbol(market, exactToken), whole(market, exactToken, s.amount()),
                        s.limit() == null ? null : whole(market, otherToken, s.limit()),
                        s.shareOfReserves().toPlainString(), s.shareOfReserves().compareTo(logShare) >= 0);
            }
            case MempoolEvent.PendingLiquidityRemoval r -> new MempoolEventView(botId, seenAt, r.txHash(), r.from(),
                    "LIQUIDITY_REMOVAL", pool, r.pool().address(), null, null, null, null, null, null,
                    r.shareOfLiquidity().toPlainString(), r.shareOfLiquidity().compareTo(logShare) >= 0);
            case MempoolEvent.PendingLiquidityAddition a -> new MempoolEventView(botId, seenAt, a.txHash(), a.from(),
                    "LIQUIDITY_ADDITION", pool, a.pool().address(), null, null, null,
                    symbol(market, a.pool().token0()) + "+" + symbol(market, a.pool().token1()),
                    whole(market, a.pool().token0(), a.amount0()) + "+" + whole(market, a.pool().token1(), a.amount1()),
                    null, null, false);
        };
    }

    /** The activity log's line for a large event. */
    String logLine() {
        return "Mempool: " + describe() + ", tx " + txHash.substring(0, 10) + "…";
    }

    /** What is pending, in words: "pending removal of 50 % of the V2 pool's liquidity". */
    String describe() {
        return switch (kind) {
            case "SWAP" -> "pending swap " + (exactIn ? amount + " " + amountToken + " in for " + tokenOut
                    : tokenIn + " for " + amount + " " + amountToken + " out") + " on the " + pool + " pool ("
                    + percent(share) + " of its " + amountToken + ")";
            case "LIQUIDITY_REMOVAL" -> "pending removal of " + percent(share) + " of the " + pool
                    + " pool's liquidity";
            default -> "pending liquidity addition of " + amount + " " + amountToken + " to the " + pool + " pool";
        };
    }

    /**
     * The event as the bot's strategy gets it ({@code Strategy.onMarketAlert}): a swap is a BUY or a SELL of the
     * market's base token by someone else, with its share of the pool's reserve of the token it names.
     */
    static MarketAlert alert(MempoolEvent event, MempoolEventView view, DexMarket market) {
        MarketAlert.Kind kind = switch (event) {
            case MempoolEvent.PendingSwap s -> s.tokenIn().equalsIgnoreCase(market.baseToken())
                    ? MarketAlert.Kind.SELL : MarketAlert.Kind.BUY;
            case MempoolEvent.PendingLiquidityRemoval r -> MarketAlert.Kind.LIQUIDITY_REMOVAL;
            case MempoolEvent.PendingLiquidityAddition a -> MarketAlert.Kind.LIQUIDITY_ADDITION;
        };
        return new MarketAlert(kind, view.pool(), view.share() == null ? null : new BigDecimal(view.share()),
                view.describe(), view.txHash(), view.seenAt());
    }

    static String percent(String share) {
        return new BigDecimal(share).movePointRight(2).stripTrailingZeros().toPlainString() + " %";
    }

    static String poolName(WatchedPool pool) {
        return pool.protocol() == dev.botfleet.dex.uniswap.Route.Protocol.V2 ? "V2"
                : "V3 " + BigDecimal.valueOf(pool.feePips(), 4).stripTrailingZeros().toPlainString() + "%";
    }

    private static String symbol(DexMarket market, String token) {
        return token.equalsIgnoreCase(market.baseToken()) ? market.baseSymbol() : market.quoteSymbol();
    }

    private static String whole(DexMarket market, String token, BigInteger units) {
        int decimals = token.equalsIgnoreCase(market.baseToken()) ? market.baseDecimals() : market.quoteDecimals();
        return new BigDecimal(units, decimals).stripTrailingZeros().toPlainString();
    }
}
