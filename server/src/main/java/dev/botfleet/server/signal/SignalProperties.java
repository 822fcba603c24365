package dev.botfleet.server.signal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code botfleet.signals}: incoming signal webhooks. {@code maxPerMinute} signals per bot (more are answered 429);
 * {@code recentIds} signal ids remembered per bot to recognise a replay.
 */
@ConfigurationProperties("botfleet.signals")
public record SignalProperties(int maxPerMinute, int recentIds) {
    public SignalProperties {
        if (maxPerMinute <= 0) maxPerMinute = 30;
        if (recentIds <= 0) recentIds = 500;
    }
}
