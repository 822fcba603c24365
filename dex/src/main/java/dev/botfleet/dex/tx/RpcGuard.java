package dev.botfleet.dex.tx;

import org.web3j.protocol.exceptions.ClientConnectionException;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;

/**
 * Every JSON-RPC call of the transaction manager goes through here: transport failures (connection refused and
 * timeouts, which web3j raises as {@link IOException}; a non-2xx HTTP status, which web3j 6 raises as the unchecked
 * {@link ClientConnectionException}) are retried with exponential backoff, and after
 * {@code failureThreshold} failures in a row the circuit opens: calls fail at once with {@link CircuitOpenException}
 * for {@code openFor}, then one trial call decides (half-open). A JSON-RPC error is an answer, not a failure: web3j
 * returns it in the response and it is never retried here.
 */
public final class RpcGuard {

    /** What a call does; web3j's {@code request.send()} fits. */
    @FunctionalInterface
    public interface RpcCall<T> {
        T run() throws IOException;
    }

    /** How to wait between attempts; tests record the delays instead of waiting. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    public enum State { CLOSED, OPEN, HALF_OPEN }

    /**
     * @param maxAttempts      attempts per call, the first included
     * @param baseDelay        the wait after the first failure; doubled after each further one
     * @param maxDelay         the longest wait
     * @param failureThreshold consecutive failed attempts that open the circuit
     * @param openFor          how long an open circuit refuses calls
     */
    public record Settings(int maxAttempts, Duration baseDelay, Duration maxDelay, int failureThreshold,
                           Duration openFor) {
        public Settings {
            if (maxAttempts < 1 || failureThreshold < 1) {
                throw new IllegalArgumentException("maxAttempts and failureThreshold must be at least 1");
            }
        }

        public static Settings defaults() {
            return new Settings(4, Duration.ofMillis(200), Duration.ofSeconds(5), 8, Duration.ofSeconds(30));
        }
    }

    private final Settings settings;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Random jitter;
    private State state = State.CLOSED;
    private int consecutiveFailures;
    private Instant openedAt;
    private boolean trialInFlight;

    /**
     * @param jitter adds up to half a delay at random so many bots do not retry in step; null for exact delays
     */
    public RpcGuard(Settings settings, Clock clock, Sleeper sleeper, Random jitter) {
        this.settings = settings;
        this.clock = clock;
        this.sleeper = sleeper;
        this.jitter = jitter;
    }

    public static RpcGuard standard(Clock clock) {
        return new RpcGuard(Settings.defaults(), clock, d -> Thread.sleep(d), new Random());
    }

    public <T> T call(String what, RpcCall<T> call) throws IOException {
        IOException last = null;
        for (int attempt = 0; attempt < settings.maxAttempts(); attempt++) {
            if (attempt > 0) {
                pause(delay(attempt - 1));
            }
            admit(what);
            try {
                T result = call.run();
                succeeded();
                return result;
            } catch (IOException e) {
                failed();
                last = e;
            } catch (ClientConnectionException e) {
                failed();
                last = new IOException(e.getMessage(), e);
            } catch (RuntimeException e) {
                released(); // not a transport failure (a bug, a parse error): says nothing about the node
                throw e;
            }
        }
        throw new IOException(what + " failed after " + settings.maxAttempts() + " attempts: " + last.getMessage(),
                last);
    }

    public synchronized State state() {
        if (state == State.OPEN && !clock.instant().isBefore(openedAt.plus(settings.openFor()))) {
            return State.HALF_OPEN;
        }
        return state;
    }

    /** The wait before retry number {@code retry} (0-based): base × 2^retry, at most maxDelay, plus jitter. */
    Duration delay(int retry) {
        long base = settings.baseDelay().toMillis();
        long exact = Math.min(settings.maxDelay().toMillis(), base << Math.min(retry, 30));
        long extra = jitter == null || exact < 2 ? 0 : jitter.nextLong(exact / 2);
        return Duration.ofMillis(exact + extra);
    }

    private synchronized void admit(String what) {
        State now = state();
        if (now == State.OPEN || (now == State.HALF_OPEN && trialInFlight)) {
            throw new CircuitOpenException("RPC circuit open after " + consecutiveFailures
                    + " failures in a row; " + what + " not sent");
        }
        if (now == State.HALF_OPEN) {
            trialInFlight = true; // one trial at a time decides; the others still fail fast
        }
        state = now;
    }

    private synchronized void succeeded() {
        trialInFlight = false;
        consecutiveFailures = 0;
        state = State.CLOSED;
    }

    private synchronized void released() {
        trialInFlight = false;
    }

    private synchronized void failed() {
        trialInFlight = false;
        consecutiveFailures++;
        if (state == State.HALF_OPEN || consecutiveFailures >= settings.failureThreshold()) {
            state = State.OPEN;
            openedAt = clock.instant();
        }
    }

    private void pause(Duration d) throws IOException {
        try {
            sleeper.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while backing off", e);
        }
    }
}
