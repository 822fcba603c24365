package dev.botfleet.server.stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.adapter.NativeWebSocketSession;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * One connected client. Messages wait in the session's queue, drained by its own sender thread, so a slow client
 * never blocks a bot or the feed; the sender takes everything waiting (up to {@code maxBatch}) and sends it as one
 * frame ({@link StreamFrames}).
 *
 * <p>Nothing that matters is ever dropped silently. Ticks and bot snapshots are state, so a newer one replaces the
 * one still waiting for the same market or bot (and moves to the end, keeping the order with the events around it).
 * Events (order, trade, log, ...) are never replaced or dropped: when more than {@code maxQueuedEvents} wait, the
 * client cannot keep up and the session is closed with 1013, telling it to reconnect and re-read state. Every way
 * the sender can end — token expiry or revocation (1008), a send that fails or takes longer than
 * {@code sendTimeout}, any exception or error (1011), shutdown (1001) — closes the socket with a reason and removes
 * the session, so a client is never left connected to a session that no longer sends.
 */
final class StreamSession {
    private static final Logger log = LoggerFactory.getLogger(StreamSession.class);
    /** Tomcat's per-session limit for a blocking send (milliseconds, a Long), after which the send throws. */
    static final String TOMCAT_SEND_TIMEOUT = "org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT";
    static final String RECONNECT = "; reconnect and re-read state";

    private final WebSocketSession socket;
    private final UUID ownerId;
    private final StreamLimits limits;
    private final Instant expiresAt;
    private final Clock clock;
    private final Consumer<StreamSession> onEnded;
    /**
     * Waiting messages in send order. An event's key is its own sequence number (a Long), so it is never replaced;
     * a tick's key is {@code tick|market} and a bot snapshot's {@code bot|id}, so the newest replaces the one waiting.
     */
    private final LinkedHashMap<Object, String> queue = new LinkedHashMap<>();
    private long nextEvent;
    private int queuedEvents;
    private long replaced;
    /** Markets ("exchange|symbol") whose ticks this client asked for. */
    final Set<String> markets = ConcurrentHashMap.newKeySet();
    /** Set once: why the sender must end the session (too slow, token revoked); it closes the socket with it. */
    private CloseStatus ending;
    private boolean closed;

    StreamSession(WebSocketSession socket, UUID ownerId, StreamLimits limits, Instant expiresAt, Clock clock,
                  Consumer<StreamSession> onEnded) {
        this.socket = socket;
        this.ownerId = ownerId;
        this.limits = limits;
        this.expiresAt = expiresAt;
        this.clock = clock;
        this.onEnded = onEnded;
        if (socket instanceof NativeWebSocketSession n && n.getNativeSession() instanceof jakarta.websocket.Session s) {
            s.getUserProperties().put(TOMCAT_SEND_TIMEOUT, limits.sendTimeout().toMillis());
        }
        // A platform thread, not a virtual one: with a fleet trading, the virtual-thread scheduler's queue holds a
        // turn of every bot, and a sender waiting its turn behind them after each park managed one frame a second
        // (docs/fleet-scale.md). The OS time-slices a platform thread fairly against the carriers.
        Thread.ofPlatform().daemon().name("stream-" + socket.getId()).start(this::sendLoop);
    }

    UUID ownerId() { return ownerId; }

    String id() { return socket.getId(); }

    /** An event: delivered in order, never dropped; too many waiting ends the session (1013). */
    void offer(String text) {
        synchronized (queue) {
            if (closed || ending != null) return;
            if (queuedEvents >= limits.maxQueuedEvents()) {
                ending = CloseStatus.SERVICE_OVERLOAD.withReason("client too slow: more than "
                        + limits.maxQueuedEvents() + " events waiting" + RECONNECT);
                queue.notifyAll();
                return;
            }
            queue.put(nextEvent++, text);
            queuedEvents++;
            queue.notifyAll();
        }
    }

