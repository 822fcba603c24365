package dev.botfleet.server.auth.oidc;

import dev.botfleet.server.support.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The store behind pending sign-ins and login codes: once, within the lifetime, bounded. */
class OneTimeStoreTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

    @Test
    void aValueIsTakenOnceUnderAnUnguessableKey() {
        OneTimeStore<String> store = new OneTimeStore<>(clock, Duration.ofMinutes(1), 10);
        String key = store.put("v");
        assertThat(key).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(store.put("w"));
        assertThat(store.take(key)).hasValue("v");
        assertThat(store.take(key)).isEmpty();
        assertThat(store.take(null)).isEmpty();
        assertThat(store.take("unknown")).isEmpty();
    }

    @Test
    void aValueExpiresAtTheEndOfItsLifetime() {
        OneTimeStore<String> store = new OneTimeStore<>(clock, Duration.ofMinutes(1), 10);
        String early = store.put("early");
        String late = store.put("late");
        clock.advance(Duration.ofSeconds(59));
        assertThat(store.take(early)).hasValue("early");
        clock.advance(Duration.ofSeconds(1));
        assertThat(store.take(late)).isEmpty();
    }

    @Test
    void whenFullExpiredEntriesMakeRoomAndOtherwiseTheNewOneIsRefused() {
        OneTimeStore<String> store = new OneTimeStore<>(clock, Duration.ofMinutes(1), 2);
        String first = store.put("a");
        store.put("b");
        assertThatThrownBy(() -> store.put("c")).isInstanceOfSatisfying(OidcFailure.class,
                e -> assertThat(e.error()).isEqualTo(OidcError.BUSY));
        assertThat(store.take(first)).hasValue("a"); // the refused put pushed nothing out
        store.put("c");
        clock.advance(Duration.ofMinutes(1));
        String d = store.put("d");
        assertThat(store.size()).isEqualTo(1);
        assertThat(store.take(d)).hasValue("d");
    }
}
