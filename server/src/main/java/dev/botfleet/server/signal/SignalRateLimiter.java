package dev.botfleet.server.signal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code max} signals per bot in any sliding minute (in memory: a restart forgives). Every request with a
 * valid token counts, accepted or not, so a misconfigured alert cannot flood the bot's activity log for long.
 */
final class SignalRateLimiter {
    private static final long WINDOW = Duration.ofMinutes(1).toMillis();

    private final int max;
    private final Clock clock;
    private final Map<UUID, ArrayDeque<Long>> recent = new ConcurrentHashMap<>();

    SignalRateLimiter(int max, Clock clock) {
        this.max = max;
        this.clock = clock;
    }

    /** Counts one signal; empty if it may pass, else how long until one may. */
    Optional<Duration> acquire(UUID botId) {
        long now = clock.millis();
        ArrayDeque<Long> times = recent.computeIfAbsent(botId, k -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst() <= now - WINDOW) times.pollFirst();
            if (times.size() >= max) return Optional.of(Duration.ofMillis(times.peekFirst() + WINDOW - now));
            times.addLast(now);
            return Optional.empty();
        }
    }
}
