package dev.botfleet.server.ops;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a venue's failure may say on the public health endpoint. */
class HealthVenueRulesTest {
    @Test
    void credentialsAndQueryStringsAreCutFromReasons() {
        String reason = VenueHealth.sanitize("GET https://alice:s3cret@proxy.example:8443/api/v3/account?signature=abc123&apiKey=K failed");
        assertThat(reason).doesNotContain("alice").doesNotContain("s3cret").doesNotContain("abc123").doesNotContain("apiKey")
                .contains("https://proxy.example:8443/api/v3/account").endsWith(" failed");
        assertThat(VenueHealth.sanitize(null)).isEqualTo("unknown");
    }
}