    /** State (a tick, a bot snapshot): replaces the waiting message with the same key. */
    void offerLatest(String key, String text) {
        synchronized (queue) {
            if (closed || ending != null) return;
            if (queue.remove(key) != null) replaced++;
            queue.put(key, text);
            queue.notifyAll();
        }
    }

    /** Ticks and bot snapshots replaced by a newer one before they were sent. */
    long replaced() {
        synchronized (queue) {
            return replaced;
        }
    }

    /** The connection is gone (or the server stops): nothing more is sent and nothing needs telling. */
    void close() {
        synchronized (queue) {
            closed = true;
            queue.clear();
            queuedEvents = 0;
            queue.notifyAll();
        }
    }

    /** Ends the session from its own sender (sends and the close never overlap on the socket). */
    void revoke(String reason) {
        endSoon(CloseStatus.POLICY_VIOLATION.withReason("token revoked: " + reason));
    }

    private void endSoon(CloseStatus status) {
        synchronized (queue) {
            if (ending == null) ending = status;
            queue.notifyAll();
        }
    }

    /** How long the sender may sleep: until the token expires, but at most a minute (the clock may be moved). */
    private long millisUntilExpiry() {
        Instant now = clock.instant();
        if (expiresAt.isAfter(now.plusSeconds(60))) return 60_000;
        return Math.max(1, Duration.between(now, expiresAt).toMillis());
    }

    private boolean expired() {
        return !clock.instant().isBefore(expiresAt);
    }

    private void sendLoop() {
        CloseStatus why = null;
        try {
            while (true) {
                List<String> batch;
                synchronized (queue) {
                    while (queue.isEmpty() && !closed && ending == null && !expired()) queue.wait(millisUntilExpiry());
                    if (closed) return;
                    if (ending != null) {
                        why = ending;
                        return;
                    }
                    if (expired()) {
                        why = CloseStatus.POLICY_VIOLATION.withReason("token expired; reconnect with a fresh token");
                        return;
                    }
                    batch = take();
                }
                send(batch);
            }
        } catch (InterruptedException e) {
            why = CloseStatus.GOING_AWAY.withReason("server stopping" + RECONNECT);
        } catch (Throwable e) {  // an Error too: a sender that dies must not leave its client waiting on nothing
            log.warn("Stream session {} could not send, closing it: {}", socket.getId(), e.toString());
            why = CloseStatus.SERVER_ERROR.withReason(reasonAfterFailure(e));
        } finally {
            end(why);
        }
    }

    private String reasonAfterFailure(Throwable e) {
        synchronized (queue) {
            if (ending != null) return ending.getReason();  // e.g. too slow, and the stuck send then timed out
        }
        return "could not deliver events (" + e.getClass().getSimpleName() + ")" + RECONNECT;
    }

    private List<String> take() {
        List<String> batch = new ArrayList<>(Math.min(queue.size(), limits.maxBatch()));
        int chars = 0;
        for (Iterator<Map.Entry<Object, String>> it = queue.entrySet().iterator();
             it.hasNext() && batch.size() < limits.maxBatch() && chars < StreamFrames.MAX_FRAME_CHARS; ) {
            Map.Entry<Object, String> next = it.next();
            if (next.getKey() instanceof Long) queuedEvents--;
            batch.add(next.getValue());
            chars += next.getValue().length();
            it.remove();
        }
        return batch;
    }

    private void send(List<String> batch) throws java.io.IOException {
        socket.sendMessage(new TextMessage(StreamFrames.frame(batch)));
    }

    /** Closes the socket with the reason (when there is one to tell) and forgets the session. */
    private void end(CloseStatus why) {
        close();
        if (why != null) {
            try {
                socket.close(why);
            } catch (Exception e) {
                log.debug("Stream session {} close failed: {}", socket.getId(), e.getMessage());
            }
        }
        onEnded.accept(this);
    }
}
