package dev.botfleet.exchanges.ws;

import dev.botfleet.exchanges.StreamHandle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A venue WebSocket that stays up: it connects, lets the venue code subscribe (and log in), sends the venue's
 * keepalive message on its schedule, and when the socket drops (or the venue closes it, e.g. Binance after 24 h) it
 * reconnects with exponential backoff, subscribes again and tells the venue code, which backfills the gap by REST.
 * On the JDK's client, pings from the venue are answered with pongs automatically.
 */
public final class ReconnectingWebSocket implements StreamHandle {
    private static final Logger log = LoggerFactory.getLogger(ReconnectingWebSocket.class);

    /** The venue-specific side of a stream. Called on the socket's thread, one message at a time. */
    public interface Session {
        /** The socket is open: send subscriptions (and the login) now. {@code reconnect} is true after a drop. */
        void onOpen(Sender sender, boolean reconnect) throws Exception;

        void onMessage(Sender sender, String text) throws Exception;

        /** The socket is gone; a reconnect is scheduled. */
        default void onDropped(String reason) {
        }
    }

    /** Sends text on the current socket. */
    @FunctionalInterface
    public interface Sender {
        void send(String text);
    }

    private final String name;
    private final HttpClient http;
    private final Supplier<URI> uri;
    private final Session session;
    private final Duration keepaliveEvery;
    private final Supplier<String> keepaliveMessage;
    private final ScheduledExecutorService scheduler;
    private volatile WebSocket socket;
    private volatile boolean closed;
    private volatile boolean open;
    private volatile boolean everOpened;
    private long backoffMillis = 250;
    private ScheduledFuture<?> keepalive;
    private volatile Listener current;

    /**
     * @param keepaliveMessage a text message the venue wants as keepalive (Bybit {@code {"op":"ping"}}), or null when
     *                         the venue pings us (Binance)
     */
    public ReconnectingWebSocket(String name, HttpClient http, Supplier<URI> uri, Session session,
                                 Duration keepaliveEvery, Supplier<String> keepaliveMessage) {
        this.name = name;
        this.http = http;
        this.uri = uri;
        this.session = session;
        this.keepaliveEvery = keepaliveEvery;
        this.keepaliveMessage = keepaliveMessage;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("ws-" + name).factory());
    }

    public ReconnectingWebSocket start() {
        scheduler.execute(this::connect);
        return this;
    }

    @Override
    public boolean connected() { return open; }

    @Override
    public void close() {
        closed = true;
        open = false;
        WebSocket s = socket;
        if (s != null) s.abort();
        scheduler.shutdownNow();
    }

    /** Drops the connection as a network failure would (used by tests of the reconnect path). */
    public void dropForTest() {
        WebSocket s = socket;
        Listener l = current;
        if (s != null && l != null) l.end(s, "dropped on purpose");
    }

    private void connect() {
        if (closed) return;
        URI target = uri.get();
        Listener listener = new Listener();
        current = listener;
        http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10)).buildAsync(target, listener)
                .whenComplete((ws, error) -> {
                    if (error != null) dropped("connect to " + target.getHost() + ":" + target.getPort()
                            + " failed: " + rootMessage(error));
                });
    }

    private void dropped(String reason) {
        boolean wasOpen = open;
        open = false;
        if (keepalive != null) keepalive.cancel(false);
        if (closed) return;
        if (wasOpen) log.warn("{} stream dropped: {}", name, reason);
        try {
            session.onDropped(reason);
        } catch (RuntimeException e) {
            log.warn("{} stream: onDropped failed", name, e);
        }
        long wait = backoffMillis;
        backoffMillis = Math.min(backoffMillis * 2, 30_000);
        try {
            scheduler.schedule(this::connect, wait, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException shutDown) {
            // closed meanwhile
        }
    }

    /** The JDK client allows one outstanding send per socket: sends are serialised and awaited. */
    private synchronized void sendNow(WebSocket webSocket, String text) {
        webSocket.sendText(text, true).join();
    }

    private static String rootMessage(Throwable t) {
        while (t.getCause() != null) t = t.getCause();
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();
        private final java.util.concurrent.atomic.AtomicBoolean ended = new java.util.concurrent.atomic.AtomicBoolean();
        private volatile long lastHeard = System.nanoTime();
        private Sender sender;

        @Override
        public void onOpen(WebSocket webSocket) {
            socket = webSocket;
            sender = text -> sendNow(webSocket, text);
            boolean reconnect = everOpened;
            everOpened = true;
            open = true;
            backoffMillis = 250;
            lastHeard = System.nanoTime();
            // Keepalive and watchdog: a venue that stays silent for three keepalive periods (no message, no ping) is
            // treated as gone, as is a keepalive we cannot send; a half-open TCP connection would otherwise hang forever.
            keepalive = scheduler.scheduleAtFixedRate(() -> {
                long silentMillis = (System.nanoTime() - lastHeard) / 1_000_000;
                if (silentMillis > keepaliveEvery.toMillis() * 3) {
                    end(webSocket, "no data for " + silentMillis + " ms");
                    return;
                }
                if (keepaliveMessage == null || !open) return;
                try {
                    sendNow(webSocket, keepaliveMessage.get());
                } catch (RuntimeException e) {
                    end(webSocket, "keepalive could not be sent: " + rootMessage(e));
                }
            }, keepaliveEvery.toMillis(), keepaliveEvery.toMillis(), TimeUnit.MILLISECONDS);
            try {
                session.onOpen(sender, reconnect);
            } catch (Exception e) {
                log.warn("{} stream: subscribing failed: {}", name, e.toString());
                end(webSocket, "subscribing failed: " + e.getMessage());
                return;
            }
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            lastHeard = System.nanoTime();
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    session.onMessage(sender, text);
                } catch (Exception e) {
                    log.warn("{} stream: message not understood ({}): {}", name, e.toString(),
                            text.length() > 200 ? text.substring(0, 200) + "..." : text);
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
            lastHeard = System.nanoTime();
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
            lastHeard = System.nanoTime();
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            end(webSocket, "closed by the venue (" + statusCode + (reason.isEmpty() ? "" : " " + reason) + ")");
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            end(webSocket, rootMessage(error));
        }

        /** This connection is over, whoever noticed first: abort it and reconnect, once. */
        void end(WebSocket webSocket, String reason) {
            if (ended.getAndSet(true)) return;
            webSocket.abort();
            dropped(reason);
        }
    }
}
