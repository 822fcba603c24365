package dev.botfleet.server.auth;

import dev.botfleet.server.support.ApiTestBase;
import dev.botfleet.server.support.TestClockConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** botfleet.registration.enabled=false closes sign-up (its own small context, H2 only). */
@SpringBootTest(properties = {"botfleet.registration.enabled=false", "botfleet.data-dir=target/test-data",
        "spring.datasource.url=jdbc:h2:mem:botfleet-closed;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"})
@AutoConfigureMockMvc
@Import(TestClockConfig.class)
class RegistrationClosedTest extends ApiTestBase {
    @Test
    void registrationAnswersForbiddenAndStoresNothing() {
        Answer a = post("/api/v1/auth/register", null, Map.of("email", uniqueEmail(), "password", "abcdefghi1"));
        assertProblem(a, 403, "FORBIDDEN");
        assertThat(a.body().get("detail").asString()).contains("closed");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM users").query(Long.class).single()).isZero();
    }
}
