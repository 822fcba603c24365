package dev.botfleet.server.notify.email;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/**
 * {@code botfleet.mail.alerts}: how alert emails are paced. A user gets at most one alert email per
 * {@code minInterval}; alerts queued meanwhile go out together in the next one (at most {@code maxPerMail}). A failed
 * send is retried after {@code backoff[attempt-1]} (the last value repeats), at most {@code maxAttempts} times.
 * Whether mail is on at all and the sender address are {@code botfleet.mail.enabled} and {@code botfleet.mail.from}.
 */
@ConfigurationProperties("botfleet.mail.alerts")
public record EmailAlertProperties(Duration minInterval, int maxPerMail, List<Duration> backoff, int maxAttempts,
                                   Duration pollInterval) {
    public EmailAlertProperties {
        if (minInterval == null) minInterval = Duration.ofMinutes(1);
        if (maxPerMail <= 0) maxPerMail = 20;
        if (backoff == null || backoff.isEmpty()) {
            backoff = List.of(Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofMinutes(10), Duration.ofHours(1));
        }
        backoff = List.copyOf(backoff);
        if (maxAttempts <= 0) maxAttempts = 8;
        if (pollInterval == null) pollInterval = Duration.ofSeconds(5);
    }

    public Duration backoffAfter(int attempts) {
        return backoff.get(Math.min(Math.max(attempts, 1), backoff.size()) - 1);
    }
}
