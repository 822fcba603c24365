package dev.botfleet.dex.risk;

import dev.botfleet.dex.chain.Abi;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.utils.Numeric;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Who holds a token, rebuilt from its {@code Transfer} logs since its creation block (no indexer needed). Only where
 * the log range is affordable: at most {@code maxBlocks} blocks, read in windows of {@code window} blocks, at most
 * {@code maxLogs} logs; otherwise the caller reports the concentration as unknown, saying which limit was hit.
 */
final class HolderConcentration {
    static final String TRANSFER = Abi.topic("Transfer(address,address,uint256)");
    private static final String ZERO = "0x0000000000000000000000000000000000000000";
    private static final String DEAD = "0x000000000000000000000000000000000000dead";

    private final Web3j web3j;
    private final long maxBlocks;
    private final long window;
    private final int maxLogs;

    HolderConcentration(Web3j web3j, long maxBlocks, long window, int maxLogs) {
        this.web3j = web3j;
        this.maxBlocks = maxBlocks;
        this.window = window;
        this.maxLogs = maxLogs;
    }

    /** The largest holders' balances, or the reason they cannot be known. */
    sealed interface Outcome permits Holders, TooCostly {
    }

    /** @param top the largest balances, largest first, pools and burn addresses left out */
    record Holders(List<Map.Entry<String, BigInteger>> top, int holderCount) implements Outcome {
    }

    record TooCostly(String why) implements Outcome {
    }

    Outcome read(String token, BigInteger fromBlock, BigInteger toBlock, Set<String> excluded, int topN) {
        long span = toBlock.subtract(fromBlock).longValueExact() + 1;
        if (span > maxBlocks) {
            return new TooCostly("the token is " + span + " blocks old; reading its transfers is capped at "
                    + maxBlocks + " blocks");
        }
        Map<String, BigInteger> balances = new HashMap<>();
        int logs = 0;
        for (BigInteger from = fromBlock; from.compareTo(toBlock) <= 0; from = from.add(BigInteger.valueOf(window))) {
            BigInteger to = from.add(BigInteger.valueOf(window - 1)).min(toBlock);
            List<Log> page;
            try {
                page = transfers(token, from, to);
            } catch (IllegalStateException e) {  // e.g. a provider's cap on results per query
                return new TooCostly("the node refused the Transfer log query: " + e.getMessage());
            }
            logs += page.size();
            if (logs > maxLogs) {
                return new TooCostly("the token has more than " + maxLogs + " transfers; reading them all is too costly");
            }
            for (Log log : page) {
                if (log.getTopics().size() < 3) continue;  // not an ERC-20 Transfer (ERC-721 indexes the id too)
                BigInteger amount = Numeric.toBigInt(log.getData());
                balances.merge(address(log.getTopics().get(1)), amount.negate(), BigInteger::add);
                balances.merge(address(log.getTopics().get(2)), amount, BigInteger::add);
            }
        }
        Set<String> skip = new java.util.HashSet<>(Set.of(ZERO, DEAD));
        excluded.forEach(a -> skip.add(a.toLowerCase(Locale.ROOT)));
        List<Map.Entry<String, BigInteger>> held = balances.entrySet().stream()
                .filter(e -> e.getValue().signum() > 0 && !skip.contains(e.getKey()))
                .sorted(Map.Entry.<String, BigInteger>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .toList();
        return new Holders(held.stream().limit(topN).toList(), held.size());
    }

    private List<Log> transfers(String token, BigInteger from, BigInteger to) {
        EthFilter filter = new EthFilter(DefaultBlockParameter.valueOf(from), DefaultBlockParameter.valueOf(to), token);
        filter.addSingleTopic(TRANSFER);
        try {
            EthLog answer = web3j.ethGetLogs(filter).send();
            if (answer.hasError()) throw new IllegalStateException("eth_getLogs: " + answer.getError().getMessage());
            return answer.getLogs().stream().map(r -> (Log) r.get()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String address(String topic) {
        return "0x" + topic.substring(topic.length() - 40).toLowerCase(Locale.ROOT);
    }
}
