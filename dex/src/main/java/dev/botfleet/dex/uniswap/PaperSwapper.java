package dev.botfleet.dex.uniswap;

import dev.botfleet.dex.chain.ContractRevertedException;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;

/**
 * Paper swaps on real pool state: the fill is what the same contracts answer by eth_call at the latest block (V2's
 * router over the pair's live reserves, V3's QuoterV2 running the pool's own swap code), checked against the same
 * amountOutMin and deadline a live swap would carry, and settled in a {@link PaperWallet}. Nothing is broadcast.
 *
 * <p>Not modelled: fee-on-transfer tokens (the quoting contracts don't see the tax; the risk score's honeypot test
 * does) and gas, which the bot's accounting adds from the quote's estimate.
 */
public final class PaperSwapper {
    private final UniswapQuoter quoter;
    private final Clock clock;

    public PaperSwapper(UniswapQuoter quoter, Clock clock) {
        this.quoter = quoter;
        this.clock = clock;
    }

    /**
     * Fills {@code decided} (the quote the bot decided on) at the pool's price now.
     *
     * @throws ContractRevertedException with the router's own words when the fill would be below amountOutMin or the
     *                                   deadline has passed, exactly where a live swap would revert
     */
    public PaperFill swap(PaperWallet wallet, Quote decided, SwapTerms terms) {
        boolean v2 = decided.route().protocol() == Route.Protocol.V2;
        if (!clock.instant().isBefore(terms.deadline())) {
            throw new ContractRevertedException("paper swap", v2 ? "UniswapV2Router: EXPIRED" : "Transaction too old");
        }
        if (wallet.balanceOf(decided.tokenIn()).compareTo(decided.amountIn()) < 0) {
            throw new IllegalArgumentException("paper wallet holds " + wallet.balanceOf(decided.tokenIn())
                    + " units of " + decided.tokenIn() + ", the swap needs " + decided.amountIn());
        }
        Quote now = (v2 ? quoter.quoteV2(decided.tokenIn(), decided.tokenOut(), decided.amountIn())
                : quoter.quoteV3(decided.tokenIn(), decided.tokenOut(), decided.amountIn(), decided.route().feePips()))
                .orElseThrow(() -> new ContractRevertedException("paper swap", "the " + decided.route() + " pool is gone"));
        BigInteger minOut = terms.minimumOut(decided.amountOut());
        if (now.amountOut().compareTo(minOut) < 0) {
            throw new ContractRevertedException("paper swap",
                    v2 ? "UniswapV2Router: INSUFFICIENT_OUTPUT_AMOUNT" : "Too little received");
        }
        wallet.settle(decided.tokenIn(), decided.amountIn(), decided.tokenOut(), now.amountOut());
        return new PaperFill(now, minOut, clock.instant());
    }

    /** A paper fill: the quote it filled at (amountOut is what the wallet got) and the minimum it had to beat. */
    public record PaperFill(Quote filled, BigInteger amountOutMin, Instant at) {}
}
