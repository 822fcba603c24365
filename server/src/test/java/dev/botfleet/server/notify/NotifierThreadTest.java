package dev.botfleet.server.notify;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class NotifierThreadTest {
    private static final long AN_HOUR = TimeUnit.HOURS.toNanos(1);

    @Test
    void stoppingASenderLetsTheSendUnderWayFinish() throws Exception {
        NotifierThread sender = new NotifierThread("test-sender");
        CountDownLatch inSend = new CountDownLatch(1);
        CountDownLatch answered = new CountDownLatch(1);
        AtomicReference<String> outcome = new AtomicReference<>();
        AtomicInteger passes = new AtomicInteger();
        sender.start(() -> {
            passes.incrementAndGet();
            inSend.countDown();
            try {
                answered.await();  // the receiver has the message; its answer is on the way
                outcome.set("marked sent");
            } catch (InterruptedException e) {
                outcome.set("interrupted: would be sent again after a restart");
            }
            return AN_HOUR;
        }, e -> { }, AN_HOUR);
        assertThat(inSend.await(10, TimeUnit.SECONDS)).isTrue();

        Thread stopper = Thread.ofPlatform().start(sender::stop);
        awaitState(stopper, Thread.State.TIMED_WAITING);  // stop waits for the pass
        assertThat(outcome.get()).isNull();
        answered.countDown();
        stopper.join(10_000);

        assertThat(stopper.isAlive()).isFalse();
        assertThat(outcome.get()).isEqualTo("marked sent");
        assertThat(passes.get()).isEqualTo(1);
        assertThat(alive("test-sender")).isFalse();  // the hour's sleep after the pass was ended, not waited out
    }

    @Test
    void stoppingAnInterruptibleThreadCutsItsWaitShort() throws Exception {
        NotifierThread poller = NotifierThread.interruptible("test-poller");
        CountDownLatch inPoll = new CountDownLatch(1);
        AtomicReference<String> outcome = new AtomicReference<>();
        poller.start(() -> {
            inPoll.countDown();
            try {
                new CountDownLatch(1).await();  // a long poll nobody answers
                outcome.set("answered");
            } catch (InterruptedException e) {
                outcome.set("interrupted");
                throw e;
            }
            return 0;
        }, e -> { }, AN_HOUR);
        assertThat(inPoll.await(10, TimeUnit.SECONDS)).isTrue();
        poller.stop();
        assertThat(outcome.get()).isEqualTo("interrupted");
        assertThat(alive("test-poller")).isFalse();
    }

    @Test
    void aSenderStoppedWhileSleepingEndsWithoutAnotherPass() throws Exception {
        NotifierThread sender = new NotifierThread("test-idle");
        AtomicInteger passes = new AtomicInteger();
        CountDownLatch passed = new CountDownLatch(1);
        sender.start(() -> {
            passes.incrementAndGet();
            passed.countDown();
            return AN_HOUR;
        }, e -> { }, AN_HOUR);
        assertThat(passed.await(10, TimeUnit.SECONDS)).isTrue();
        sender.stop();
        assertThat(alive("test-idle")).isFalse();
        assertThat(passes.get()).isEqualTo(1);
    }

    private static boolean alive(String name) {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals(name) && t.isAlive());
    }

    private static void awaitState(Thread thread, Thread.State state) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (thread.getState() != state) {
            if (System.nanoTime() > deadline) throw new AssertionError(thread.getName() + " never reached " + state);
            Thread.onSpinWait();
        }
    }
}
