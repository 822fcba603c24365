package dev.botfleet.server.account;

import dev.botfleet.server.runtime.RuntimeTestBase;
import dev.botfleet.server.runtime.TradingRuntime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The signed-in user's own account: password change and "sign out everywhere" revoke earlier tokens; deleting the
 * account stops its bots and removes everything it owned; sign-ups are limited per address. H2 and PostgreSQL.
 */
public abstract class AccountApiCases extends RuntimeTestBase {
    private static final String NEW_PASSWORD = "battery-staple-42";
    private static final List<String> OWNED_TABLES = List.of("bots", "orders", "trades", "positions", "deals",
            "exchange_credentials", "activity_logs", "backtests");

    @Autowired
    TradingRuntime runtime;

    @Test
    void aPasswordChangeRevokesEveryEarlierTokenAndAnswersAFreshOne() {
        Session user = newUser();
        Session otherDevice = relogin(user);
        Answer changed = post("/api/v1/me/password", user,
                Map.of("currentPassword", user.password(), "newPassword", NEW_PASSWORD));
        assertThat(changed.status()).as(String.valueOf(changed.body())).isEqualTo(200);
        Session fresh = new Session(user.id(), user.email(), NEW_PASSWORD, changed.body().get("token").asString());

        assertProblem(get("/api/v1/bots", user), 401, "UNAUTHORIZED");
        assertProblem(get("/api/v1/me", otherDevice), 401, "UNAUTHORIZED");
        assertThat(get("/api/v1/me", fresh).status()).isEqualTo(200);
        assertProblem(login(user.email(), user.password(), nextAddress()), 401, "UNAUTHORIZED");
        assertThat(login(user.email(), NEW_PASSWORD, nextAddress()).status()).isEqualTo(200);
    }

    @Test
    void aPasswordChangeNamesTheFieldThatIsWrongAndChangesNothing() {
        Session user = newUser();
        Answer wrongCurrent = post("/api/v1/me/password", user,
                Map.of("currentPassword", "not-my-password-1", "newPassword", NEW_PASSWORD));
        assertProblem(wrongCurrent, 400, "VALIDATION_ERROR");
        assertThat(wrongCurrent.errorFields()).containsExactly("currentPassword");

        Answer weak = post("/api/v1/me/password", user, Map.of("currentPassword", user.password(), "newPassword", "short"));
        assertProblem(weak, 400, "VALIDATION_ERROR");
        assertThat(weak.errorFields()).containsExactly("newPassword");

        Answer same = post("/api/v1/me/password", user,
                Map.of("currentPassword", user.password(), "newPassword", user.password()));
        assertThat(same.errorFields()).containsExactly("newPassword");

        Answer missing = post("/api/v1/me/password", user, Map.of());
        assertProblem(missing, 400, "VALIDATION_ERROR");
        assertThat(String.valueOf(missing.body())).doesNotContain(user.password());

        assertThat(get("/api/v1/me", user).status()).as("the token still works").isEqualTo(200);
        assertThat(login(user.email(), user.password(), nextAddress()).status()).isEqualTo(200);
    }

    @Test
    void wrongCurrentPasswordsAreThrottledLikeLogins() {
        Session user = newUser();
        String address = nextAddress();
        for (int i = 0; i < 5; i++) {
            assertThat(post("/api/v1/me/password", user, Map.of("currentPassword", "guess-number-" + i,
                    "newPassword", NEW_PASSWORD)).status()).isEqualTo(400);
        }
        Answer locked = post("/api/v1/me/password", user, Map.of("currentPassword", user.password(), "newPassword", NEW_PASSWORD));
        assertProblem(locked, 429, "RATE_LIMITED");
        assertThat(locked.raw().getHeader("Retry-After")).isNotBlank();
        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        assertThat(post("/api/v1/me/password", user, Map.of("currentPassword", user.password(),
                "newPassword", NEW_PASSWORD)).status()).isEqualTo(200);
    }

