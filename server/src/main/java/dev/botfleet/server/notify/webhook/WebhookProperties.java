package dev.botfleet.server.notify.webhook;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/**
 * {@code botfleet.webhooks}: limits and retry policy of outgoing webhooks. {@code backoff} is the wait after the 1st,
 * 2nd, ... failed attempt (the last value repeats); after {@code maxAttempts} attempts a delivery is failed.
 */
@ConfigurationProperties("botfleet.webhooks")
public record WebhookProperties(int maxPerUser, List<Duration> backoff, int maxAttempts, Duration connectTimeout,
                                Duration readTimeout, int concurrency, Duration pollInterval) {
    public WebhookProperties {
        if (maxPerUser <= 0) maxPerUser = 10;
        if (backoff == null || backoff.isEmpty()) {
            backoff = List.of(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofMinutes(10),
                    Duration.ofHours(1));
        }
        backoff = List.copyOf(backoff);
        if (maxAttempts <= 0) maxAttempts = 6;
        if (connectTimeout == null) connectTimeout = Duration.ofSeconds(3);
        if (readTimeout == null) readTimeout = Duration.ofSeconds(5);
        if (concurrency <= 0) concurrency = 8;
        if (pollInterval == null) pollInterval = Duration.ofSeconds(1);
    }

    /** The wait after the {@code attempts}-th failed attempt. */
    public Duration backoffAfter(int attempts) {
        return backoff.get(Math.min(Math.max(attempts, 1), backoff.size()) - 1);
    }
}
