package dev.botfleet.server.account;

import dev.botfleet.server.runtime.RuntimeTestBase;
import dev.botfleet.server.runtime.TradingRuntime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The administrator disables and enables accounts; nobody else can. H2 and PostgreSQL. */
public abstract class AdminApiCases extends RuntimeTestBase {
    @Autowired
    TradingRuntime runtime;

    private Session admin() {
        Session admin = newUser();
        jdbc.sql("UPDATE users SET role = 'ADMIN' WHERE id = :id").param("id", admin.id()).update();
        return admin;
    }

    @Test
    void aDisabledAccountsBotsStopItsTokensEndAndItCannotLogInUntilEnabled() {
        Session admin = admin();
        Session user = newUser();
        String bot = start(user, scalper(user, "0.2", "0.2"));

        Answer disabled = post("/api/v1/admin/users/" + user.id() + "/disable", admin, null);
        assertThat(disabled.status()).as(String.valueOf(disabled.body())).isEqualTo(200);
        assertThat(disabled.body().get("disabledAt").isNull()).isFalse();

        assertThat(runtime.isRunning(UUID.fromString(bot))).isFalse();
        assertThat(jdbc.sql("SELECT status FROM bots WHERE id = :id").param("id", UUID.fromString(bot))
                .query(String.class).single()).isEqualTo("STOPPED");
        assertProblem(get("/api/v1/bots", user), 401, "UNAUTHORIZED");
        assertProblem(login(user.email(), user.password(), nextAddress()), 403, "FORBIDDEN");
        assertProblem(login(user.email(), "wrong-password-1", nextAddress()), 401, "UNAUTHORIZED");

        Answer enabled = post("/api/v1/admin/users/" + user.id() + "/enable", admin, null);
        assertThat(enabled.body().get("disabledAt").isNull()).isTrue();
        assertThat(login(user.email(), user.password(), nextAddress()).status()).isEqualTo(200);
        assertProblem(get("/api/v1/bots", user), 401, "UNAUTHORIZED");  // the old token stays revoked
    }

    @Test
    void onlyTheAdministratorManagesAccounts() {
        Session user = newUser();
        Session other = newUser();
        assertProblem(get("/api/v1/admin/users", user), 403, "FORBIDDEN");
        assertProblem(post("/api/v1/admin/users/" + other.id() + "/disable", user, null), 403, "FORBIDDEN");
        assertThat(get("/api/v1/me", other).status()).as("nothing happened to the other account").isEqualTo(200);
    }

    @Test
    void theAdministratorSeesAccountsButCannotDisableItselfOrNobody() {
        Session admin = admin();
        JsonNode page = get("/api/v1/admin/users?size=100", admin).body();
        assertThat(page.get("total").asLong()).isPositive();
        assertThat(page.get("items").toString()).doesNotContain("password");
        assertProblem(post("/api/v1/admin/users/" + admin.id() + "/disable", admin, null), 409, "CONFLICT");
        assertProblem(post("/api/v1/admin/users/" + UUID.randomUUID() + "/disable", admin, null), 404, "NOT_FOUND");
        assertThat(post("/api/v1/admin/users/not-a-uuid/disable", admin, null).status()).isEqualTo(400);
    }
}
