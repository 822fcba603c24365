package dev.botfleet.dex.mempool;

import dev.botfleet.dex.chain.ChainReader;
import dev.botfleet.dex.uniswap.UniswapContracts;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.response.Transaction;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Watches the node's pending transactions for ones touching the watched pools, and hands each as a
 * {@link MempoolEvent} to the sink.
 *
 * <p>Hashes come from {@code eth_subscribe newPendingTransactions} over the WebSocket ({@link PendingHashes}); a node
 * that refuses that subscription (or a network without a WebSocket) is polled instead through
 * {@code eth_newPendingTransactionFilter} / {@code eth_getFilterChanges} over HTTP. A lost socket is reopened with
 * backoff. Each new hash is fetched ({@code eth_getTransactionByHash}, which nodes answer for pooled transactions),
 * decoded ({@link UniswapCallDecoder}) and matched to the pools ({@link PoolMatcher}), one transaction at a time on
 * one worker thread so the sink sees events in arrival order. A hash is handled once.
 */
public final class MempoolWatch implements AutoCloseable {
    private static final System.Logger log = System.getLogger(MempoolWatch.class.getName());
    private static final int REMEMBERED_HASHES = 10_000;

    /** How pending hashes reach us. */
    public enum Source { SUBSCRIPTION, POLLING }

    /**
     * @param subscribe      try the WebSocket subscription first (false: poll from the start)
     * @param pollEvery      the pending filter's polling interval
     * @param reconnectDelay the first wait before reopening a lost socket (doubles up to 30 s)
     */
    public record Options(boolean subscribe, Duration pollEvery, Duration reconnectDelay) {
        public static final Options DEFAULTS = new Options(true, Duration.ofSeconds(1), Duration.ofMillis(500));
    }

    private final Web3j http;
    private final UniswapCallDecoder decoder;
    private final PoolMatcher matcher;
    private final Consumer<MempoolEvent> sink;
    private final Map<String, WatchedPool> watched = new ConcurrentHashMap<>();
    private final Map<String, Boolean> seen = new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED_HASHES;
        }
    };
    private final ExecutorService worker = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("mempool-tx").factory());
    private final PendingHashes hashes;
    private final AtomicInteger handled = new AtomicInteger();

    private MempoolWatch(Web3j http, String wsUrl, UniswapContracts contracts, Options options,
                         Consumer<MempoolEvent> sink) {
        this.http = http;
        this.decoder = new UniswapCallDecoder(contracts);
        this.matcher = new PoolMatcher(new ChainReader(http), contracts);
        this.sink = sink;
        this.hashes = new PendingHashes(http, options.subscribe() ? wsUrl : null, options, this::onHash);
    }

    /**
     * Starts watching (no pool yet: add them with {@link #watch}). Returns once the subscription or the pending
     * filter is in place, so a transaction sent after this returns is seen.
     *
     * @param wsUrl the node's WebSocket, or null to poll over HTTP
     */
    public static MempoolWatch start(Web3j http, String wsUrl, UniswapContracts contracts, Options options,
                                     Consumer<MempoolEvent> sink) {
        MempoolWatch watch = new MempoolWatch(http, wsUrl, contracts, options, sink);
        watch.hashes.start();
        return watch;
    }

    public void watch(Collection<WatchedPool> pools) {
        pools.forEach(p -> watched.put(p.address().toLowerCase(java.util.Locale.ROOT), p));
    }

    public void unwatch(Collection<WatchedPool> pools) {
        pools.forEach(p -> watched.remove(p.address().toLowerCase(java.util.Locale.ROOT)));
    }

    public Source source() {
        return hashes.source();
    }

    /** How many times a lost socket was reopened. */
    public int reconnects() {
        return hashes.reconnects();
    }

    /** Pending transactions fetched and decoded so far (touching a watched pool or not). */
    public int handled() {
        return handled.get();
    }

    /** Whether the node still holds {@code txHash} unmined (false once mined, dropped or replaced). */
    public boolean isPending(String txHash) {
        try {
            Optional<Transaction> tx = http.ethGetTransactionByHash(txHash).send().getTransaction();
            return tx.isPresent() && tx.get().getBlockHash() == null;
        } catch (IOException e) {
            throw new UncheckedIOException("eth_getTransactionByHash " + txHash, e);
        }
    }

    private void onHash(String hash) {
        if (watched.isEmpty()) {  // no bot on this network: no fetch per pending transaction
            handled.incrementAndGet();
            return;
        }
        synchronized (seen) {
            if (seen.put(hash.toLowerCase(java.util.Locale.ROOT), Boolean.TRUE) != null) return;
        }
        worker.execute(() -> handle(hash));
    }

    private void handle(String hash) {
        try {
            Optional<Transaction> found = http.ethGetTransactionByHash(hash).send().getTransaction();
            if (found.isEmpty()) return;  // mined and gone from the pool's view, or dropped: nothing pending to report
            Transaction tx = found.get();
            if (tx.getBlockHash() != null) return;  // mined before we got to it: no longer a warning of anything
            List<DecodedCall> calls = decoder.decode(tx.getTo(), tx.getInput(), tx.getValue());
            if (!calls.isEmpty() && !watched.isEmpty()) {
                matcher.events(hash, tx.getFrom(), calls, List.copyOf(watched.values())).forEach(sink);
            }
        } catch (IOException | RuntimeException e) {
            // one unreadable transaction (or a sink failure) must not stop the watch
            log.log(System.Logger.Level.WARNING, "pending transaction " + hash + " skipped: " + e.getMessage());
        } finally {
            handled.incrementAndGet();
        }
    }

    @Override
    public void close() {
        hashes.close();
        worker.shutdownNow();
    }
}
