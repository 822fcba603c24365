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
 * Limits sign-ups per client address: at most {@code maxPerAddress} registrations that reached the password hash (a
 * new account, or an email already taken) within {@code window}. Requests refused by validation cost nothing and do
 * not count. In memory, like {@link LoginThrottle}: a restart forgives. Time comes from the injected {@link Clock}.
 */
@Component
public class RegistrationThrottle {
    private static final int PRUNE_ABOVE = 10_000;
    private final BotfleetProperties.Registration limits;
    private final Clock clock;
    private final Map<String, Deque<Instant>> byAddress = new ConcurrentHashMap<>();

    public RegistrationThrottle(BotfleetProperties properties, Clock clock) {
        this.limits = properties.registration();
        this.clock = clock;
    }

    /** How long this address must wait before it may register again, if it reached the limit. */
    public Optional<Duration> waitFor(String address) {
        Deque<Instant> attempts = byAddress.get(address);
        if (attempts == null) return Optional.empty();
        Instant now = clock.instant();
        synchronized (attempts) {
            dropExpired(attempts, now);
            if (attempts.size() < limits.maxPerAddress()) return Optional.empty();
            return Optional.of(Duration.between(now, attempts.peekFirst().plus(limits.window())));
        }
    }

    public void counted(String address) {
        Instant now = clock.instant();
        if (byAddress.size() > PRUNE_ABOVE) prune(now);
        Deque<Instant> attempts = byAddress.computeIfAbsent(address, a -> new ArrayDeque<>());
        synchronized (attempts) {
            dropExpired(attempts, now);
            attempts.addLast(now);
        }
    }

    private void prune(Instant now) {
        byAddress.values().removeIf(attempts -> {
            synchronized (attempts) {
                dropExpired(attempts, now);
                return attempts.isEmpty();
            }
        });
    }

    private void dropExpired(Deque<Instant> attempts, Instant now) {
        Instant windowStart = now.minus(limits.window());
        while (!attempts.isEmpty() && !attempts.peekFirst().isAfter(windowStart)) attempts.removeFirst();
    }
}
