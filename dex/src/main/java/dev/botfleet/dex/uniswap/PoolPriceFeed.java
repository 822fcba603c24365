package dev.botfleet.dex.uniswap;

import dev.botfleet.dex.chain.ChainConnection;

import java.math.BigInteger;
import java.util.List;
import java.util.function.Consumer;

/**
 * A pool's spot price as a stream of market data: at every new block (a newHeads subscription) the pool's Swap
 * events since the last block seen are read with {@link PoolPrices} and handed on in order. A slow or missed head
 * loses nothing: the next one reads the whole gap.
 */
public final class PoolPriceFeed implements AutoCloseable {
    private final AutoCloseable subscription;
    private BigInteger nextBlock;

    private PoolPriceFeed(ChainConnection connection, Route.Protocol protocol, String pool,
                          Consumer<PoolPrices.PoolPrice> sink) {
        PoolPrices prices = new PoolPrices(connection.web3j());
        this.nextBlock = connection.reader().blockNumber().add(BigInteger.ONE);
        this.subscription = connection.onNewHead(head -> deliver(prices, protocol, pool, head, sink));
    }

    /** Starts following {@code pool} (a V2 pair or a V3 pool) from the next block. */
    public static PoolPriceFeed follow(ChainConnection connection, Route.Protocol protocol, String pool,
                                       Consumer<PoolPrices.PoolPrice> sink) {
        return new PoolPriceFeed(connection, protocol, pool, sink);
    }

    private synchronized void deliver(PoolPrices prices, Route.Protocol protocol, String pool, BigInteger head,
                                      Consumer<PoolPrices.PoolPrice> sink) {
        if (head.compareTo(nextBlock) < 0) return;
        List<PoolPrices.PoolPrice> found = protocol == Route.Protocol.V2
                ? prices.v2(pool, nextBlock, head) : prices.v3(pool, nextBlock, head);
        nextBlock = head.add(BigInteger.ONE);
        found.forEach(sink);
    }

    @Override
    public void close() throws Exception {
        subscription.close();
    }
}
