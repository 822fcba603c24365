package dev.botfleet.server.ops;

import io.prometheus.metrics.model.registry.Collector;
import io.prometheus.metrics.model.registry.MetricType;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.Unit;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code botfleet_tick_to_decision_seconds{exchange}}: the bots' tick-to-decision histograms, one per exchange,
 * registered with the Prometheus registry that {@code /actuator/prometheus} scrapes (beside Micrometer's own meters).
 */
final class TickLatencyCollector implements Collector {
    private static final String NAME = "botfleet_tick_to_decision_seconds";
    private static final String HELP = "From a tick's time to the end of a bot's handling of it";

    private final Map<String, TickLatencyHistogram> byExchange = new ConcurrentHashMap<>();

    /** The exchange's histogram, made on its first bot (so an exchange shows once one of its bots runs). */
    TickLatencyHistogram histogram(String exchange) {
        return byExchange.computeIfAbsent(exchange, e -> new TickLatencyHistogram());
    }

    @Override
    public MetricSnapshot collect() {
        HistogramSnapshot.Builder snapshot = HistogramSnapshot.builder().name(NAME).help(HELP).unit(Unit.SECONDS);
        byExchange.forEach((exchange, histogram) -> snapshot.dataPoint(histogram.snapshot(Labels.of("exchange", exchange))));
        return snapshot.build();
    }

    @Override
    public String getPrometheusName() { return NAME; }

    @Override
    public MetricType getMetricType() { return MetricType.HISTOGRAM; }

    @Override
    public Set<String> getLabelNames() { return Set.of("exchange"); }
}
