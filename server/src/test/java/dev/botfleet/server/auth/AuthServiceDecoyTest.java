package dev.botfleet.server.auth;

import dev.botfleet.server.common.ApiException;
import dev.botfleet.server.config.BotfleetProperties;
import dev.botfleet.server.support.MutableClock;
import dev.botfleet.server.user.UserRepository;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.util.unit.DataSize;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The decoy hash an unknown email is checked against is made off the thread that creates the service (the server's
 * start does not wait for a bcrypt hash), and a login with an unknown email still costs a check against it.
 */
class AuthServiceDecoyTest {
    /** A real bcrypt encoder whose hashing waits until the test lets it, and which records what logins compare. */
    static final class GatedEncoder implements PasswordEncoder {
        final CountDownLatch gate = new CountDownLatch(1);
        final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
        final List<String> encoded = new CopyOnWriteArrayList<>();
        final List<String> compared = new CopyOnWriteArrayList<>();

        @Override
        public String encode(CharSequence raw) {
            try {
                if (!gate.await(30, TimeUnit.SECONDS)) throw new IllegalStateException("gate never opened");
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            String hash = bcrypt.encode(raw);
            encoded.add(hash);
            return hash;
        }

        @Override
        public boolean matches(CharSequence raw, String hash) {
            compared.add(hash);
            return bcrypt.matches(raw, hash);
        }
    }

    private static UserRepository users() {
        JdbcDataSource db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:decoy-" + System.nanoTime()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        db.setUser("sa");
        Flyway.configure().dataSource(db).locations("classpath:db/migration").load().migrate();
        return new UserRepository(JdbcClient.create(db), new dev.botfleet.server.user.TokenStates(JdbcClient.create(db), false));
    }

    private static LoginThrottle throttle() {
        return new LoginThrottle(new BotfleetProperties(Path.of("x"), null,
                new BotfleetProperties.Jwt(null, Duration.ofHours(1), "botfleet"),
                new BotfleetProperties.Registration(true, 10, Duration.ofHours(1)),
                new BotfleetProperties.Login(3, 100, Duration.ofMinutes(10), Duration.ofMinutes(5), Duration.ofMinutes(30)),
                new BotfleetProperties.Password(4), new BotfleetProperties.Redis(false),
                new BotfleetProperties.Http(DataSize.ofKilobytes(64), DataSize.ofMegabytes(16)), "http://localhost:8080"),
                new MutableClock(Instant.parse("2026-01-01T00:00:00Z")));
    }

    @Test
    void theDecoyIsHashedOffTheCreatingThreadAndAnUnknownEmailIsCheckedAgainstIt() {
        GatedEncoder passwords = new GatedEncoder();
        UserRepository users = users();
        LoginThrottle throttle = throttle();
        // the hash cannot start until the gate opens: creating the service must not wait for it
        AuthService auth = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> new AuthService(users, passwords, null, throttle, null));
        assertThat(passwords.encoded).isEmpty();

        passwords.gate.countDown();
        assertThatThrownBy(() -> auth.login("nobody@example.com", "a password", "1.2.3.4"))
                .isInstanceOf(ApiException.Unauthorized.class);
        assertThat(passwords.encoded).hasSize(1);
        assertThat(passwords.compared).containsExactly(passwords.encoded.getFirst());
    }
}
