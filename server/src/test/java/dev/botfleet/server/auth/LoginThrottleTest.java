package dev.botfleet.server.auth;

import org.springframework.util.unit.DataSize;
import dev.botfleet.server.config.BotfleetProperties;
import dev.botfleet.server.support.MutableClock;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleTest {
    private final MutableClock clock = new MutableClock(java.time.Instant.parse("2026-01-01T00:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(new BotfleetProperties(Path.of("x"), null,
            new BotfleetProperties.Jwt(null, Duration.ofHours(1), "botfleet"), new BotfleetProperties.Registration(true, 10, Duration.ofHours(1)),
            new BotfleetProperties.Login(3, 100, Duration.ofMinutes(10), Duration.ofMinutes(5), Duration.ofMinutes(30)),
            new BotfleetProperties.Password(4), new BotfleetProperties.Redis(false),
            new BotfleetProperties.Http(DataSize.ofKilobytes(64), DataSize.ofMegabytes(16)), "http://localhost:8080"), clock);

    private void fail(int times) {
        for (int i = 0; i < times; i++) throttle.failed("a@b.c", "1.2.3.4");
    }

    @Test
    void failuresOutsideTheWindowDoNotCount() {
        fail(2);
        clock.advance(Duration.ofMinutes(11));
        fail(2);
        assertThat(throttle.lockedFor("a@b.c", "9.9.9.9")).isEmpty();
        fail(1);
        assertThat(throttle.lockedFor("a@b.c", "9.9.9.9")).contains(Duration.ofMinutes(5));
    }

    @Test
    void eachRepeatedLockDoublesUpToTheCap() {
        fail(3);
        assertThat(throttle.lockedFor("a@b.c", "9.9.9.9")).contains(Duration.ofMinutes(5));
        clock.advance(Duration.ofMinutes(5));
        assertThat(throttle.lockedFor("a@b.c", "9.9.9.9")).isEmpty();
        fail(3);
        assertThat(throttle.lockedFor("a@b.c", "9.9.9.9")).contains(Duration.ofMinutes(10));
        clock.advance(Duration.ofMinutes(10));
        fail(3);
        clock.advance(Duration.ofMinutes(20));
        fail(3);
        assertThat(throttle.lockedFor("a@b.c", "9.9.9.9")).contains(Duration.ofMinutes(30)); // 40 capped at 30
    }

    @Test
    void successClearsTheAccountAndIdleRecordsArePruned() {
        fail(2);
        throttle.succeeded("a@b.c");
        fail(2);
        assertThat(throttle.lockedFor("a@b.c", "9.9.9.9")).isEmpty();
        throttle.failed("other@b.c", "5.5.5.5");
        clock.advance(Duration.ofMinutes(11));
        throttle.prune(clock.instant());
        assertThat(throttle.trackedKeys()).isZero();
    }
}
