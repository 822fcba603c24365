package dev.botfleet.server.stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One connected client. Messages wait in a bounded queue drained by the session's own virtual thread, so a slow
 * client never blocks a bot or the feed: when the queue is full, ticks are dropped first (a newer one follows
 * soon), and only when no tick is left to drop does the oldest message go. The session ends when its login token
 * expires (close 1008): nothing is sent after the token's {@code exp}; the client reconnects with a fresh token.
 */
final class StreamSession {
    private static final Logger log = LoggerFactory.getLogger(StreamSession.class);

    private record Outgoing(String text, boolean tick) {
    }

    private final WebSocketSession socket;
    private final UUID ownerId;
    private final int capacity;
    private final Instant expiresAt;
    private final Clock clock;
    private final ArrayDeque<Outgoing> queue = new ArrayDeque<>();
    /** Markets ("exchange|symbol") whose ticks this client asked for. */
    final Set<String> markets = ConcurrentHashMap.newKeySet();
    private long dropped;
    private boolean closed;
    /** Set when the account's tokens were revoked; the send loop then ends the session with this reason. */
    private String revokedBecause;

    StreamSession(WebSocketSession socket, UUID ownerId, int capacity, Instant expiresAt, Clock clock) {
        this.socket = socket;
        this.ownerId = ownerId;
        this.capacity = capacity;
        this.expiresAt = expiresAt;
        this.clock = clock;
        Thread.ofVirtual().name("stream-" + socket.getId()).start(this::sendLoop);
    }

    UUID ownerId() { return ownerId; }

    String id() { return socket.getId(); }

    void offer(String text, boolean tick) {
        synchronized (queue) {
            if (closed) return;
            if (queue.size() >= capacity) {
                if (tick) {
                    dropped++;
                    return;
                }
                if (!dropOldestTick()) queue.pollFirst();
                dropped++;
            }
            queue.addLast(new Outgoing(text, tick));
            queue.notifyAll();
        }
    }

    private boolean dropOldestTick() {
        for (Iterator<Outgoing> it = queue.iterator(); it.hasNext(); ) {
            if (it.next().tick()) {
                it.remove();
                return true;
            }
        }
        return false;
    }

    long dropped() {
        synchronized (queue) {
            return dropped;
        }
    }

    void close() {
        synchronized (queue) {
            closed = true;
            queue.clear();
            queue.notifyAll();
        }
    }

    /** Ends the session from its own send loop (sends and the close never overlap on the socket). */
    void revoke(String reason) {
        synchronized (queue) {
            revokedBecause = reason;
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

    private void end(String reason) {
        close();
        try {
            socket.close(CloseStatus.POLICY_VIOLATION.withReason(reason));
        } catch (IOException | RuntimeException e) {
            log.debug("Stream session {} close failed: {}", socket.getId(), e.getMessage());
        }
    }

    private void sendLoop() {
        while (true) {
            Outgoing next;
            synchronized (queue) {
                while (queue.isEmpty() && !closed && !expired() && revokedBecause == null) {
                    try {
                        queue.wait(millisUntilExpiry());
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (closed) return;
                if (expired()) {
                    end("token expired; reconnect with a fresh token");
                    return;
                }
                if (revokedBecause != null) {
                    end("token revoked: " + revokedBecause);
                    return;
                }
                next = queue.pollFirst();
            }
            try {
                socket.sendMessage(new TextMessage(next.text()));
            } catch (IOException | RuntimeException e) {
                log.debug("Stream session {} send failed: {}", socket.getId(), e.getMessage());
                close();
                return;
            }
        }
    }
}