    @Test
    void signingOutEverywhereRevokesEveryToken() {
        Session user = newUser();
        Session otherDevice = relogin(user);
        assertThat(post("/api/v1/me/logout-all", user, null).status()).isEqualTo(204);
        assertProblem(get("/api/v1/me", user), 401, "UNAUTHORIZED");
        assertProblem(get("/api/v1/me", otherDevice), 401, "UNAUTHORIZED");
        assertThat(get("/api/v1/me", relogin(user)).status()).as("a new login works").isEqualTo(200);
    }

    @Test
    void deletingTheAccountStopsItsBotsAndRemovesEverythingItOwned() {
        Session user = newUser();
        Session neighbour = newUser();
        String bot = start(user, scalper(user, "0.2", "0.2")); // rests 20% below the market: an open order
        String neighboursBot = scalper(neighbour, "0.2", "0.2");
        await("the resting order", () -> get("/api/v1/bots/" + bot + "/orders", user).body().size(), n -> n > 0);
        assertThat(post("/api/v1/credentials", user, Map.of("exchange", "sim", "label", "k",
                "apiKey", "key-123456", "apiSecret", "secret-123456")).status()).isEqualTo(201);
        assertThat(count("bots", user.id())).isEqualTo(1);
        assertThat(count("orders", user.id())).isPositive();

        Answer wrong = delete("/api/v1/me", user, Map.of("password", "not-my-password-1"));
        assertProblem(wrong, 400, "VALIDATION_ERROR");
        assertThat(wrong.errorFields()).containsExactly("password");
        assertThat(count("bots", user.id())).as("nothing deleted on a wrong password").isEqualTo(1);
        assertThat(runtime.isRunning(UUID.fromString(bot))).isTrue();

        assertThat(delete("/api/v1/me", user, Map.of("password", user.password())).status()).isEqualTo(204);

        assertThat(runtime.isRunning(UUID.fromString(bot))).as("the bot's session ended").isFalse();
        for (String table : OWNED_TABLES) assertThat(count(table, user.id())).as(table).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM users WHERE id = :id").param("id", user.id()).query(Long.class).single()).isZero();
        assertProblem(get("/api/v1/bots", user), 401, "UNAUTHORIZED");
        assertProblem(login(user.email(), user.password(), nextAddress()), 401, "UNAUTHORIZED");
        assertThat(get("/api/v1/bots/" + neighboursBot, neighbour).status()).as("others keep their data").isEqualTo(200);
        assertThat(register(user.email(), user.password(), nextAddress()).status()).as("the email is free again").isEqualTo(201);
    }

    @Test
    void signUpsAreLimitedPerAddressAndTheLimitPasses() {
        String address = nextAddress();
        for (int i = 0; i < 10; i++) {
            assertThat(register(uniqueEmail(), "correct-horse-9", address).status()).isEqualTo(201);
        }
        Answer limited = register(uniqueEmail(), "correct-horse-9", address);
        assertProblem(limited, 429, "RATE_LIMITED");
        long retryAfter = Long.parseLong(limited.raw().getHeader("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 3600L);
        assertThat(register(uniqueEmail(), "correct-horse-9", nextAddress()).status()).as("per address").isEqualTo(201);

        clock.advance(Duration.ofHours(1).plusSeconds(1));
        assertThat(register(uniqueEmail(), "correct-horse-9", address).status()).isEqualTo(201);
    }

    @Test
    void refusedSignUpsDoNotCountButTakenEmailsDo() {
        String address = nextAddress();
        for (int i = 0; i < 15; i++) assertThat(register("not-an-email", "correct-horse-9", address).status()).isEqualTo(400);
        assertThat(register(uniqueEmail(), "correct-horse-9", address).status()).isEqualTo(201);

        String prober = nextAddress();
        Session taken = newUser();
        for (int i = 0; i < 10; i++) assertThat(register(taken.email(), "correct-horse-9", prober).status()).isEqualTo(409);
        assertProblem(register(uniqueEmail(), "correct-horse-9", prober), 429, "RATE_LIMITED");
    }

    private Session relogin(Session user) {
        Answer login = login(user.email(), user.password(), nextAddress());
        assertThat(login.status()).isEqualTo(200);
        return new Session(user.id(), user.email(), user.password(), login.body().get("token").asString());
    }

    private long count(String table, UUID owner) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE owner_id = :o").param("o", owner).query(Long.class).single();
    }
}
