package dev.botfleet.server.ops;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Operations settings (docs/operations.md). {@link #toString()} never prints the scrape token.
 *
 * @param metrics {@code botfleet.metrics.scrape-token}: the bearer token a Prometheus scraper must send; unset closes
 *                {@code /actuator/prometheus} (404)
 * @param health  {@code botfleet.health.venues-required}: true makes an unreachable venue fail readiness
 */
@ConfigurationProperties("botfleet")
public record OpsProperties(@DefaultValue Metrics metrics, @DefaultValue Health health) {

    public record Metrics(String scrapeToken) {
        public boolean scrapingEnabled() { return scrapeToken != null && !scrapeToken.isBlank(); }

        @Override
        public String toString() {
            return "Metrics[scrapeToken=" + (scrapingEnabled() ? "***" : "unset") + "]";
        }
    }

    public record Health(@DefaultValue("false") boolean venuesRequired) {
    }
}
