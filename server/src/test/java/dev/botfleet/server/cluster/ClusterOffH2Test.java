package dev.botfleet.server.cluster;

import dev.botfleet.server.runtime.BotPlacement;
import dev.botfleet.server.support.OnH2;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** botfleet.cluster.enabled defaults to false: no cluster node, no placement, nothing of Pekko created. */
@OnH2
class ClusterOffH2Test {
    @Autowired
    private ApplicationContext context;

    @Test
    void theDefaultServerIsNoClusterNode() {
        assertThat(context.getBeanNamesForType(ClusterNode.class)).isEmpty();
        assertThat(context.getBeanNamesForType(BotPlacement.class)).isEmpty();
        assertThat(context.getBean(ClusterProperties.class).enabled()).isFalse();
        // the readiness contributor says so, and is UP
        var health = (org.springframework.boot.health.contributor.HealthIndicator) context.getBean("cluster");
        assertThat(health.health().getStatus().getCode()).isEqualTo("UP");
        assertThat(health.health().getDetails()).containsEntry("enabled", false);
    }
}
