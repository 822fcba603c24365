package dev.botfleet.server.cluster;

import dev.botfleet.server.runtime.RuntimeRepository;
import dev.botfleet.server.runtime.TradingRuntime;
import dev.botfleet.server.stream.EventStream;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The cluster node bean, only with {@code botfleet.cluster.enabled=true}. Without it no Pekko class is even loaded: the
 * runtime finds no {@link dev.botfleet.server.runtime.BotPlacement} and runs every bot itself, as it always has.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "botfleet.cluster.enabled", havingValue = "true")
class ClusterConfiguration {
    @Bean
    ClusterNode clusterNode(ClusterProperties properties, TradingRuntime runtime, RuntimeRepository runtimeBots,
                            JdbcClient jdbc, javax.sql.DataSource dataSource,
                            org.springframework.context.ApplicationContext context) {
        if (context instanceof org.springframework.context.ConfigurableApplicationContext closable) {
            GracefulTerm.install(closable);
        }
        return new ClusterNode(properties, runtime, runtimeBots, jdbc, dataSource);
    }

    /** The event stream's messages to the nodes where their users are connected. */
    @Bean
    ClusterStreamRelay streamRelay(ClusterNode node, EventStream stream) {
        return new ClusterStreamRelay(node, stream);
    }

    /** A venue's wait told to one node holds every node back. */
    @Bean
    VenueGateRelay venueGateRelay(ClusterNode node, dev.botfleet.server.venue.VenueRegistry venues) {
        return new VenueGateRelay(node, venues);
    }
}
