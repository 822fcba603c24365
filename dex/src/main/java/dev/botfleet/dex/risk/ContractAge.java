package dev.botfleet.dex.risk;

import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.Optional;

/**
 * When a contract was deployed: the first block at which eth_getCode answers code, found by binary search between
 * block 0 and the latest (about log2(height) calls: 25 for Ethereum mainnet), at most {@code maxCalls}. Nodes that do
 * not keep old state (not archive nodes) refuse eth_getCode at old blocks: then the age is unknown.
 */
final class ContractAge {
    private final Web3j web3j;
    private final int maxCalls;

    ContractAge(Web3j web3j, int maxCalls) {
        this.web3j = web3j;
        this.maxCalls = maxCalls;
    }

    /** The creation block, or empty when the search needed more calls or the node has no old state. */
    Optional<BigInteger> creationBlock(String address, BigInteger latest) {
        BigInteger low = BigInteger.ZERO;   // invariant: no code at low - 1 (or low is 0), code at high
        BigInteger high = latest;
        int calls = 0;
        try {
            if (!hasCode(address, latest)) return Optional.empty();
            while (low.compareTo(high) < 0) {
                if (++calls > maxCalls) return Optional.empty();
                BigInteger mid = low.add(high).shiftRight(1);
                if (hasCode(address, mid)) high = mid;
                else low = mid.add(BigInteger.ONE);
            }
            return Optional.of(high);
        } catch (IllegalStateException e) {
            return Optional.empty();  // "missing trie node" and the like: the node pruned that state
        }
    }

    /** The block's timestamp in Unix seconds. */
    long timestamp(BigInteger block) {
        try {
            return web3j.ethGetBlockByNumber(DefaultBlockParameter.valueOf(block), false).send().getBlock()
                    .getTimestamp().longValueExact();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean hasCode(String address, BigInteger block) {
        try {
            var answer = web3j.ethGetCode(address, DefaultBlockParameter.valueOf(block)).send();
            if (answer.hasError()) throw new IllegalStateException(answer.getError().getMessage());
            String code = answer.getCode();
            return code != null && code.length() > 2;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
