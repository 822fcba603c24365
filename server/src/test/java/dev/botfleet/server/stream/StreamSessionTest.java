package dev.botfleet.server.stream;

import org.junit.jupiter.api.Test;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** A client that does not read: offering never blocks, the queue stays bounded, ticks go first, events survive. */
class StreamSessionTest {

    @Test
    void aStalledClientLosesTicksBeforeEventsAndNeverBlocksThePublisher() throws Exception {
        CountDownLatch stalled = new CountDownLatch(1);
        CountDownLatch firstSendStarted = new CountDownLatch(1);
        List<String> sent = new CopyOnWriteArrayList<>();
        WebSocketSession socket = mock(WebSocketSession.class);
        when(socket.getId()).thenReturn("s1");
        doAnswer(call -> {
            firstSendStarted.countDown();
            stalled.await();  // the network is stuck until the test releases it
            sent.add(((TextMessage) call.getArgument(0)).getPayload());
            return null;
        }).when(socket).sendMessage(any(WebSocketMessage.class));

        StreamSession session = new StreamSession(socket, java.util.UUID.randomUUID(), 4, java.time.Instant.MAX, java.time.Clock.systemUTC());
        session.offer("event-0", false);  // taken by the sender, which then hangs in sendMessage
        assertThat(firstSendStarted.await(10, TimeUnit.SECONDS)).isTrue();

        session.offer("tick-1", true);
        session.offer("event-1", false);
        session.offer("tick-2", true);
        session.offer("event-2", false);    // queue full (4)
        session.offer("tick-3", true);      // full: a new tick is dropped
        session.offer("event-3", false);    // full: the oldest tick (tick-1) makes room
        session.offer("event-4", false);    // full: tick-2 makes room
        session.offer("event-5", false);    // full, no tick left: the oldest message (event-1) goes
        assertThat(session.dropped()).isEqualTo(4);

        stalled.countDown();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (sent.size() < 5 && System.nanoTime() < deadline) Thread.sleep(10);
        assertThat(sent).containsExactly("event-0", "event-2", "event-3", "event-4", "event-5");
        session.close();
    }

    @Test
    void theSessionEndsWhenItsTokenExpiresAndSendsNothingAfter() throws Exception {
        dev.botfleet.server.support.MutableClock clock = new dev.botfleet.server.support.MutableClock();
        List<String> sent = new CopyOnWriteArrayList<>();
        CountDownLatch closed = new CountDownLatch(1);
        List<org.springframework.web.socket.CloseStatus> closes = new CopyOnWriteArrayList<>();
        WebSocketSession socket = mock(WebSocketSession.class);
        when(socket.getId()).thenReturn("s2");
        CountDownLatch firstSent = new CountDownLatch(1);
        doAnswer(call -> {
            sent.add(((TextMessage) call.getArgument(0)).getPayload());
            firstSent.countDown();
            return null;
        }).when(socket).sendMessage(any(WebSocketMessage.class));
        doAnswer(call -> {
            closes.add(call.getArgument(0));
            closed.countDown();
            return null;
        }).when(socket).close(any(org.springframework.web.socket.CloseStatus.class));

        StreamSession session = new StreamSession(socket, java.util.UUID.randomUUID(), 4, clock.instant().plusSeconds(30), clock);
        session.offer("before-expiry", false);
        assertThat(firstSent.await(10, TimeUnit.SECONDS)).as("sent before expiry").isTrue();
        assertThat(sent).containsExactly("before-expiry");

        clock.advance(java.time.Duration.ofSeconds(30));
        session.offer("after-expiry", false);
        assertThat(closed.await(10, TimeUnit.SECONDS)).as("socket closed at expiry").isTrue();
        assertThat(closes.getFirst().getCode()).isEqualTo(1008);
        assertThat(closes.getFirst().getReason()).contains("token expired");
        assertThat(sent).containsExactly("before-expiry");
    }
}
