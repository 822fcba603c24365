package dev.botfleet.server.dex;

import dev.botfleet.dex.chain.Abi;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The spenders a wallet approved on some tokens, from the tokens' {@code Approval(owner, spender, value)} logs with the
 * wallet as owner — read from the block of the wallet's first transaction (an approval is a transaction the wallet
 * sends, so none can be older), in chunks of {@link #CHUNK} blocks: nodes and RPC providers refuse or time out on
 * {@code eth_getLogs} over the whole chain.
 */
final class ApprovalLogScan {
    /** Blocks per eth_getLogs (providers commonly allow 10,000). */
    static final long CHUNK = 10_000;
    /** At most this many chunks per scan (10,000,000 blocks): past that, the newest blocks are scanned. */
    static final int MAX_CHUNKS = 1_000;
    /** A binary search over a chain of 2^40 blocks needs 40 calls. */
    private static final int MAX_SEARCH_CALLS = 64;
    private static final String APPROVAL_TOPIC = Abi.topic("Approval(address,address,uint256)");

    private final Web3j web3j;
    private final long chunk;

    ApprovalLogScan(Web3j web3j) {
        this(web3j, CHUNK);
    }

    /** @param chunk blocks per eth_getLogs (tests use a few to see the chunks on a short chain) */
    ApprovalLogScan(Web3j web3j, long chunk) {
        this.web3j = web3j;
        this.chunk = chunk;
    }

    /**
     * The block of the wallet's first transaction: the lowest block at whose end its transaction count is above 0,
     * by binary search on {@code eth_getTransactionCount(wallet, block)} (≈ log2(height) calls). {@code latest} when the
     * wallet has sent nothing yet (nothing to scan before it); empty when the node keeps no old state (a non-archive
     * node refuses the count at old blocks).
     */
    Optional<BigInteger> firstTransactionBlock(String wallet, BigInteger latest) {
        try {
            if (count(wallet, latest).signum() == 0) return Optional.of(latest);
            BigInteger low = BigInteger.ZERO;
            BigInteger high = latest;
            int calls = 0;
            while (low.compareTo(high) < 0) {
                if (++calls > MAX_SEARCH_CALLS) return Optional.empty();
                BigInteger mid = low.add(high).shiftRight(1);
                if (count(wallet, mid).signum() > 0) high = mid;
                else low = mid.add(BigInteger.ONE);
            }
            return Optional.of(high);
        } catch (IllegalStateException e) {
            return Optional.empty();  // "missing trie node" and the like: the node pruned that state
        }
    }

    /**
     * Spenders per token (lower-case addresses, in the order first seen) from {@code from} to {@code to}, both
     * included, one eth_getLogs per chunk. A chunk the node refuses is skipped (its spenders are not listed; the
     * caller still reads the routers' allowances).
     */
    Map<String, Set<String>> spenders(String wallet, List<String> tokens, BigInteger from, BigInteger to) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (String t : tokens) out.put(t.toLowerCase(Locale.ROOT), new LinkedHashSet<>());
        BigInteger chunk = BigInteger.valueOf(this.chunk);
        BigInteger start = from.max(to.subtract(chunk.multiply(BigInteger.valueOf(MAX_CHUNKS))).add(BigInteger.ONE))
                .max(BigInteger.ZERO);
        for (BigInteger lo = start; lo.compareTo(to) <= 0; lo = lo.add(chunk)) {
            BigInteger hi = lo.add(chunk).subtract(BigInteger.ONE).min(to);
            EthFilter filter = new EthFilter(DefaultBlockParameter.valueOf(lo), DefaultBlockParameter.valueOf(hi),
                    new ArrayList<>(tokens));
            filter.addSingleTopic(APPROVAL_TOPIC);
            filter.addSingleTopic("0x" + "0".repeat(24) + wallet.substring(2).toLowerCase(Locale.ROOT));
            EthLog logs;
            try {
                logs = web3j.ethGetLogs(filter).send();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (logs.hasError()) continue;
            for (EthLog.LogResult<?> result : logs.getLogs()) {
                Log log = (Log) result.get();
                if (log.getTopics().size() < 3) continue;
                Set<String> of = out.get(log.getAddress().toLowerCase(Locale.ROOT));
                if (of != null) of.add("0x" + log.getTopics().get(2).substring(26).toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    private BigInteger count(String wallet, BigInteger block) {
        try {
            var answer = web3j.ethGetTransactionCount(wallet, DefaultBlockParameter.valueOf(block)).send();
            if (answer.hasError()) throw new IllegalStateException(answer.getError().getMessage());
            return answer.getTransactionCount();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
