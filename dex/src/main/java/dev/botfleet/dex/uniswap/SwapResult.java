package dev.botfleet.dex.uniswap;

import java.math.BigInteger;
import java.util.List;

/**
 * A mined swap: what went in and what came out (from the receipt's Transfer logs, so other transactions in the same
 * block cannot blur it) and what the chain charged in native wei for the swap and any approval before it.
 */
public record SwapResult(String transactionHash, Route route, BigInteger amountIn, BigInteger amountOut,
                         BigInteger amountOutMin, BigInteger gasFeeWei, List<String> approvalHashes) {}
