package dev.botfleet.dex.mempool;

import io.reactivex.disposables.Disposable;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.methods.response.EthFilter;
import org.web3j.protocol.core.methods.response.EthSubscribe;
import org.web3j.protocol.websocket.events.PendingTransactionNotification;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.websocket.WebSocketService;

import java.io.IOException;
import java.math.BigInteger;
import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The stream of pending transaction hashes for {@link MempoolWatch}: a {@code newPendingTransactions} subscription
 * over the WebSocket, reopened with backoff when the socket is lost; or, when the node refuses that subscription or
 * there is no WebSocket, a pending-transaction filter polled over HTTP (recreated if the node forgets it).
 * Hashes that arrive while the socket is down are missed (the node does not replay them): docs/dex-mempool.md.
 */
final class PendingHashes implements AutoCloseable {
    private static final System.Logger log = System.getLogger(PendingHashes.class.getName());
    private static final Duration MAX_RECONNECT_DELAY = Duration.ofSeconds(30);
    private static final Duration SUBSCRIBE_TIMEOUT = Duration.ofSeconds(10);

    private final Web3j http;
    private final String wsUrl;
    private final MempoolWatch.Options options;
    private final Consumer<String> onHash;
    private final AtomicInteger reconnects = new AtomicInteger();
    private volatile MempoolWatch.Source source;
    private volatile boolean closed;
    private WebSocketService socket;
    private Disposable subscription;
    private CompletableFuture<Throwable> lost;
    private Thread runner;

    /** The node answered eth_subscribe with an error: it does not offer the subscription. */
    private static final class SubscriptionRefusedException extends Exception {
        SubscriptionRefusedException(Throwable cause) {
            super(cause.getMessage(), cause);
        }
    }

    PendingHashes(Web3j http, String wsUrl, MempoolWatch.Options options, Consumer<String> onHash) {
        this.http = http;
        this.wsUrl = wsUrl;
        this.options = options;
        this.onHash = onHash;
    }

    synchronized void start() {
        if (wsUrl != null) {
            try {
                subscribe();
                source = MempoolWatch.Source.SUBSCRIPTION;
                runner = Thread.ofVirtual().name("mempool-socket").start(this::keepSubscribed);
                return;
            } catch (SubscriptionRefusedException e) {
                log.log(System.Logger.Level.INFO, "newPendingTransactions refused (" + e.getMessage()
                        + "): polling a pending-transaction filter instead");
            } catch (ConnectException e) {
                throw new IllegalStateException("cannot open the WebSocket for pending transactions: " + e.getMessage(), e);
            }
        }
        source = MempoolWatch.Source.POLLING;
        BigInteger filter = newFilter();
        runner = Thread.ofVirtual().name("mempool-poll").start(() -> poll(filter));
    }

    MempoolWatch.Source source() {
        return source;
    }

    int reconnects() {
        return reconnects.get();
    }

    /** Opens the socket and subscribes; returns once the node confirmed the subscription. */
    private void subscribe() throws ConnectException, SubscriptionRefusedException {
        WebSocketService service = new WebSocketService(wsUrl, false);
        service.connect();
        CompletableFuture<Throwable> ended = new CompletableFuture<>();
        // web3j 6 dropped Web3j.newPendingTransactionsNotifications(); the service still subscribes to anything.
        Request<?, EthSubscribe> request = new Request<>("eth_subscribe", List.of("newPendingTransactions"), service,
                EthSubscribe.class);
        Disposable s;
        try {
            s = service.subscribe(request, "eth_unsubscribe", PendingTransactionNotification.class).subscribe(
                    n -> onHash.accept(n.getParams().getResult()), ended::complete, () -> ended.complete(null));
        } catch (RuntimeException e) {  // e.g. the socket closed again right after opening
            service.close();
            throw new ConnectException("subscribing over " + wsUrl + " failed: " + e.getMessage());
        }
        // web3j confirms a subscription only by recording its id; wait for that, or for the node's error.
        Instant deadline = Instant.now().plus(SUBSCRIBE_TIMEOUT);
        while (service.getSubscriptionIdsMap().isEmpty() && !ended.isDone() && Instant.now().isBefore(deadline)) {
            pause(Duration.ofMillis(10));
        }
        if (ended.isDone() || service.getSubscriptionIdsMap().isEmpty()) {
            s.dispose();
            service.close();
            Throwable why = ended.getNow(null);
            if (why != null && String.valueOf(why.getMessage()).contains("Subscription request failed")) {
                throw new SubscriptionRefusedException(why);
            }
            throw new ConnectException("no subscription confirmed by " + wsUrl
                    + (why == null ? "" : ": " + why.getMessage()));
        }
        synchronized (this) {
            socket = service;
            subscription = s;
            lost = ended;
        }
    }

    /** Waits for the socket to be lost, then reopens it with backoff, until closed. */
    private void keepSubscribed() {
        while (!closed) {
            CompletableFuture<Throwable> current;
            synchronized (this) {
                current = lost;
            }
            Throwable why = current.join();
            if (closed) return;
            log.log(System.Logger.Level.WARNING, "pending-transaction socket lost ("
                    + (why == null ? "completed" : why.getMessage()) + "): reconnecting");
            dropSocket();
            Duration delay = options.reconnectDelay();
            while (!closed) {
                pause(delay);
                try {
                    subscribe();
                    reconnects.incrementAndGet();
                    break;
                } catch (ConnectException | SubscriptionRefusedException e) {
                    delay = delay.multipliedBy(2).compareTo(MAX_RECONNECT_DELAY) > 0 ? MAX_RECONNECT_DELAY
                            : delay.multipliedBy(2);
                }
            }
        }
    }

    private BigInteger newFilter() {
        try {
            EthFilter answer = http.ethNewPendingTransactionFilter().send();
            if (answer.hasError()) {
                throw new IllegalStateException("the node offers neither newPendingTransactions nor a pending filter: "
                        + answer.getError().getMessage());
            }
            return answer.getFilterId();
        } catch (IOException e) {
            throw new IllegalStateException("eth_newPendingTransactionFilter failed: " + e.getMessage(), e);
        }
    }

    private void poll(BigInteger firstFilter) {
        BigInteger filter = firstFilter;
        while (!closed) {
            try {
                EthLog changes = http.ethGetFilterChanges(filter).send();
                if (changes.hasError()) {
                    filter = newFilter();  // e.g. "filter not found" after a node restart
                } else {
                    for (EthLog.LogResult<?> hash : changes.getLogs()) onHash.accept(String.valueOf(hash.get()));
                }
            } catch (IOException | RuntimeException e) {
                log.log(System.Logger.Level.WARNING, "polling pending transactions: " + e.getMessage());
            }
            pause(options.pollEvery());
        }
    }

    private synchronized void dropSocket() {
        if (subscription != null) subscription.dispose();
        if (socket != null) socket.close();
        subscription = null;
        socket = null;
    }

    private void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    @Override
    public void close() {
        closed = true;
        CompletableFuture<Throwable> current;
        synchronized (this) {
            current = lost;
        }
        if (current != null) current.complete(null);
        dropSocket();
        if (runner != null) runner.interrupt();
    }
}
