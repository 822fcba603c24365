package dev.botfleet.server.notify.webhook;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignerTest {
    @Test
    void signsTimestampDotBodyWithHmacSha256() {
        // deterministic, and bound to the secret, the timestamp and the body (the flow test checks the exact HMAC
        // with an independent implementation on the receiver's side)
        String sig = WebhookSigner.signature("Jefe", 1700000000L, "{\"a\":1}");
        assertThat(sig).matches("sha256=[0-9a-f]{64}");
        assertThat(sig).isEqualTo(WebhookSigner.signature("Jefe", 1700000000L, "{\"a\":1}"));
        assertThat(sig).isNotEqualTo(WebhookSigner.signature("Jefe", 1700000001L, "{\"a\":1}"));
        assertThat(sig).isNotEqualTo(WebhookSigner.signature("Jeff", 1700000000L, "{\"a\":1}"));
    }

    @Test
    void secretsAreRandomAndRecognisable() {
        assertThat(WebhookSigner.newSecret()).matches("whsec_[0-9a-f]{64}").isNotEqualTo(WebhookSigner.newSecret());
    }

    @Test
    void backoffFollowsTheListAndRepeatsItsLastValue() {
        var p = new WebhookProperties(0, List.of(Duration.ofSeconds(10), Duration.ofSeconds(30)), 0, null, null, 0, null);
        assertThat(p.backoffAfter(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(p.backoffAfter(2)).isEqualTo(Duration.ofSeconds(30));
        assertThat(p.backoffAfter(5)).isEqualTo(Duration.ofSeconds(30));
        assertThat(p.maxAttempts()).isEqualTo(6);
    }
}
