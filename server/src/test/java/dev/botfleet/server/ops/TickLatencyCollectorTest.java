package dev.botfleet.server.ops;

import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The tick-to-decision histogram as Prometheus scrapes it: inclusive bounds, cumulative buckets, exact count and sum. */
class TickLatencyCollectorTest {

    @Test
    void eachLatencyCountsInTheFirstBucketItFitsAndTheScrapeShowsThemCumulated() throws IOException {
        TickLatencyCollector collector = new TickLatencyCollector();
        PrometheusRegistry registry = new PrometheusRegistry();
        registry.register(collector);
        TickLatencyHistogram sim = collector.histogram("sim");
        for (long millis : new long[] {0, 1, 2, 3, 5001}) sim.record(millis, 1);
        sim.record(5000, 1);
        collector.histogram("binance").record(7, 1);
        collector.histogram("kraken").record(3, 40);  // 40 bots that skipped one tick as quiet, decided after 3 ms

        String text = scrape(registry);
        assertThat(text).contains("# TYPE botfleet_tick_to_decision_seconds histogram")
                .contains("botfleet_tick_to_decision_seconds_bucket{exchange=\"sim\",le=\"0.001\"} 2\n")  // 0 and 1 ms
                .contains("botfleet_tick_to_decision_seconds_bucket{exchange=\"sim\",le=\"0.002\"} 3\n")
                .contains("botfleet_tick_to_decision_seconds_bucket{exchange=\"sim\",le=\"0.005\"} 4\n")
                .contains("botfleet_tick_to_decision_seconds_bucket{exchange=\"sim\",le=\"2.5\"} 4\n")
                .contains("botfleet_tick_to_decision_seconds_bucket{exchange=\"sim\",le=\"5.0\"} 5\n")
                .contains("botfleet_tick_to_decision_seconds_bucket{exchange=\"sim\",le=\"+Inf\"} 6\n")
                .contains("botfleet_tick_to_decision_seconds_count{exchange=\"sim\"} 6\n")
                .contains("botfleet_tick_to_decision_seconds_sum{exchange=\"sim\"} 10.007\n")
                .contains("botfleet_tick_to_decision_seconds_bucket{exchange=\"binance\",le=\"0.005\"} 0\n")
                .contains("botfleet_tick_to_decision_seconds_bucket{exchange=\"binance\",le=\"0.01\"} 1\n")
                .contains("botfleet_tick_to_decision_seconds_count{exchange=\"binance\"} 1\n")
                .contains("botfleet_tick_to_decision_seconds_bucket{exchange=\"kraken\",le=\"0.002\"} 0\n")
                .contains("botfleet_tick_to_decision_seconds_bucket{exchange=\"kraken\",le=\"0.005\"} 40\n")
                .contains("botfleet_tick_to_decision_seconds_count{exchange=\"kraken\"} 40\n")
                .contains("botfleet_tick_to_decision_seconds_sum{exchange=\"kraken\"} 0.12\n");
    }

    @Test
    void anExchangesHistogramIsMadeOnceAndShowsOnlyOnceABotOfItRuns() throws IOException {
        TickLatencyCollector collector = new TickLatencyCollector();
        PrometheusRegistry registry = new PrometheusRegistry();
        registry.register(collector);
        assertThat(scrape(registry)).doesNotContain("exchange=");
        assertThat(collector.histogram("sim")).isSameAs(collector.histogram("sim"));
        assertThat(scrape(registry)).contains("botfleet_tick_to_decision_seconds_count{exchange=\"sim\"} 0\n");
    }

    private static String scrape(PrometheusRegistry registry) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrometheusTextFormatWriter.create().write(out, registry.scrape(), EscapingScheme.ALLOW_UTF8);
        return out.toString(StandardCharsets.UTF_8);
    }
}
