package dev.botfleet.dex.chain;

import io.reactivex.disposables.Disposable;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;
import org.web3j.protocol.websocket.WebSocketService;
import org.web3j.utils.Numeric;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.ConnectException;
import java.util.function.Consumer;

/**
 * A live connection to one {@link Network}: JSON-RPC over HTTP for calls and transactions, and over WebSocket for
 * subscriptions when the network has a {@code wsUrl}. Opening checks that the node serves the configured chain id.
 */
public final class ChainConnection implements AutoCloseable {
    private final Network network;
    private final Web3j http;
    private final ChainReader reader;
    private WebSocketService webSocket;
    private Web3j subscriptions;

    private ChainConnection(Network network, Web3j http) {
        this.network = network;
        this.http = http;
        this.reader = new ChainReader(http);
    }

    /** @throws WrongChainException if the node answers another chain id than the network's */
    public static ChainConnection open(Network network) {
        Web3j http = Web3j.build(new HttpService(network.rpcUrl().toString()));
        try {
            long answered = http.ethChainId().send().getChainId().longValueExact();
            if (answered != network.chainId()) throw new WrongChainException(network, answered);
            return new ChainConnection(network, http);
        } catch (IOException e) {
            http.shutdown();
            throw new UncheckedIOException("cannot reach " + network.safeDescription(), e);
        } catch (RuntimeException e) {
            http.shutdown();
            throw e;
        }
    }

    public Network network() {
        return network;
    }

    public Web3j web3j() {
        return http;
    }

    public ChainReader reader() {
        return reader;
    }

    /**
     * Calls {@code onHead} with each new block's number (eth_subscribe newHeads over the WebSocket, opened on first
     * use). Close the returned handle to stop.
     */
    public synchronized AutoCloseable onNewHead(Consumer<BigInteger> onHead) {
        Disposable subscription = subscriptions().newHeadsNotifications()
                .subscribe(n -> onHead.accept(Numeric.decodeQuantity(n.getParams().getResult().getNumber())));
        return subscription::dispose;
    }

    private Web3j subscriptions() {
        if (subscriptions != null) return subscriptions;
        if (!network.hasWebSocket()) {
            throw new IllegalStateException(network.name() + " has no wsUrl: subscriptions need a WebSocket");
        }
        WebSocketService service = new WebSocketService(network.wsUrl().toString(), false);
        try {
            service.connect();
        } catch (ConnectException e) {
            throw new UncheckedIOException("cannot open the WebSocket of " + network.safeDescription(), e);
        }
        webSocket = service;
        subscriptions = Web3j.build(service);
        return subscriptions;
    }

    @Override
    public synchronized void close() {
        if (subscriptions != null) subscriptions.shutdown();
        if (webSocket != null) webSocket.close();
        http.shutdown();
    }
}
