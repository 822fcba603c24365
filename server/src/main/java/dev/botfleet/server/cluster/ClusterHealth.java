package dev.botfleet.server.cluster;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code cluster} health contributor (part of readiness). A node that has started but not yet been admitted to
 * the cluster is OUT_OF_SERVICE: it owns no shard and cannot reach the bots' owners, so a load balancer must not send
 * it users yet (and tests must not treat it as part of the cluster). A single server (cluster off) is UP.
 */
@Configuration(proxyBeanMethods = false)
class ClusterHealth {
    @Bean
    HealthIndicator cluster(ObjectProvider<ClusterMembership> membership) {
        return () -> {
            ClusterMembership node = membership.getIfAvailable();
            if (node == null) return Health.up().withDetail("enabled", false).build();
            String status = node.status();
            if (node.member()) return Health.up().withDetail("status", status).build();
            return Health.status(Status.OUT_OF_SERVICE).withDetail("status", status)
                    .withDetail("reason", "not admitted to the cluster yet (joining its seed nodes)").build();
        };
    }
}
