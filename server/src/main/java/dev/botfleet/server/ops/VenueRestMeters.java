package dev.botfleet.server.ops;

import dev.botfleet.exchanges.VenueException;
import dev.botfleet.exchanges.http.RestClient;
import dev.botfleet.exchanges.http.RestObserver;
import dev.botfleet.server.venue.VenueRegistry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PreDestroy;
import org.springframework.stereotype.Component;

import java.util.concurrent.TimeUnit;

/**
 * Venue REST meters, fed by every {@link RestClient} through the exchanges module's {@link RestObserver}: request
 * latency (per venue, outcome ok/error), errors by kind, and waits before sending (our limiter, or the venue's 429 /
 * pause). Labels are venue names and fixed enums only. Each configured venue's series are registered at start so a
 * dashboard shows 0 rather than nothing.
 */
@Component
class VenueRestMeters implements RestObserver {
    private final MeterRegistry registry;

    VenueRestMeters(MeterRegistry registry, VenueRegistry venues) {
        this.registry = registry;
        for (VenueRegistry.Entry e : venues.all()) {
            String venue = e.venue().id();
            latency(venue, "ok");
            waits(venue, false);
            waits(venue, true);
        }
        RestClient.observer(this);  // set before any client sends: venues load instruments only once the context runs
    }

    @PreDestroy
    void detach() {
        RestClient.observer(null);
    }

    @Override
    public void attempted(String venue, long nanos, VenueException.Kind error) {
        latency(venue, error == null ? "ok" : "error").record(nanos, TimeUnit.NANOSECONDS);
        if (error != null) {
            Counter.builder("botfleet.venue.errors").description("Failed venue REST requests by kind")
                    .tag("venue", venue).tag("kind", error.name()).register(registry).increment();
        }
    }

    @Override
    public void waited(String venue, long millis, boolean venueTold) {
        waits(venue, venueTold).increment();
    }

    private Timer latency(String venue, String outcome) {
        return Timer.builder("botfleet.venue.requests").description("Venue REST request latency (one HTTP attempt)")
                .tag("venue", venue).tag("outcome", outcome)
                .serviceLevelObjectives(java.time.Duration.ofMillis(50), java.time.Duration.ofMillis(100),
                        java.time.Duration.ofMillis(250), java.time.Duration.ofMillis(500),
                        java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(2),
                        java.time.Duration.ofSeconds(5), java.time.Duration.ofSeconds(10))
                .register(registry);
    }

    private Counter waits(String venue, boolean venueTold) {
        return Counter.builder("botfleet.venue.rate.limit.waits")
                .description("Venue REST calls that waited before sending: by our limiter (client) or as the venue told (venue)")
                .tag("venue", venue).tag("source", venueTold ? "venue" : "client").register(registry);
    }
}
