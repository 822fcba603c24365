package dev.botfleet.server.auth.reset;

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
 * Limits reset requests per email address and per client address within a sliding window, so the endpoint cannot be
 * used to flood someone's mailbox or to send mail in bulk. In memory like the login and sign-up throttles: a restart
 * forgives. Time comes from the injected {@link Clock}.
 */
@Component
public class PasswordResetThrottle {
    private static final int PRUNE_ABOVE = 10_000;
    private final PasswordResetProperties limits;
    private final Clock clock;
    private final Map<String, Deque<Instant>> byKey = new ConcurrentHashMap<>();

    public PasswordResetThrottle(PasswordResetProperties limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    /** How long the caller must wait, if this email or this client address reached its limit. */
    public Optional<Duration> waitFor(String email, String address) {
        Instant now = clock.instant();
        Duration wait = Duration.ZERO;
        for (var key : Map.of("email:" + email, limits.maxPerEmail(), "address:" + address, limits.maxPerAddress()).entrySet()) {
            Deque<Instant> requests = byKey.get(key.getKey());
            if (requests == null) continue;
            synchronized (requests) {
                dropExpired(requests, now);
                if (requests.size() < key.getValue()) continue;
                Duration d = Duration.between(now, requests.peekFirst().plus(limits.window()));
                if (d.compareTo(wait) > 0) wait = d;
            }
        }
        return wait.isZero() || wait.isNegative() ? Optional.empty() : Optional.of(wait);
    }

    public void counted(String email, String address) {
        Instant now = clock.instant();
        if (byKey.size() > PRUNE_ABOVE) prune(now);
        for (String key : new String[]{"email:" + email, "address:" + address}) {
            Deque<Instant> requests = byKey.computeIfAbsent(key, k -> new ArrayDeque<>());
            synchronized (requests) {
                dropExpired(requests, now);
                requests.addLast(now);
            }
        }
    }

    private void prune(Instant now) {
        byKey.values().removeIf(requests -> {
            synchronized (requests) {
                dropExpired(requests, now);
                return requests.isEmpty();
            }
        });
    }

    private void dropExpired(Deque<Instant> requests, Instant now) {
        Instant windowStart = now.minus(limits.window());
        while (!requests.isEmpty() && !requests.peekFirst().isAfter(windowStart)) requests.removeFirst();
    }
}
