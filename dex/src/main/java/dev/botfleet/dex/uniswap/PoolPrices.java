package dev.botfleet.dex.uniswap;

import dev.botfleet.dex.chain.Abi;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.utils.Numeric;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A pool's spot price as market data, from its events (eth_getLogs over a block range; a bot asks again from the
 * next block at every new head).
 *
 * <p>V3: each {@code Swap} event carries the pool's √price after the trade. V2: {@code Swap} carries only the amounts,
 * but the pair emits {@code Sync(reserve0, reserve1)} in the same transaction just before it; the reserves after the
 * swap are the new spot price, so V2 prices come from the Sync that precedes each Swap.
 */
public final class PoolPrices {
    static final String V3_SWAP = Abi.topic("Swap(address,address,int256,int256,uint160,uint128,int24)");
    static final String V2_SWAP = Abi.topic("Swap(address,uint256,uint256,uint256,uint256,address)");
    static final String V2_SYNC = Abi.topic("Sync(uint112,uint112)");

    private final Web3j web3j;

    public PoolPrices(Web3j web3j) {
        this.web3j = web3j;
    }

    /**
     * One price point after a swap.
     *
     * @param token1PerToken0 the pool's price after the swap, in token units (not adjusted for decimals)
     */
    public record PoolPrice(String pool, BigInteger blockNumber, String transactionHash, BigDecimal token1PerToken0) {
        /** The price in whole tokens: token1PerToken0 × 10^(decimals0 − decimals1). */
        public BigDecimal inWholeTokens(int decimals0, int decimals1) {
            return token1PerToken0.scaleByPowerOfTen(decimals0 - decimals1).stripTrailingZeros();
        }
    }

    /** The V3 pool's prices after each swap in blocks [from, to]. */
    public List<PoolPrice> v3(String pool, BigInteger from, BigInteger to) {
        List<PoolPrice> prices = new ArrayList<>();
        for (Log log : logs(pool, from, to, V3_SWAP)) {
            // data: amount0, amount1, sqrtPriceX96, liquidity, tick — 32 bytes each
            BigInteger sqrtPriceX96 = word(log.getData(), 2);
            prices.add(new PoolPrice(pool, log.getBlockNumber(), log.getTransactionHash(), SqrtPrice.price(sqrtPriceX96)));
        }
        return prices;
    }

    /** The V2 pair's prices after each swap in blocks [from, to] (the Sync logged just before each Swap). */
    public List<PoolPrice> v2(String pair, BigInteger from, BigInteger to) {
        List<PoolPrice> prices = new ArrayList<>();
        Log lastSync = null;
        for (Log log : logs(pair, from, to, V2_SYNC, V2_SWAP)) {
            String topic = log.getTopics().getFirst();
            if (topic.equalsIgnoreCase(V2_SYNC)) {
                lastSync = log;
            } else if (lastSync != null && lastSync.getTransactionHash().equals(log.getTransactionHash())) {
                BigInteger reserve0 = word(lastSync.getData(), 0);
                BigInteger reserve1 = word(lastSync.getData(), 1);
                prices.add(new PoolPrice(pair, log.getBlockNumber(), log.getTransactionHash(),
                        new BigDecimal(reserve1).divide(new BigDecimal(reserve0), Quote.PRECISION)));
            }
        }
        return prices;
    }

    private List<Log> logs(String address, BigInteger from, BigInteger to, String... topics) {
        EthFilter filter = new EthFilter(DefaultBlockParameter.valueOf(from), DefaultBlockParameter.valueOf(to), address);
        filter.addOptionalTopics(topics);
        try {
            EthLog answer = web3j.ethGetLogs(filter).send();
            if (answer.hasError()) throw new IllegalStateException("eth_getLogs: " + answer.getError().getMessage());
            List<Log> logs = new ArrayList<>();
            for (EthLog.LogResult<?> result : answer.getLogs()) logs.add((Log) result.get());
            return logs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BigInteger word(String data, int index) {
        String hex = Numeric.cleanHexPrefix(data);
        return new BigInteger(hex.substring(index * 64, (index + 1) * 64), 16);
    }
}
