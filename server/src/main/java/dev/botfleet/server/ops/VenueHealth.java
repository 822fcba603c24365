package dev.botfleet.server.ops;

import dev.botfleet.exchanges.InstrumentCache;
import dev.botfleet.server.venue.VenueRegistry;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The {@code venues} health contributor (part of readiness): one child per configured venue, from the state of its
 * instrument list, which the server loads in the background and refreshes. A probe never calls the venue itself — a
 * probe every few seconds would spend the venue's rate limit and could get the address banned.
 *
 * <p>A venue that cannot be reached is UNKNOWN with the reason, which leaves readiness UP: one unreachable exchange
 * must not take the whole server (sim bots, the dashboard, other venues) out of a load balancer. With
 * {@code botfleet.health.venues-required=true} it is DOWN (OUT_OF_SERVICE while its first load is under way) and
 * readiness fails with it.
 */
@Configuration(proxyBeanMethods = false)
class VenueHealth {
    /** userinfo in a URL ({@code scheme://user:secret@}) and query strings (signed calls carry keys there). */
    private static final Pattern USERINFO = Pattern.compile("(?i)([a-z][a-z0-9+.-]*://)[^/@\\s]*@");
    private static final Pattern QUERY = Pattern.compile("\\?\\S*");

    @Bean
    HealthContributor venues(VenueRegistry registry,
                             @Value("${botfleet.health.venues-required:false}") boolean required) {
        Map<String, HealthIndicator> byVenue = new LinkedHashMap<>();
        for (VenueRegistry.Entry e : registry.all()) byVenue.put(e.venue().id(), () -> health(e.instruments(), required));
        // no venue configured: UP with nothing to say, rather than an empty composite
        if (byVenue.isEmpty()) return (HealthIndicator) () -> Health.up().withDetail("venues", 0).build();
        return CompositeHealthContributor.fromMap(byVenue);
    }

    static Health health(InstrumentCache instruments, boolean required) {
        String problem = instruments.problem();
        if (!instruments.attempted()) {
            return Health.status(required ? Status.OUT_OF_SERVICE : Status.UNKNOWN)
                    .withDetail("reason", "instruments not loaded yet").withDetail("required", required).build();
        }
        if (problem == null && instruments.loaded()) {
            return Health.up().withDetail("instruments", instruments.all().size()).build();
        }
        Health.Builder h = Health.status(required ? Status.DOWN : Status.UNKNOWN)
                .withDetail("reason", "instruments cannot be loaded: " + sanitize(problem))
                .withDetail("required", required);
        if (instruments.loaded()) h.withDetail("instrumentsKept", instruments.all().size());
        return h.build();
    }

    /** Health is public: whatever a venue's error says, no credentials or query strings leave the server. */
    static String sanitize(String reason) {
        if (reason == null) return "unknown";
        String s = USERINFO.matcher(reason).replaceAll("$1");
        return QUERY.matcher(s).replaceAll("");
    }
}
