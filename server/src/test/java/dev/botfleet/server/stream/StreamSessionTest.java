package dev.botfleet.server.stream;

import dev.botfleet.server.support.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * One session against a socket whose network the test controls (stalled, failing): offering never blocks, state is
 * coalesced, events are batched and never lost, and every way the sender ends tells the client why.
 */
class StreamSessionTest {
    private static final StreamLimits LIMITS = new StreamLimits(4, 100, Duration.ofSeconds(10));

    /** A socket that records frames and its close; {@code stall} holds the first send until released. */
    private static final class Socket {
        final WebSocketSession socket = mock(WebSocketSession.class);
        final List<String> frames = new CopyOnWriteArrayList<>();
        final CompletableFuture<CloseStatus> closed = new CompletableFuture<>();
        final CompletableFuture<StreamSession> ended = new CompletableFuture<>();
        final CountDownLatch firstSendStarted = new CountDownLatch(1);
        final CountDownLatch stall = new CountDownLatch(1);

        Socket(Throwable failure) throws IOException {
            when(socket.getId()).thenReturn("s" + UUID.randomUUID());
            doAnswer(call -> {
                firstSendStarted.countDown();
                stall.await();
                if (failure != null) throw failure;
                frames.add(((TextMessage) call.getArgument(0)).getPayload());
                return null;
            }).when(socket).sendMessage(any(WebSocketMessage.class));
            doAnswer(call -> closed.complete(call.getArgument(0))).when(socket).close(any(CloseStatus.class));
        }

        StreamSession open(StreamLimits limits, Instant expiresAt, Clock clock) {
            return new StreamSession(socket, UUID.randomUUID(), limits, expiresAt, clock, ended::complete);
        }

        StreamSession open() {
            return open(LIMITS, Instant.MAX, Clock.systemUTC());
        }

        void awaitFrames(int n) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (frames.size() < n && System.nanoTime() < deadline) Thread.sleep(10);
            assertThat(frames).hasSizeGreaterThanOrEqualTo(n);
        }
    }

    @Test
    void aStalledClientGetsEveryEventInOrderInOneFrameWithOnlyTheLatestTickAndBotSnapshot() throws Exception {
        Socket s = new Socket(null);
        StreamSession session = s.open();
        session.offer("{\"e\":0}");  // taken by the sender, which then hangs in sendMessage
        assertThat(s.firstSendStarted.await(10, TimeUnit.SECONDS)).isTrue();

        session.offerLatest("tick|sim|BTC/USDT", "{\"tick\":1}");
        session.offer("{\"e\":1}");
        session.offerLatest("bot|b1", "{\"bot\":1}");
        session.offer("{\"e\":2}");
        session.offerLatest("tick|sim|BTC/USDT", "{\"tick\":2}");  // replaces tick 1, after e2
        session.offerLatest("tick|sim|ETH/USDT", "{\"eth\":1}");
        session.offerLatest("bot|b1", "{\"bot\":2}");              // replaces bot 1
        session.offer("{\"e\":3}");
        assertThat(session.replaced()).isEqualTo(2);

        s.stall.countDown();
        s.awaitFrames(2);
        assertThat(s.frames).containsExactly("{\"e\":0}", "{\"type\":\"batch\",\"data\":["
                + "{\"e\":1},{\"e\":2},{\"tick\":2},{\"eth\":1},{\"bot\":2},{\"e\":3}]}");
        assertThat(s.closed).isNotDone();
        session.close();
    }

    @Test
    void moreEventsWaitingThanTheLimitCloseTheSessionWith1013InsteadOfDroppingOne() throws Exception {
        Socket s = new Socket(null);
        StreamSession session = s.open();
        session.offer("{\"e\":0}");
        assertThat(s.firstSendStarted.await(10, TimeUnit.SECONDS)).isTrue();
        for (int i = 1; i <= 4; i++) session.offer("{\"e\":" + i + "}");  // the limit: 4 waiting
        for (int i = 0; i < 100; i++) session.offerLatest("tick|sim|BTC/USDT", "{\"tick\":" + i + "}");  // state: no limit hit
        assertThat(s.closed).isNotDone();

        session.offer("{\"e\":5}");  // one too many: never dropped silently, the session ends
        s.stall.countDown();
        CloseStatus status = s.closed.get(10, TimeUnit.SECONDS);
        assertThat(status.getCode()).isEqualTo(1013);
        assertThat(status.getReason()).isEqualTo("client too slow: more than 4 events waiting; reconnect and re-read state");
        assertThat(s.ended.get(10, TimeUnit.SECONDS)).isSameAs(session);
        assertThat(s.frames).containsExactly("{\"e\":0}");  // nothing after the overflow: the client re-reads state
    }

    /** The CI flake's silent session: a sender that died on an Error left its client connected to nothing. */
    @Test
    void aSendThatThrowsAnErrorClosesTheSocketWithAReasonAndEndsTheSession() throws Exception {
        Socket s = new Socket(new StackOverflowError());
        StreamSession session = s.open();
        s.stall.countDown();
        session.offer("{\"e\":0}");
        CloseStatus status = s.closed.get(10, TimeUnit.SECONDS);
        assertThat(status.getCode()).isEqualTo(1011);
        assertThat(status.getReason()).isEqualTo("could not deliver events (StackOverflowError); reconnect and re-read state");
        assertThat(s.ended.get(10, TimeUnit.SECONDS)).isSameAs(session);
    }

    /** A send that failed or timed out (Tomcat's blocking-send timeout) used to mark the session closed and nothing more. */
    @Test
    void aFailedOrTimedOutSendClosesTheSocketWithAReasonAndEndsTheSession() throws Exception {
        Socket s = new Socket(new java.net.SocketTimeoutException("write timed out"));
        StreamSession session = s.open();
        s.stall.countDown();
        session.offer("{\"e\":0}");
        CloseStatus status = s.closed.get(10, TimeUnit.SECONDS);
        assertThat(status.getCode()).isEqualTo(1011);
        assertThat(status.getReason()).isEqualTo("could not deliver events (SocketTimeoutException); reconnect and re-read state");
        assertThat(s.ended.get(10, TimeUnit.SECONDS)).isSameAs(session);
        session.offer("{\"e\":1}");
        assertThat(s.frames).isEmpty();
    }

    @Test
    void theSessionEndsWhenItsTokenExpiresAndSendsNothingAfter() throws Exception {
        MutableClock clock = new MutableClock();
        Socket s = new Socket(null);
        s.stall.countDown();
        StreamSession session = s.open(LIMITS, clock.instant().plusSeconds(30), clock);
        session.offer("before-expiry");
        s.awaitFrames(1);

        clock.advance(Duration.ofSeconds(30));
        session.offer("after-expiry");
        CloseStatus status = s.closed.get(10, TimeUnit.SECONDS);
        assertThat(status.getCode()).isEqualTo(1008);
        assertThat(status.getReason()).contains("token expired");
        assertThat(s.frames).containsExactly("before-expiry");
        assertThat(s.ended.get(10, TimeUnit.SECONDS)).isSameAs(session);
    }
}
