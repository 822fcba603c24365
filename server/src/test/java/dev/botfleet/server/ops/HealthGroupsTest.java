package dev.botfleet.server.ops;

import dev.botfleet.server.support.ApiTestBase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Liveness and readiness as docs/operations.md says: public, with a venue's trouble shown but not fatal by default. */
@OnOpsH2
class HealthGroupsTest extends ApiTestBase {

    @Test
    void livenessIsUpAndPublic() {
        Answer live = get("/actuator/health/liveness", null);
        assertThat(live.status()).isEqualTo(200);
        assertThat(live.body().get("status").asString()).isEqualTo("UP");
    }

    @Test
    void anUnreachableVenueIsShownWithItsReasonWhileReadinessStaysUp() throws Exception {
        JsonNode binance = awaitBinance();
        assertThat(binance.get("status").asString()).isEqualTo("UNKNOWN");
        assertThat(binance.get("details").get("reason").asString()).startsWith("instruments cannot be loaded: ");
        assertThat(binance.get("details").get("required").asBoolean()).isFalse();

        Answer ready = get("/actuator/health/readiness", null);
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.body().get("status").asString()).isEqualTo("UP");
        JsonNode components = ready.body().get("components");
        assertThat(components.get("db").get("status").asString()).isEqualTo("UP");
        assertThat(components.get("readinessState").get("status").asString()).isEqualTo("UP");
        // a single server: the cluster contributor is there and UP (a cluster node is UP once admitted)
        assertThat(components.get("cluster").get("status").asString()).isEqualTo("UP");
        assertThat(components.get("venues").get("components").propertyNames()).containsExactly("binance");

        // public, so nothing secret: no key file's content, no scrape token, no credentials in a URL
        String text = ready.raw().getContentAsString();
        for (String key : new String[] {"jwt.key", "master.key"}) {
            Path file = Path.of("target/test-data-ops", key);
            if (Files.exists(file)) assertThat(text).doesNotContain(Files.readString(file).trim());
        }
        assertThat(text).doesNotContain(OnOpsH2.SCRAPE_TOKEN).doesNotContainPattern("://[^/\"]*@");
    }

    @Test
    void otherActuatorEndpointsStayClosed() {
        for (String path : new String[] {"/actuator/env", "/actuator/beans", "/actuator/metrics", "/actuator/configprops"}) {
            assertThat(get(path, null).status()).as(path).isIn(401, 404);
            assertThat(get(path, newUser()).status()).as(path + " as a user").isIn(403, 404);
        }
    }

    private JsonNode awaitBinance() {
        return await("binance to fail to load its instruments",
                () -> get("/actuator/health/readiness", null).body().get("components").get("venues")
                        .get("components").get("binance"),
                venue -> venue.get("details").get("reason").asString().startsWith("instruments cannot"));
    }
}
