package dev.botfleet.server.auth;

import dev.botfleet.server.config.BotfleetProperties;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing: too many failed logins for one account, or from one address, within a window lock
 * that key for a while; each further lock of the same key doubles the wait (capped). In memory: a restart forgives,
 * which is acceptable for a single self-hosted server. Time comes from the injected {@link Clock}.
 */
@Component
public class LoginThrottle {
    private final BotfleetProperties.Login limits;
    private final Clock clock;
    /** Guessing with ever new emails must not grow memory without bound: idle records are dropped past this size. */
    private static final int PRUNE_ABOVE = 10_000;
    private final Map<String, Attempts> byKey = new ConcurrentHashMap<>();

    public LoginThrottle(BotfleetProperties properties, Clock clock) {
        this.limits = properties.login();
        this.clock = clock;
    }

    /** How long the caller must still wait, if the account or the address is locked. */
    public Optional<Duration> lockedFor(String email, String address) {
        Instant now = clock.instant();
        Duration wait = Duration.ZERO;
        for (String key : new String[]{accountKey(email), addressKey(address)}) {
            Attempts a = byKey.get(key);
            if (a != null) {
                Duration d = a.remainingLock(now);
                if (d.compareTo(wait) > 0) wait = d;
            }
        }
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    public void failed(String email, String address) {
        Instant now = clock.instant();
        if (byKey.size() > PRUNE_ABOVE) prune(now);
        byKey.computeIfAbsent(accountKey(email), k -> new Attempts()).fail(now, limits.maxFailures());
        byKey.computeIfAbsent(addressKey(address), k -> new Attempts()).fail(now, limits.maxFailuresPerAddress());
    }

    /** A correct password clears the account's record; the address keeps its failures (it may be guessing others). */
    public void succeeded(String email) {
        byKey.remove(accountKey(email));
    }

    /** Forgets keys that are not locked and whose failures all left the window. */
    void prune(Instant now) {
        byKey.entrySet().removeIf(e -> e.getValue().idle(now));
    }

    int trackedKeys() {
        return byKey.size();
    }

    private static String accountKey(String email) {
        return "account:" + email;
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }

    private final class Attempts {
        private final Deque<Instant> failures = new ArrayDeque<>();
        private Instant lockedUntil = Instant.MIN;
        private int locks;

        synchronized Duration remainingLock(Instant now) {
            return now.isBefore(lockedUntil) ? Duration.between(now, lockedUntil) : Duration.ZERO;
        }

        synchronized boolean idle(Instant now) {
            Instant windowStart = now.minus(limits.window());
            // a lock's history is kept for max-lockout after it ends, so a returning guesser still meets the doubled lock
            return !now.isBefore(lockedUntil.plus(limits.maxLockout()))
                    && (failures.isEmpty() || !failures.peekLast().isAfter(windowStart));
        }

        synchronized void fail(Instant now, int max) {
            Instant windowStart = now.minus(limits.window());
            while (!failures.isEmpty() && !failures.peekFirst().isAfter(windowStart)) failures.removeFirst();
            failures.addLast(now);
            if (failures.size() >= max) {
                locks++;
                Duration lock = limits.lockout().multipliedBy(1L << Math.min(locks - 1, 20));
                if (lock.compareTo(limits.maxLockout()) > 0) lock = limits.maxLockout();
                lockedUntil = now.plus(lock);
                failures.clear();
            }
        }
    }
}
