package dev.botfleet.server.portfolio;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The portfolio's equity snapshots.
 *
 * @param snapshotInterval  how often every ACTIVE bot's equity is stored (a final one is stored when a bot stops)
 * @param snapshotRetention snapshots older than this are deleted (by the same job)
 */
@ConfigurationProperties("botfleet.portfolio")
public record PortfolioProperties(@DefaultValue("5m") Duration snapshotInterval,
                                  @DefaultValue("90d") Duration snapshotRetention) {
    public PortfolioProperties {
        if (snapshotInterval.toMillis() < 1000) {
            throw new IllegalArgumentException("botfleet.portfolio.snapshot-interval must be at least 1s, was " + snapshotInterval);
        }
        if (snapshotRetention.isNegative() || snapshotRetention.isZero()) {
            throw new IllegalArgumentException("botfleet.portfolio.snapshot-retention must be positive, was " + snapshotRetention);
        }
    }
}
